import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { createLeague } from "../../leagues/lifecycle.js";
import { safeText } from "../../views/format.js";
import { guildOf, text } from "./access.js";

/** /league create: Manage Server opens a league in this channel; members join on its message. */
export async function create(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError("Only members with Manage Server can create a league.");
  }
  const name = interaction.options.getString("name", true).trim();
  if (!name) throw new UserError("Give the league a name, e.g. `Ballroom Blitz`.");
  await respond(
    interaction,
    async () => {
      const league = await createLeague(ctx.db, {
        guildId,
        channelId: interaction.channelId,
        creatorId: interaction.user.id,
        name,
        season: interaction.options.getInteger("season"),
        teamSize: interaction.options.getInteger("team-size"),
        pickSeconds: interaction.options.getInteger("pick-seconds"),
      });
      await ctx.leagues.publish(league);
      const kind = league.mode === "replay" ? "a replay: you release its weeks with `/league advance`" : "live";
      return text(
        `League #${league.id} "${safeText(league.name, 80)}" is up in this channel (${kind}). Members join with its button; change the scoring with \`/league scoring\` before you start the draft.`,
      );
    },
    { ephemeral: true },
  );
}
