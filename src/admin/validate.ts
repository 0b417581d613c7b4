import { issuePlace } from "../data/loadSeasonFiles.js";
import { type SeasonFile, seasonFileSchema } from "../data/seasonFile.js";
import { foldName } from "../text/names.js";

/**
 * The rules every season document must pass before it is loaded, whether typed in Discord, imported or in data/:
 * the season file schema (scores within 0-10 in half points, couples belonging to the season, one entry per week)
 * and the live-season rules below (no duplicate performance, dates in order). Problems name their place in the file.
 */

export type Checked = { ok: true; season: SeasonFile } | { ok: false; problems: string[] };

/** A season with no couples yet is a draft: kept, not loaded (the loader needs at least one couple). */
export function isDraft(doc: SeasonFile): boolean {
  return doc.couples.length === 0;
}

export function checkSeason(input: unknown): Checked {
  const draftOk =
    typeof input === "object" &&
    input !== null &&
    Array.isArray((input as { couples?: unknown }).couples) &&
    (input as { couples: unknown[] }).couples.length === 0;
  const parsed = seasonFileSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.filter(
      (i) => !(draftOk && i.path.length === 1 && i.path[0] === "couples" && i.code === "too_small"),
    );
    if (issues.length > 0) return { ok: false, problems: issues.map((i) => `${issuePlace(i.path)} ${i.message}`) };
    // Only "no couples yet" failed: validate the rest with a placeholder couple, then hand back the draft.
    const probe = seasonFileSchema.safeParse({
      ...(input as object),
      couples: [{ celebrity: "-", pro: "-", placement: null, result: "" }],
    });
    if (!probe.success)
      return { ok: false, problems: probe.error.issues.map((i) => `${issuePlace(i.path)} ${i.message}`) };
    return { ok: true, season: { ...probe.data, couples: [] } };
  }
  const problems = liveRules(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, season: parsed.data };
}

function liveRules(doc: SeasonFile): string[] {
  const problems: string[] = [];
  doc.weeks.forEach((week, w) => {
    const seen = new Map<string, number>();
    week.performances.forEach((p, i) => {
      // The same couples, round, style and song twice in one night is a double entry (unless a note tells them apart).
      const key = [
        p.round,
        foldName(p.style ?? ""),
        foldName(p.song ?? ""),
        p.note ?? "",
        ...[...p.couples].sort(),
      ].join("|");
      const first = seen.get(key);
      if (first !== undefined && p.style) {
        problems.push(
          `weeks[${w}].performances[${i}] repeats performances[${first}] (${p.couples.join(" & ")}, ${p.round} ${p.style}${p.song ? ` to "${p.song}"` : ""}) in week ${week.week}`,
        );
      }
      seen.set(key, i);
    });
  });
  // Dates in order: premiere, then each week's night no earlier than the week before it, then the finale.
  let last: { date: string; what: string } | null = doc.premiere ? { date: doc.premiere, what: "the premiere" } : null;
  const ordered = doc.weeks.map((week, w) => ({ week, w })).sort((a, b) => a.week.week - b.week.week);
  for (const { week, w } of ordered) {
    // A labelled week is a special shown apart from the season's run (a rematch months later).
    if (!week.airDate || week.label) continue;
    if (last && week.airDate < last.date) {
      problems.push(`weeks[${w}].airDate ${week.airDate} (week ${week.week}) is before ${last.what} (${last.date})`);
    }
    last = { date: week.airDate, what: `week ${week.week}` };
  }
  if (doc.finale && last && doc.finale < last.date) {
    problems.push(`finale ${doc.finale} is before ${last.what} (${last.date})`);
  }
  doc.couples.forEach((c, i) => {
    if (c.exitWeek && !doc.weeks.some((w) => w.week === c.exitWeek)) {
      problems.push(`couples[${i}].exitWeek ${c.exitWeek} (${c.celebrity}) is not one of the season's weeks`);
    }
  });
  return problems;
}

/** Weeks whose every couple still competing has a dance with a full score sheet: the night's leaderboard is final. */
export function completeNights(doc: SeasonFile): number[] {
  return doc.weeks
    .filter((week) => {
      if (week.label || week.performances.length === 0) return false;
      const scored = new Set<string>();
      for (const p of week.performances) {
        if (!p.scores) continue;
        if (p.scores.some((s) => s === null)) return false;
        for (const c of p.couples) scored.add(c);
      }
      // A couple who withdrew that week may not have danced; one eliminated that week did.
      const dancing = doc.couples.filter(
        (c) => !c.exitWeek || c.exitWeek > week.week || (c.exitWeek === week.week && !c.withdrew),
      );
      return dancing.length > 0 && dancing.every((c) => scored.has(c.celebrity));
    })
    .map((w) => w.week);
}
