import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { getPoll, openPolls } from "../../db/queries/polls/index.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { guildOf, requireManager, text } from "./access.js";

/** /poll close: the newest open poll here by default; its creator, or a poll manager for someone else's. */
export async function close(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  const chosen = interaction.options.getInteger("poll");
  const pollId = chosen ?? (await openPolls(ctx.db, guildId, interaction.channelId))[0]?.id;
  if (pollId === undefined)
    throw new UserError("There is no open poll in this channel. Pick one with the `poll` option.");
  const found = await getPoll(ctx.db, pollId);
  if (!found || found.poll.guildId !== guildId) throw new UserError(`There is no poll #${pollId} in this server.`);
  if (found.poll.closedAt) throw new UserError(`Poll #${pollId} is already closed.`);
  if (found.poll.creatorId !== interaction.user.id) await requireManager(interaction, ctx, "close someone else's poll");
  await respond(
    interaction,
    async () => {
      const closed = await ctx.polls.close(pollId, interaction.user.id);
      return text(
        closed
          ? `Closed poll #${pollId}; the results are posted in <#${closed.channelId}>.`
          : `Poll #${pollId} had already closed.`,
      );
    },
    { ephemeral: true },
  );
}
