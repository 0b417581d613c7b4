import type { RoundType, SeasonFile, SeasonFilePerformance, SeasonFileWeek } from "../data/seasonFile.js";
import { UserError } from "../errors.js";
import { foldName } from "../text/names.js";

/**
 * The bot owners' edits of a season, as pure functions on its season document: each returns a new document and never
 * touches the one it was given. Whatever they produce is then checked by the same rules as data/ (./validate.ts).
 */

type Couple = SeasonFile["couples"][number];

const placeNames = ["Winner", "Runner-up", "Third place", "Fourth place", "Fifth place", "Sixth place"];

/** "8 8 9", "8,8,9", "8 - 9": one entry per judge; "-" (or "x") for a judge who gave none. */
export function parseScores(text: string): (number | null)[] {
  const parts = text
    .trim()
    .split(/[\s,;/|]+/)
    .filter(Boolean);
  return parts.map((part) => {
    if (/^[-x–—]$/i.test(part)) return null;
    const value = Number(part.replace(",", "."));
    if (!Number.isFinite(value) || !/^\d+(\.5|\.0)?$/.test(part)) {
      throw new UserError(`"${part}" is not a judge's score: write whole or half points such as 7, 8.5 or 10.`);
    }
    return value;
  });
}

/** Names separated by | or commas, as typed in one option. */
export function splitNames(text: string): string[] {
  return text
    .split(/[|,]/)
    .map((n) => n.trim())
    .filter(Boolean);
}

function listOf(names: string[]): string {
  return names.length === 0 ? "none yet" : names.join(", ");
}

/** The celebrity's name exactly as the document writes it, matched without case or accents. */
export function coupleNamed(doc: SeasonFile, typed: string): Couple {
  const wanted = foldName(typed.replace(/\s*\(season \d+\)\s*$/i, ""));
  const found =
    doc.couples.find((c) => foldName(c.celebrity) === wanted) ??
    doc.couples.find((c) => foldName(c.pro) === wanted) ??
    doc.couples.find((c) => foldName(`${c.celebrity} ${c.pro}`) === wanted);
  if (!found) {
    throw new UserError(
      `Season ${doc.season} has no couple called "${typed}". Its celebrities: ${listOf(doc.couples.map((c) => c.celebrity))}.`,
    );
  }
  return found;
}

function weekOf(doc: SeasonFile, week: number): SeasonFileWeek {
  const found = doc.weeks.find((w) => w.week === week && !w.label);
  if (!found) {
    const known = doc.weeks.map((w) => w.week);
    throw new UserError(
      `Season ${doc.season} has no week ${week} yet: add the night with /admin night first${known.length ? ` (weeks so far: ${known.join(", ")})` : ""}.`,
    );
  }
  return found;
}

function edited(doc: SeasonFile, change: (draft: SeasonFile) => void): SeasonFile {
  const draft = structuredClone(doc);
  change(draft);
  return draft;
}

export interface SeasonDetails {
  season: number;
  premiere: string | null;
  hosts: string[];
  judges: string[];
  title?: string | undefined;
}

/** A season that is about to air: its details, no couples or weeks yet. */
export function newSeason(details: SeasonDetails): SeasonFile {
  return {
    format: "mirrorball.season/1",
    franchise: "dwts-us",
    season: details.season,
    title: details.title || `Dancing with the Stars (US) season ${details.season}`,
    premiere: details.premiere,
    finale: null,
    trophy: "Len Goodman Mirrorball Trophy",
    hosts: details.hosts,
    judges: details.judges,
    couples: [],
    weeks: [],
    sources: [{ name: "Entered by the bot owners in Discord while the season aired" }],
  };
}

export function editSeasonDetails(doc: SeasonFile, details: SeasonDetails): SeasonFile {
  return edited(doc, (d) => {
    d.premiere = details.premiere;
    d.hosts = details.hosts;
    d.judges = details.judges;
    if (details.title) d.title = details.title;
  });
}

