import { EmbedBuilder } from "@discordjs/builders";
import { isDoubleElimination, type ResultCouple, type WeekResults } from "../../lookups/results.js";
import { colors, longDate, ordinal, plain } from "../../views/format.js";
import { clip, type Field, fitLines, limits } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { neighbourRow, neighbours } from "../../views/pages.js";
import type { View } from "../../views/view.js";
import { resultsIds } from "./ids.js";

const resultsId = (season: number, week: number) => resultsIds.week.encode(season, week);

const medals = ["🥇", "🥈", "🥉"];

function resultsViewNow(r: WeekResults): View {
  // Spoiler markup hides the names until tapped; everything that gives the result away goes inside it.
  const hide = (text: string) => (r.hiddenUntil ? `||${text}||` : text);
  const coupleLine = (c: ResultCouple) =>
    `${plain(c.celebrity)}${c.pro ? ` & ${plain(c.pro)}` : ""}${c.note ? ` (${plain(c.note)})` : ""}`;
  const listField = (name: string, couples: ResultCouple[]): Field[] =>
    couples.length ? [{ name, value: fitLines(couples.map((c) => hide(coupleLine(c)))) }] : [];

  const theme = r.isFinale && r.themes.length === 0 ? "Finale" : r.themes.join(" / ");
  const title = clip(`Season ${r.season} · Week ${r.week}${theme ? ` — ${theme}` : ""}`, limits.title);
  const header: string[] = [];
  const aired = longDate(r.airDate);
  if (aired) header.push(`Aired ${aired}`);
  if (r.hiddenUntil) {
    const at = Math.floor(r.hiddenUntil.getTime() / 1000);
    header.push(
      `🙈 Spoiler guard: this server hides the newest week's results until <t:${at}:f>. Tap a black bar to reveal.`,
    );
  }
  if (r.noElimination) header.push("No elimination this week.");
  if (isDoubleElimination(r)) header.push(hide("Double elimination: two couples went home."));
  if (r.unrecorded) header.push("No results are recorded for this week yet.");

  const fields: Field[] = [
    ...listField(isDoubleElimination(r) ? "Went home (double elimination)" : "Went home", r.eliminated),
    ...listField("Withdrew", r.withdrew),
    ...listField("In jeopardy / bottom, survived", r.bottom),
    ...listField("Saved by the judges", r.saved),
    ...listField("Immunity", r.immune),
  ];
  if (r.saveVotes.length > 0) {
    fields.push({
      name: "Judges' save votes",
      value: fitLines(r.saveVotes.map((v) => hide(`${plain(v.judge)} → ${plain(v.couple)}`))),
    });
  }
  if (r.placements.length > 0) {
    const lines = r.placements.map((p) => {
      const place = p.placement ? `${medals[p.placement - 1] ?? ""} ${ordinal(p.placement)}`.trim() : "–";
      return hide(`${place} ${coupleLine(p.couple)} — ${plain(p.result)}`);
    });
    fields.push({ name: "Final placements", value: fitLines(lines) });
  }
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(title)
    .addFields(fields.slice(0, limits.fields))
    .setFooter({ text: "Scores of the week: /leaderboard · the whole season: /season" });
  if (header.length) embed.setDescription(clip(header.join("\n"), limits.description));
  const { previous, next } = neighbours(r.weekNumbers, r.week);
  const row = neighbourRow(
    previous === null ? null : { id: resultsId(r.season, previous), label: `Week ${previous}` },
    next === null ? null : { id: resultsId(r.season, next), label: `Week ${next}` },
    "rs",
  );
  return { embeds: [embed.toJSON()], components: [row] };
}

/** Drawn once per remembered week and spoiler deadline (src/views/memo.ts). */
export const resultsView = drawnOnce(resultsViewNow);
