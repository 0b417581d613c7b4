/** What every /admin subcommand shares: one edit of a live season, answered with what changed. */
import type { ChatInputCommandInteraction, ModalSubmitInteraction } from "discord.js";
import { currentSeason, editLiveSeason } from "../../admin/seasons.js";
import type { BotContext } from "../../context.js";
import type { SeasonFile } from "../../data/seasonFile.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { changeView } from "./view.js";

export type Slash = ChatInputCommandInteraction;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function dateOrNull(text: string | null, what: string): string | null {
  const value = text?.trim() ?? "";
  if (!value) return null;
  if (!isoDate.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UserError(`${what} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-09-15.`);
  }
  return value;
}

/** Runs one edit of a season the owners run and answers with what changed. */
export async function edit(
  interaction: Slash | ModalSubmitInteraction,
  ctx: BotContext,
  input: { season: number; action: string; headline: string; edit(doc: SeasonFile): SeasonFile },
): Promise<void> {
  await respond(interaction, async () => {
    const outcome = await editLiveSeason(ctx.db, {
      season: input.season,
      userId: interaction.user.id,
      action: input.action,
      edit: input.edit,
    });
    await ctx.live.changed(outcome);
    return changeView(outcome, input.headline);
  });
}

export async function liveDocument(ctx: BotContext, season: number): Promise<SeasonFile> {
  const current = await currentSeason(ctx.db, season);
  if (!current) {
    throw new UserError(
      `Season ${season} is neither in data/ nor run from Discord yet: create it with /admin season, or import its file with /admin import.`,
    );
  }
  return current.document;
}

export const seasonOf = (i: Slash) => i.options.getInteger("season", true);
export const weekOf = (i: Slash) => i.options.getInteger("week", true);