/** Adds a couple, or (same celebrity) changes their pro and notability. */
export function upsertCouple(
  doc: SeasonFile,
  input: { celebrity: string; pro: string; notability?: string | null | undefined },
): SeasonFile {
  return edited(doc, (d) => {
    const existing = d.couples.find((c) => foldName(c.celebrity) === foldName(input.celebrity));
    if (existing) {
      existing.pro = input.pro;
      if (input.notability !== undefined) existing.notability = input.notability;
      return;
    }
    d.couples.push({
      celebrity: input.celebrity,
      pro: input.pro,
      notability: input.notability ?? null,
      placement: null,
      result: "Competing",
      exitWeek: null,
    });
  });
}

/** Adds a night (or changes its date, theme and panel): the season's judges plus any guest judges. */
export function upsertNight(
  doc: SeasonFile,
  input: { week: number; airDate: string | null; theme: string | null; guestJudges: string[] },
): SeasonFile {
  return edited(doc, (d) => {
    const judges = [...d.judges, ...input.guestJudges.filter((g) => !d.judges.includes(g))];
    const existing = d.weeks.find((w) => w.week === input.week && !w.label);
    if (existing) {
      const scored = existing.performances.some((p) => p.scores?.length);
      if (scored && existing.judges.length !== judges.length) {
        throw new UserError(
          `Week ${input.week} already has dances scored by ${existing.judges.length} judges (${existing.judges.join(", ")}); a panel of ${judges.length} would not match them. Correct the scores with /admin scores instead.`,
        );
      }
      existing.airDate = input.airDate;
      existing.theme = input.theme;
      existing.judges = judges;
      // A scheduled or announced night of the season on the air: setting it up is the night airing.
      delete existing.status;
      if (input.guestJudges.length) existing.guestJudges = input.guestJudges;
      else delete existing.guestJudges;
      return;
    }
    const week: SeasonFileWeek = {
      week: input.week,
      airDate: input.airDate,
      theme: input.theme,
      judges,
      performances: [],
    };
    if (input.guestJudges.length) week.guestJudges = input.guestJudges;
    d.weeks.push(week);
    d.weeks.sort((a, b) => a.week - b.week);
  });
}

export interface DanceInput {
  week: number;
  round: RoundType;
  style: string | null;
  song: string | null;
  artist: string | null;
  /** Celebrity names (or anything coupleNamed accepts) of who danced it. */
  couples: string[];
  scores: (number | null)[] | null;
  /** Bonus points each of its couples won in this dance. */
  bonus?: number | undefined;
}

/** Records one performance of a night, in running order. */
export function addDance(doc: SeasonFile, input: DanceInput): SeasonFile {
  return edited(doc, (d) => {
    const week = weekOf(d, input.week);
    const couples = [...new Set(input.couples.map((c) => coupleNamed(d, c).celebrity))];
    if (input.scores && input.scores.length !== week.judges.length) {
      throw new UserError(
        `Week ${input.week} has ${week.judges.length} judges (${week.judges.join(", ")}): give ${week.judges.length} scores in that order, not ${input.scores.length}.`,
      );
    }
    const performance: SeasonFilePerformance = {
      round: input.round,
      style: input.style,
      song: input.song,
      artist: input.artist,
      couples,
    };
    if (input.scores) performance.scores = input.scores;
    if (input.bonus) performance.bonus = couples.map((couple) => ({ couple, points: input.bonus as number }));
    delete week.status;
    // A dance announced before the show (same couples; same style when both name one) becomes the danced one, in place.
    const key = [...couples].sort().join("|");
    const announced = week.performances.findIndex(
      (p) =>
        p.status === "announced" &&
        [...p.couples].sort().join("|") === key &&
        (!p.style || !input.style || p.style.toLowerCase() === input.style.toLowerCase()),
    );
    if (announced >= 0) week.performances[announced] = performance;
    else week.performances.push(performance);
  });
}

