import type { ModalSubmitInteraction } from "discord.js";
import { addDance, coupleNamed, parseScores, splitNames } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";
import { type RoundType, roundTypes } from "../../data/seasonFile.js";
import { UserError } from "../../errors.js";
import { edit, liveDocument, type Slash, seasonOf, weekOf } from "./edit.js";
import { adminIds } from "./ids.js";
import { danceModal } from "./view.js";

/** `/admin dance`: checks the night and couples now, so the owner never fills in a form that cannot be saved. */
export async function dance(interaction: Slash, ctx: BotContext): Promise<void> {
  const number = seasonOf(interaction);
  const doc = await liveDocument(ctx, number);
  const night = doc.weeks.find((w) => w.week === weekOf(interaction) && !w.label);
  if (!night)
    throw new UserError(`Season ${number} has no week ${weekOf(interaction)} yet: add it with /admin night first.`);
  const named = [
    interaction.options.getString("couple", true),
    ...splitNames(interaction.options.getString("with") ?? ""),
  ];
  const couples = [...new Set(named.map((n) => coupleNamed(doc, n).celebrity))];
  const places = couples.map((c) => doc.couples.findIndex((x) => x.celebrity === c));
  const round = roundTypes.indexOf(interaction.options.getString("round") as RoundType);
  if (places.length > 12) throw new UserError("That is too many couples for one dance; record at most 12.");
  const customId = adminIds.danceForm.encode(number, night.week, Math.max(round, 0), places.join("."));
  await interaction.showModal(danceModal({ customId, couples, week: night.week, judges: night.judges }));
}

/** The dance form (`adm:d:<season>:<week>:<round>:<couple places>`): style, song, artist, scores and bonus. */
export async function danceForm(
  interaction: ModalSubmitInteraction,
  ctx: BotContext,
  [number, night, roundIndex, placeList]: readonly [number, number, number, string],
): Promise<void> {
  const field = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const round = roundTypes[roundIndex];
  if (!round) throw new UserError("That form names an unknown round; run /admin dance again.");
  const places = placeList.split(".").map(Number);
  const scoresText = field("scores");
  const bonusText = field("bonus");
  const bonus = bonusText ? Number(bonusText) : undefined;
  if (bonus !== undefined && !Number.isFinite(bonus))
    throw new UserError(`Bonus "${bonusText}" is not a number of points.`);
  await edit(interaction, ctx, {
    season: number,
    action: "dance",
    headline: `Week ${night}: ${field("style")}`,
    edit: (doc) => {
      const couples = places.map((p) => {
        const couple = doc.couples[p];
        if (!couple) throw new UserError("A couple of that form is no longer in the season; run /admin dance again.");
        return couple.celebrity;
      });
      return addDance(doc, {
        week: night,
        round,
        style: field("style") || null,
        song: field("song") || null,
        artist: field("artist") || null,
        couples,
        scores: scoresText ? parseScores(scoresText) : null,
        bonus,
      });
    },
  });
}
