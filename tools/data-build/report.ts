/**
 * `npm run data:report`: per season, what data/ holds and what is missing. Reads data/ only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type SeasonFile, seasonFileSchema } from "../../src/data/seasonFile.js";

export interface SeasonCoverage {
  season: number;
  couples: number;
  weeks: number;
  dances: number;
  withStyle: number;
  withSong: number;
  withScores: number;
  /** Dances that could carry scores (unscored dance-offs excluded). */
  scorable: number;
  weeklyOnly: number;
  weeksWithoutDate: number;
  weeksWithoutTheme: number;
  missing: string[];
}

export function loadSeasons(dataDir: string): SeasonFile[] {
  const dir = join(dataDir, "seasons");
  return readdirSync(dir)
    .filter((f) => /^season-\d{2}\.json$/.test(f))
    .sort()
    .map((f) => seasonFileSchema.parse(JSON.parse(readFileSync(join(dir, f), "utf8"))));
}

/** Dances: every performance except unscored group numbers, relays and marathons (which are counted apart). */
export function coverage(file: SeasonFile): SeasonCoverage {
  // Weeks that aired; a season on the air also has announced and scheduled weeks, reported apart.
  const weeks = file.weeks.filter((w) => !w.label && !w.status);
  const dances = file.weeks
    .flatMap((w) => w.performances)
    .filter((p) => !["relay", "marathon", "group"].includes(p.round) && p.status !== "announced");
  const weeklyOnly = file.weeks.reduce((n, w) => n + (w.weeklyScores?.length ?? 0), 0);
  const cov: SeasonCoverage = {
    season: file.season,
    couples: file.couples.length,
    weeks: weeks.length,
    dances: dances.length,
    withStyle: dances.filter((d) => d.style).length,
    withSong: dances.filter((d) => d.song).length,
    withScores: dances.filter((d) => d.scores || d.total !== undefined).length,
    scorable: dances.filter((d) => d.round !== "dance-off" || d.scores).length,
    weeklyOnly,
    weeksWithoutDate: weeks.filter((w) => !w.airDate).length,
    weeksWithoutTheme: weeks.filter((w) => !w.theme).length,
    missing: [],
  };
  const noDances = weeks.filter((w) => w.performances.length === 0).map((w) => w.week);
  if (noDances.length)
    cov.missing.push(`no per-dance record for week${noDances.length > 1 ? "s" : ""} ${noDances.join(", ")}`);
  if (cov.weeklyOnly) cov.missing.push(`${cov.weeklyOnly} couple-weeks known only as weekly figures`);
  if (dances.length - cov.withStyle) cov.missing.push(`${dances.length - cov.withStyle} dances without style`);
  if (dances.length - cov.withSong) cov.missing.push(`${dances.length - cov.withSong} dances without song`);
  const unscored = dances.filter((d) => !d.scores && d.total === undefined && d.round !== "dance-off").length;
  if (unscored) cov.missing.push(`${unscored} dances without scores`);
  if (cov.weeksWithoutDate) cov.missing.push(`${cov.weeksWithoutDate} weeks without air date`);
  if (cov.weeksWithoutTheme) cov.missing.push(`${cov.weeksWithoutTheme} weeks without theme`);
  if (!file.premiere) cov.missing.push("premiere date");
  const announced = file.weeks.filter((w) => w.status === "announced");
  const scheduled = file.weeks.filter((w) => w.status === "scheduled").map((w) => w.week);
  if (announced.length || scheduled.length) {
    // On the air: what is known of the weeks to come, and that the finale has not happened yet.
    for (const w of announced)
      cov.missing.push(`week ${w.week} announced (${w.performances.length} dances named, not scored yet)`);
    if (scheduled.length) cov.missing.push(`weeks ${scheduled[0]}-${scheduled.at(-1)} scheduled (date and theme only)`);
    cov.missing.push("on the air: no finale yet");
  } else if (!file.finale) cov.missing.push("finale date");
  return cov;
}

function pct(n: number, of: number): string {
  return of ? `${Math.round((100 * n) / of)}%` : "-";
}

export function reportText(files: SeasonFile[]): string {
  const lines = [
    "season couples weeks dances  style  song scores  missing",
    "------ ------- ----- ------ ------ ----- ------  -------",
  ];
  const all = { dances: 0, style: 0, song: 0, scores: 0, scorable: 0, weekly: 0 };
  for (const f of files) {
    const c = coverage(f);
    all.dances += c.dances;
    all.style += c.withStyle;
    all.song += c.withSong;
    all.scores += c.withScores;
    all.scorable += c.scorable;
    all.weekly += c.weeklyOnly;
    lines.push(
      [
        String(c.season).padStart(6),
        String(c.couples).padStart(7),
        String(c.weeks).padStart(5),
        String(c.dances).padStart(6),
        pct(c.withStyle, c.dances).padStart(6),
        pct(c.withSong, c.dances).padStart(5),
        pct(c.withScores, c.scorable).padStart(6),
        ` ${c.missing.join("; ") || "-"}`,
      ].join(" "),
    );
  }
  lines.push(
    `\nall ${files.length} seasons: ${all.dances} dances, ${pct(all.style, all.dances)} with style, ${pct(all.song, all.dances)} with song, ${pct(all.scores, all.scorable)} scored; ${all.weekly} couple-weeks known only as weekly figures`,
  );
  return `${lines.join("\n")}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--data");
  const dataDir = resolve(i >= 0 ? (process.argv[i + 1] ?? "data") : "data");
  process.stdout.write(reportText(loadSeasons(dataDir)));
}