/** The couple's dances of a week, in running order, with their index in the week. */
function dancesOf(week: SeasonFileWeek, celebrity: string): { index: number; performance: SeasonFilePerformance }[] {
  return week.performances.flatMap((performance, index) =>
    performance.couples.includes(celebrity) ? [{ index, performance }] : [],
  );
}

function describeDance(p: SeasonFilePerformance): string {
  return [p.round, p.style, p.song].filter(Boolean).join(" · ");
}

/** Corrects the judges' scores of one of the couple's dances that week (`dance` counts from 1 when they danced more than once). */
export function setScores(
  doc: SeasonFile,
  input: { week: number; couple: string; dance?: number | null | undefined; scores: (number | null)[] },
): SeasonFile {
  return edited(doc, (d) => {
    const week = weekOf(d, input.week);
    const celebrity = coupleNamed(d, input.couple).celebrity;
    const dances = dancesOf(week, celebrity);
    if (dances.length === 0) {
      throw new UserError(`${celebrity} has no dance in week ${input.week} yet: record it with /admin dance.`);
    }
    if (dances.length > 1 && !input.dance) {
      const list = dances.map((x, i) => `${i + 1}. ${describeDance(x.performance)}`).join("; ");
      throw new UserError(
        `${celebrity} danced ${dances.length} times in week ${input.week}: say which with dance: (${list}).`,
      );
    }
    const chosen = dances[(input.dance ?? 1) - 1];
    if (!chosen) throw new UserError(`${celebrity} danced only ${dances.length} time(s) in week ${input.week}.`);
    if (input.scores.length !== week.judges.length) {
      throw new UserError(
        `Week ${input.week} has ${week.judges.length} judges (${week.judges.join(", ")}): give ${week.judges.length} scores in that order.`,
      );
    }
    chosen.performance.scores = input.scores;
    // Scores for an announced dance: it was danced.
    if (chosen.performance.status === "announced") {
      delete chosen.performance.status;
      const note = chosen.performance.note?.replace(/;?\s*Announced before the show; not scored yet/, "").trim();
      if (note) chosen.performance.note = note;
      else delete chosen.performance.note;
    }
    delete week.status;
  });
}

/** A couple's bonus points for the week (0 removes them). */
export function setWeekBonus(
  doc: SeasonFile,
  input: { week: number; couple: string; points: number; reason?: string | null | undefined },
): SeasonFile {
  return edited(doc, (d) => {
    const week = weekOf(d, input.week);
    const celebrity = coupleNamed(d, input.couple).celebrity;
    const others = (week.bonus ?? []).filter((b) => b.couple !== celebrity);
    const bonus =
      input.points === 0
        ? others
        : [...others, { couple: celebrity, points: input.points, ...(input.reason ? { reason: input.reason } : {}) }];
    if (bonus.length) week.bonus = bonus;
    else delete week.bonus;
  });
}

/**
 * Who left at the end of a week: sets the week's eliminated (or withdrawn) couples, replacing what was recorded
 * for that outcome, and each couple's exit week, result and placement. An empty list means nobody went home.
 */
