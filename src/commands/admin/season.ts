import type { ModalSubmitInteraction } from "discord.js";
import { editSeasonDetails, newSeason, splitNames } from "../../admin/edits.js";
import { changeSeason, currentSeason } from "../../admin/seasons.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { dateOrNull, type Slash, seasonOf } from "./edit.js";
import { changeView, seasonModal } from "./view.js";

/** `/admin season`: a modal, prefilled when the season exists: the first response, so no slow work before it. */
export async function season(interaction: Slash, ctx: BotContext): Promise<void> {
  const number = seasonOf(interaction);
  const current = await currentSeason(ctx.db, number);
  await interaction.showModal(seasonModal(number, current?.document ?? null));
}

/** The season form (`adm:s:<season>`): premiere, hosts, judges and the trophy's title. */
export async function seasonForm(interaction: ModalSubmitInteraction, ctx: BotContext, number: number): Promise<void> {
  const field = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const details = {
    season: number,
    premiere: dateOrNull(field("premiere"), "The premiere date"),
    hosts: splitNames(field("hosts")),
    judges: splitNames(field("judges")),
    title: field("title") || undefined,
  };
  await respond(interaction, async () => {
    const outcome = await changeSeason(ctx.db, {
      season: number,
      userId: interaction.user.id,
      action: "season",
      edit: (doc) => (doc ? editSeasonDetails(doc, details) : newSeason(details)),
    });
    await ctx.live.changed(outcome);
    return changeView(outcome, `Season ${number}`);
  });
}
