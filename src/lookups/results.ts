import type { Database } from "../db/client.js";
import { getGuildSettings } from "../db/queries/guilds.js";
import { loadSeasonResults } from "../db/queries/results.js";
import { latestSeasonNumber } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import { describeRange } from "./ranges.js";
import { defaultWeek, resolveSeason } from "./seasons.js";
import { spoilerUntil } from "./spoilers.js";

export interface ResultCouple {
  id: number;
  celebrity: string;
  pro: string;
  note: string | null;
}

export interface WeekResults {
  season: number;
  week: number;
  /** Themes of the week's nights, in order. */
  themes: string[];
  airDate: string | null;
  isFinale: boolean;
  noElimination: boolean;
  eliminated: ResultCouple[];
  withdrew: ResultCouple[];
  /** In jeopardy or the bottom two (or three) and survived, saved by the judges included. */
  bottom: ResultCouple[];
  saved: ResultCouple[];
  immune: ResultCouple[];
  saveVotes: { judge: string; couple: string }[];
  /** The finale's placements, best first (finale weeks only). */
  placements: { couple: ResultCouple; placement: number | null; result: string }[];
  /** Nothing at all is recorded about how the week ended. */
  unrecorded: boolean;
  weekNumbers: number[];
  /** Set while the server's spoiler guard hides this week. */
  hiddenUntil: Date | null;
}

export const isDoubleElimination = (r: WeekResults) => r.eliminated.length >= 2;

/** A week's results as recorded (the same for every server), answered from memory after the first time. */
const recordedResults = remembered(
  "results",
  async (db: Database, seasonAsked: number | null, weekAsked: number | null) => {
    const { number: season } = await resolveSeason(db, seasonAsked);
    const [rows, latest] = await Promise.all([loadSeasonResults(db, season), latestSeasonNumber(db)]);
    return recordedWeek(rows, latest, season, weekAsked);
  },
);

/** A server's spoiler guard, remembered like season data (a change to it is announced the same way). */
const spoilerHours = remembered(
  "spoilerHours",
  async (db: Database, guildId: string | null) => (await getGuildSettings(db, guildId)).spoilerHours,
);

/** One object per recorded week and spoiler deadline, so its view is drawn once (views/memo.ts) too. */
const withGuard = new WeakMap<WeekResults, Map<number | null, WeekResults>>();

function guarded(result: WeekResults, hiddenUntil: Date | null): WeekResults {
  let byDeadline = withGuard.get(result);
  if (!byDeadline) {
    byDeadline = new Map();
    withGuard.set(result, byDeadline);
  }
  const key = hiddenUntil?.getTime() ?? null;
  let shown = byDeadline.get(key);
  if (!shown) {
    shown = { ...result, hiddenUntil };
    byDeadline.set(key, shown);
  }
  return shown;
}

/** The week's results, hidden while the server's spoiler guard covers them. */
export async function getWeekResults(
  db: Database,
  request: { season?: number | null; week?: number | null; guildId?: string | null; now?: Date },
): Promise<WeekResults> {
  const [recorded, hours] = await Promise.all([
    recordedResults(db, request.season ?? null, request.week ?? null),
    spoilerHours(db, request.guildId ?? null),
  ]);
  const { result, isNewest } = recorded;
  const hiddenUntil = spoilerUntil({ airDate: result.airDate, isNewest }, hours, request.now ?? new Date());
  return guarded(result, hiddenUntil);
}

function recordedWeek(
  rows: Awaited<ReturnType<typeof loadSeasonResults>>,
  latest: number | null,
  season: number,
  weekAsked: number | null,
): { result: WeekResults; isNewest: boolean } {
  if (!rows || rows.weeks.length === 0) throw new UserError(`Season ${season} has no weeks recorded yet.`);
  const weekNumbers = [...new Set(rows.weeks.map((w) => w.number))];
  // A season on the air opens on its latest week that aired, not on a scheduled one.
  const number = weekAsked ?? (defaultWeek(rows.weeks) as number);
  const nights = rows.weeks.filter((w) => w.number === number);
  if (nights.length === 0) {
    throw new UserError(`Season ${season} has no week ${number}. Try a week from ${describeRange(weekNumbers)}.`);
  }
  const weekIds = new Set(nights.map((w) => w.id));
  const cast = new Map(rows.cast.map((c) => [c.id, c]));
  const ref = (id: number, note: string | null = null): ResultCouple => {
    const c = cast.get(id);
    return { id, celebrity: c?.celebrity ?? "Unknown couple", pro: c?.pro ?? "", note };
  };
  const outcomes = rows.outcomes.filter((o) => weekIds.has(o.weekId));
  const pick = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).map((o) => ref(o.coupleId, o.note));

  const eliminated = pick("eliminated");
  const withdrew = pick("withdrew");
  // Couples recorded as leaving this week with no outcome row still left: say so rather than show nothing.
  const named = new Set(outcomes.map((o) => o.coupleId));
  const aired = nights.some((w) => !w.status);
  const isFinale =
    nights.some((w) => w.isFinale && !w.status) ||
    (number === weekNumbers.at(-1) && rows.cast.some((c) => c.placement === 1));
  if (!isFinale && aired) {
    for (const c of rows.cast) {
      if (c.exitWeek !== number || named.has(c.id)) continue;
      (c.withdrew ? withdrew : eliminated).push(ref(c.id));
    }
  }
  const placements = isFinale
    ? rows.cast
        .filter((c) => c.exitWeek === null || c.exitWeek >= number)
        .sort((a, b) => (a.placement ?? 99) - (b.placement ?? 99))
        .map((c) => ({ couple: ref(c.id), placement: c.placement, result: c.result }))
    : [];
  const saveVotes = rows.votes
    .filter((v) => weekIds.has(v.weekId))
    .map((v) => ({ judge: v.judge, couple: cast.get(v.coupleId)?.celebrity ?? "Unknown couple" }));
  const last = nights.at(-1);
  const airDate = last?.airDate ?? null;
  const isNewest = season === latest && number === defaultWeek(rows.weeks);
  const result: WeekResults = {
    season,
    week: number,
    themes: nights.map((w) => w.theme).filter((t): t is string => Boolean(t)),
    airDate,
    isFinale,
    noElimination: nights.some((w) => w.noElimination),
    eliminated,
    withdrew,
    bottom: pick("bottom"),
    saved: pick("saved"),
    immune: pick("immune"),
    saveVotes,
    placements,
    unrecorded: false,
    weekNumbers,
    hiddenUntil: null,
  };
  result.unrecorded =
    !result.noElimination &&
    placements.length === 0 &&
    [eliminated, withdrew, result.bottom, result.saved, result.immune].every((l) => l.length === 0);
  return { result, isNewest };
}