export function setExits(
  doc: SeasonFile,
  input: { week: number; couples: string[]; outcome: "eliminated" | "withdrew" },
): SeasonFile {
  return edited(doc, (d) => {
    const week = weekOf(d, input.week);
    const leaving = [...new Set(input.couples.map((c) => coupleNamed(d, c).celebrity))];
    const earlier = d.couples.filter((c) => leaving.includes(c.celebrity) && c.exitWeek && c.exitWeek < input.week);
    if (earlier.length) {
      const c = earlier[0] as Couple;
      throw new UserError(`${c.celebrity} already left in week ${c.exitWeek}; correct that week first.`);
    }
    // Couples this outcome named before for this week come back into the competition.
    const before = (week.results ?? []).filter((r) => r.outcome === input.outcome).map((r) => r.couple);
    for (const c of d.couples) {
      if (before.includes(c.celebrity) && !leaving.includes(c.celebrity)) {
        Object.assign(c, { exitWeek: null, withdrew: undefined, result: "Competing", placement: null });
        delete c.withdrew;
      }
    }
    // A couple can leave only once: an exit recorded in a later week moves to this one.
    for (const other of d.weeks) {
      if (other === week || !other.results) continue;
      other.results = other.results.filter(
        (r) => !(leaving.includes(r.couple) && (r.outcome === "eliminated" || r.outcome === "withdrew")),
      );
      if (other.results.length === 0) delete other.results;
    }
    const kept = (week.results ?? []).filter((r) => r.outcome !== input.outcome && !leaving.includes(r.couple));
    const results = [...kept, ...leaving.map((couple) => ({ couple, outcome: input.outcome }))];
    if (results.length) week.results = results;
    else delete week.results;
    if (input.outcome === "eliminated") {
      if (leaving.length === 0) week.noElimination = true;
      else delete week.noElimination;
    }
    for (const c of d.couples) {
      if (!leaving.includes(c.celebrity)) continue;
      c.exitWeek = input.week;
      if (input.outcome === "withdrew") {
        c.withdrew = true;
        c.result = `Withdrew Week ${input.week}`;
      } else {
        delete c.withdrew;
        c.result = `Eliminated Week ${input.week}`;
      }
    }
    placeLeavers(d);
  });
}

/** A couple who left ranks just behind everyone still dancing after their week; couples leaving together tie. */
function placeLeavers(d: SeasonFile): void {
  for (const c of d.couples) {
    if (!c.exitWeek) continue;
    const exit = c.exitWeek;
    c.placement = 1 + d.couples.filter((o) => !o.exitWeek || o.exitWeek > exit).length;
  }
}

/** One judge's vote in the judges' save. */
export function setSaveVote(doc: SeasonFile, input: { week: number; judge: string; saved: string }): SeasonFile {
  return edited(doc, (d) => {
    const week = weekOf(d, input.week);
    const judge = week.judges.find((j) => foldName(j) === foldName(input.judge));
    if (!judge) {
      throw new UserError(`${input.judge} is not on week ${input.week}'s panel (${week.judges.join(", ")}).`);
    }
    const saved = coupleNamed(d, input.saved).celebrity;
    week.judgesSave = [...(week.judgesSave ?? []).filter((v) => v.judge !== judge), { judge, saved }];
  });
}

/** The finale: marks the week and places the finalists, best first (a second name on one line ties). */
export function setFinale(doc: SeasonFile, input: { week: number; placements: string[][] }): SeasonFile {
  return edited(doc, (d) => {
    const week = weekOf(d, input.week);
    const later = d.weeks.filter((w) => w.week > input.week);
    if (later.length)
      throw new UserError(`Week ${input.week} cannot be the finale: week ${later[0]?.week} comes after it.`);
    const placed = new Map<string, number>();
    let place = 1;
    for (const tied of input.placements) {
      for (const name of tied) {
        const couple = coupleNamed(d, name);
        if (couple.exitWeek)
          throw new UserError(`${couple.celebrity} left in week ${couple.exitWeek}, before the finale.`);
        if (placed.has(couple.celebrity)) throw new UserError(`${couple.celebrity} is placed twice.`);
        placed.set(couple.celebrity, place);
      }
      place += tied.length;
    }
    for (const w of d.weeks) delete w.isFinale;
    week.isFinale = true;
    d.finale = week.airDate;
    for (const c of d.couples) {
      const at = placed.get(c.celebrity);
      if (at !== undefined) {
        c.placement = at;
        c.result = placeNames[at - 1] ?? `${at}th place`;
      } else if (!c.exitWeek) {
        c.placement = null;
        c.result = "Competing";
      }
    }
  });
}
