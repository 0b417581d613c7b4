import type { CoupleRef, JudgeSeat } from "../db/queries/weekSheet.js";
import type { DanceLine } from "../standings/standings.js";
import { clip } from "./limits.js";

export const colors = { mirrorball: 0xc9a227, info: 0x5865f2 } as const;

export function score(n: number): string {
  // Weekly figures times dances carry float noise (87.9999…): round to what is shown before choosing decimals.
  const r = Math.round(n * 100) / 100;
  return Number.isInteger(r) ? String(r) : r.toFixed(Number.isInteger(r * 2) ? 1 : 2);
}

export function coupleName(c: CoupleRef): string {
  return `${c.celebrity} & ${c.pro}`;
}

const roundNames: Record<string, string> = {
  regular: "",
  redemption: "Redemption",
  freestyle: "Freestyle",
  team: "Team dance",
  relay: "Relay",
  "dance-off": "Dance-off",
  marathon: "Marathon",
  trio: "Trio",
  showdance: "Showdance",
  semifinal: "Semifinal",
  group: "Group dance",
  other: "",
};

export function roundName(round: string): string {
  return roundNames[round] ?? round;
}

/** Markdown characters in names or songs would otherwise turn into formatting. */
export function plain(text: string): string {
  return text.replace(/([*_`~|>\\])/g, "\\$1");
}

export function songText(song: string | null, artist: string | null): string {
  if (!song) return "";
  return artist ? `"${plain(song)}" (${plain(artist)})` : `"${plain(song)}"`;
}

export function judgesLine(judges: readonly JudgeSeat[]): string {
  return judges.map((j) => (j.isGuest ? `${j.name} (guest)` : j.name)).join(" · ");
}

/** One dance as a line: round, team, style, song, then each judge's mark and the total. */
export function danceText(d: DanceLine): string {
  const p = d.performance;
  const round = roundName(p.round);
  const style = p.style && p.style.toLowerCase() !== round.toLowerCase() ? plain(p.style) : "";
  const what = [round, p.team ? plain(p.team) : "", style, songText(p.song, p.artist)].filter(Boolean).join(" · ");
  const marks = [
    ...p.scores.map((s) => (s === null ? "–" : score(s))),
    ...p.extraScores.map((x) => `${plain(x.by)} ${x.score === null ? "–" : score(x.score)}`),
  ].join(" · ");
  const total =
    d.judgesTotal === null
      ? "not scored"
      : `${marks ? `${marks} = ` : "total "}**${score(d.judgesTotal)}**/${d.judgesMax}`;
  const extras: string[] = [];
  if (d.partners.length > 4 || (d.partners.length > 0 && (p.round === "marathon" || p.round === "group"))) {
    // Everyone on the floor at once: the count says it, and each couple's line stays short.
    extras.push(`with ${d.partners.length} other couple${d.partners.length === 1 ? "" : "s"}`);
  } else if (d.partners.length > 0) {
    const verb = p.round === "dance-off" || p.round === "relay" ? "vs" : "with";
    extras.push(`${verb} ${d.partners.map((c) => plain(c.celebrity)).join(", ")}`);
  }
  for (const s of p.standIns) extras.push(`${plain(s.by)} stood in for ${plain(s.for)}`);
  return `${what || "Dance (style not recorded)"} — ${total}${extras.length ? ` (${extras.join("; ")})` : ""}`;
}

export function ordinal(n: number): string {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

export function longDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/** `<t:…:F>` / `<t:…:R>`: Discord shows each member the time in their own zone. */
export function timestamp(date: Date, style: "F" | "R" | "f" | "t" = "F"): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

/** User text that cannot format, mention or spoof: markdown escaped, mentions broken, lines joined, clipped. */
export function safeText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return clip(
    plain(flat)
      .replace(/@/g, "@\u200b")
      .replace(/<(?=[@#&:atr])/g, "<\u200b"),
    max,
  );
}
