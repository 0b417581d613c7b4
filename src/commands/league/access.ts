import { type Interaction, PermissionFlagsBits } from "discord.js";
import type { BotContext } from "../../context.js";
import { getLeague, type LeagueRow, listLeagues } from "../../db/queries/leagues/index.js";
import { UserError } from "../../errors.js";
import type { View } from "../../views/view.js";

export const text = (content: string): View => ({ content, embeds: [], components: [] });

export function guildOf(interaction: Interaction): string {
  if (!interaction.guildId) throw new UserError("Leagues live in a server: run this in a server channel, not in DMs.");
  return interaction.guildId;
}

/** The league named by the `league` option, or the newest in this channel, or the newest in the server. */
export async function chosenLeague(ctx: BotContext, interaction: Interaction, id: number | null): Promise<LeagueRow> {
  const guildId = guildOf(interaction);
  if (id !== null) {
    const league = await getLeague(ctx.db, id);
    if (!league || league.guildId !== guildId) {
      throw new UserError(`There is no league #${id} in this server. Pick one from the list as you type.`);
    }
    return league;
  }
  const mine = await listLeagues(ctx.db, guildId);
  const here = mine.find((l) => l.channelId === interaction.channelId) ?? mine[0];
  if (!here) throw new UserError("There is no league in this server yet. Create one with `/league create`.");
  return here;
}

/** The creator, or a member with Manage Server, changes a league. */
export function requireLeagueManager(interaction: Interaction, league: LeagueRow, what: string): void {
  if (interaction.user.id === league.creatorId) return;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return;
  throw new UserError(`Only the league's creator (<@${league.creatorId}>) or a Manage Server member can ${what}.`);
}
