import type { SeasonFile, SeasonFilePerformance, SeasonFileWeek } from "../data/seasonFile.js";

/**
 * What a new version of a season document changes, line by line in the show's words: the dry run of an import and
 * the audit log's record of every edit.
 */
export function describeChanges(before: SeasonFile | null, after: SeasonFile): string[] {
  if (!before) {
    const dances = after.weeks.reduce((n, w) => n + w.performances.length, 0);
    return [
      `New season ${after.season}: ${after.couples.length} couple${plural(after.couples.length)}, ${after.weeks.length} week${plural(after.weeks.length)}, ${dances} dance${plural(dances)}.`,
    ];
  }
  const lines: string[] = [];
  for (const key of ["title", "premiere", "finale", "trophy"] as const) {
    if ((before[key] ?? null) !== (after[key] ?? null))
      lines.push(`${key}: ${show(before[key])} → ${show(after[key])}`);
  }
  if (before.hosts.join() !== after.hosts.join()) lines.push(`hosts: ${after.hosts.join(", ") || "none"}`);
  if (before.judges.join() !== after.judges.join()) lines.push(`judges: ${after.judges.join(", ") || "none"}`);

  const old = new Map(before.couples.map((c) => [c.celebrity, c]));
  for (const c of after.couples) {
    const was = old.get(c.celebrity);
    old.delete(c.celebrity);
    if (!was) lines.push(`couple added: ${c.celebrity} & ${c.pro}`);
    else if (!same(was, c)) {
      const what = [
        was.pro !== c.pro ? `pro ${was.pro} → ${c.pro}` : null,
        was.result !== c.result ? `${show(was.result)} → ${c.result}` : null,
        (was.placement ?? null) !== (c.placement ?? null)
          ? `placement ${show(was.placement)} → ${show(c.placement)}`
          : null,
        (was.notability ?? null) !== (c.notability ?? null) ? "notability" : null,
      ].filter(Boolean);
      lines.push(`${c.celebrity}: ${what.join(", ") || "details changed"}`);
    }
  }
  for (const c of old.values()) lines.push(`couple removed: ${c.celebrity} & ${c.pro}`);

  const weekKey = (w: SeasonFileWeek) => `${w.week}/${w.label ?? ""}`;
  const oldWeeks = new Map(before.weeks.map((w) => [weekKey(w), w]));
  for (const w of after.weeks) {
    const was = oldWeeks.get(weekKey(w));
    oldWeeks.delete(weekKey(w));
    const name = `week ${w.week}${w.label ? ` (${w.label})` : ""}`;
    if (!was) {
      lines.push(
        `${name} added: ${w.theme ?? "no theme"}, ${w.airDate ?? "no date"}, ${w.performances.length} dance${plural(w.performances.length)}`,
      );
      continue;
    }
    lines.push(...weekChanges(name, was, w));
  }
  for (const w of oldWeeks.values()) lines.push(`week ${w.week} removed`);
  return lines;
}

function weekChanges(name: string, was: SeasonFileWeek, now: SeasonFileWeek): string[] {
  const lines: string[] = [];
  if (was.airDate !== now.airDate || was.theme !== now.theme)
    lines.push(`${name}: ${show(now.theme)}, ${show(now.airDate)}`);
  if (was.judges.join() !== now.judges.join()) lines.push(`${name}: judges ${now.judges.join(", ")}`);
  now.performances.forEach((p, i) => {
    const old = was.performances[i];
    if (!old) lines.push(`${name}: dance added — ${dance(p)}${p.scores ? ` ${sheet(p.scores)}` : ""}`);
    else if (!same(old, p)) {
      const scores = !same(old.scores, p.scores);
      lines.push(
        scores && dance(old) === dance(p)
          ? `${name}: scores of ${dance(p)} ${sheet(old.scores)} → ${sheet(p.scores)}`
          : `${name}: dance ${i + 1} now ${dance(p)}${p.scores ? ` ${sheet(p.scores)}` : ""}`,
      );
    }
  });
  if (was.performances.length > now.performances.length) {
    lines.push(`${name}: ${was.performances.length - now.performances.length} dance(s) removed`);
  }
  const results = (w: SeasonFileWeek) =>
    (w.results ?? [])
      .map((r) => `${r.couple} ${r.outcome}`)
      .sort()
      .join(", ");
  if (results(was) !== results(now) || Boolean(was.noElimination) !== Boolean(now.noElimination)) {
    lines.push(`${name}: results ${results(now) || (now.noElimination ? "no elimination" : "none")}`);
  }
  if (!same(was.bonus ?? [], now.bonus ?? [])) {
    lines.push(
      `${name}: bonus ${(now.bonus ?? []).map((b) => `${b.couple} ${b.points > 0 ? "+" : ""}${b.points}`).join(", ") || "none"}`,
    );
  }
  if (!same(was.judgesSave ?? [], now.judgesSave ?? [])) {
    lines.push(`${name}: judges' save ${(now.judgesSave ?? []).map((v) => `${v.judge} → ${v.saved}`).join(", ")}`);
  }
  if (Boolean(was.isFinale) !== Boolean(now.isFinale))
    lines.push(`${name}: ${now.isFinale ? "is the finale" : "no longer the finale"}`);
  const rest = (w: SeasonFileWeek) =>
    canonical({
      ...w,
      performances: 0,
      results: 0,
      bonus: 0,
      judgesSave: 0,
      isFinale: 0,
      noElimination: 0,
      airDate: 0,
      theme: 0,
      judges: 0,
    });
  if (lines.length === 0 && rest(was) !== rest(now)) lines.push(`${name}: details changed`);
  return lines;
}

function dance(p: SeasonFilePerformance): string {
  return `${p.couples.join(" & ")} · ${p.round}${p.style ? ` · ${p.style}` : ""}${p.song ? ` · "${p.song}"` : ""}`;
}

function sheet(scores: (number | null)[] | undefined): string {
  return scores ? `(${scores.map((s) => (s === null ? "–" : String(s))).join(" · ")})` : "(unscored)";
}

function show(value: unknown): string {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}

/** JSON with sorted keys and no undefined fields: documents read back from jsonb come with their keys reordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
