import { ChannelType, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { setResultsChannel } from "../../db/queries/guilds.js";
import { respond } from "../../discord/respond.js";

/** `/settings results-channel [channel]`: where the night's leaderboard is posted once its scores are in. */
export async function resultsChannelSetting(
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  { db }: BotContext,
): Promise<void> {
  const channel = interaction.options.getChannel("channel", false, [
    ChannelType.GuildText,
    ChannelType.GuildAnnouncement,
  ]);
  await setResultsChannel(db, {
    guildId: interaction.guildId,
    channelId: channel?.id ?? null,
    setBy: interaction.user.id,
  });
  const content = channel
    ? `Each night's leaderboard will be posted in <#${channel.id}> once all its scores are in (after the spoiler guard, if one is set).`
    : "The night's leaderboard will no longer be posted; /leaderboard still shows it.";
  await respond(interaction, async () => ({ content, embeds: [], components: [] }), { ephemeral: true });
}
