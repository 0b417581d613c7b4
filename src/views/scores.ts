import type { ScoredDance } from "../lookups/scores.js";
import { plain, roundName, score, songText } from "./format.js";

export function danceWhere(d: ScoredDance): string {
  return `S${d.season} W${d.week}${d.label ? ` ${d.label}` : ""}`;
}

export function danceCouples(d: ScoredDance): string {
  if (d.couples.length > 2) return `${d.couples.map((c) => plain(c.celebrity)).join(", ")}`;
  return d.couples.map((c) => `${plain(c.celebrity)} & ${plain(c.pro)}`).join(" vs ");
}

/** One dance on one line: its total out of the maximum, the style, where it was danced, and the couple when asked. */
export function danceLabel(
  d: ScoredDance,
  options: { couple?: boolean; song?: boolean; style?: boolean } = {},
): string {
  const round = roundName(d.round);
  const style = d.style ? plain(d.style) : round || "Dance";
  const what = round && d.style && round.toLowerCase() !== d.style.toLowerCase() ? `${round} ${style}` : style;
  const parts = [`**${score(d.total)}**/${d.judges * 10}`];
  if (options.couple) parts.push(danceCouples(d));
  // A list of one style need not repeat it; a round (Redemption, Freestyle) still says what it was.
  if (options.style !== false) parts.push(what);
  else if (round && round.toLowerCase() !== (d.style ?? "").toLowerCase()) parts.push(round);
  parts.push(danceWhere(d));
  const song = options.song ? songText(d.song, d.artist) : "";
  if (song) parts.push(song);
  return parts.join(" · ");
}
