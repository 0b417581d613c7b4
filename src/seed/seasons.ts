import { and, eq, inArray, like, notInArray, sql } from "drizzle-orm";
import { type LoadedSeasonFile, readSeasonFiles } from "../data/loadSeasonFiles.js";
import type { SeasonFile } from "../data/seasonFile.js";
import type { Database } from "../db/client.js";
import { lockSeason } from "../db/queries/locks.js";
import * as t from "../db/schema/index.js";
import { forgetSeasons } from "../seasons/store.js";
import { foldName } from "../text/names.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface SeedReport {
  loaded: number[];
  unchanged: number[];
  /** Seasons the bot owners run from Discord (live_seasons): data/ is not loaded over their changes. */
  live: number[];
}

export interface SeedOptions {
  /** Default: every file in data/seasons. */
  files?: LoadedSeasonFile[];
  /** Load a file even when its content was loaded before. */
  force?: boolean;
  /**
   * The files are the owners' live documents (the /admin path), loaded whatever live_seasons holds. Otherwise they
   * stand for data/, and a season with a live document is skipped and reported as `live`.
   */
  live?: boolean;
}

/**
 * Loads season files into the database. Idempotent: a file whose content hash was already loaded is skipped
 * (unless `force`), and a changed season keeps its season and couple ids, so polls that point at couples survive.
 */
export async function seedSeasons(db: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const files = options.files ?? (await readSeasonFiles());
  const report: SeedReport = { loaded: [], unchanged: [], live: [] };
  for (const file of files) {
    const { franchise, season } = file.season;
    const key = seedKey(franchise, season);
    const outcome = await db.transaction(async (tx) => {
      await lockSeason(tx, franchise, season);
      if (!options.live && (await isLive(tx, franchise, season))) return "live";
      const [state] = await tx.select().from(t.botState).where(eq(t.botState.key, key));
      if (!options.force && state?.value === file.hash) return "unchanged";
      await loadSeason(tx, file.season);
      await tx
        .insert(t.botState)
        .values({ key, value: file.hash })
        .onConflictDoUpdate({ target: t.botState.key, set: { value: file.hash, updatedAt: sql`now()` } });
      return "loaded";
    });
    report[outcome].push(season);
  }
  // Lookups remember season data (src/seasons/store.ts): what was just loaded replaces it in this process.
  if (report.loaded.length > 0) forgetSeasons(db);
  return report;
}

/** The bot_state key holding the content hash of the file last loaded for a season. */
export const seedKey = (franchise: string, season: number): string => `seed:${franchise}:${season}`;

/**
 * The content hash of every season's last loaded file, mapped to its season's key: a file whose hash is here is
 * loaded already (the same content is the same season), without reading past its bytes.
 */
export async function loadedHashes(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: t.botState.key, value: t.botState.value })
    .from(t.botState)
    .where(like(t.botState.key, "seed:%"));
  return new Map(rows.map((r) => [r.value, r.key]));
}

async function isLive(tx: Tx, franchise: string, season: number): Promise<boolean> {
  const [row] = await tx
    .select({ season: t.liveSeasons.season })
    .from(t.liveSeasons)
    .where(and(eq(t.liveSeasons.franchise, franchise), eq(t.liveSeasons.season, season)));
  return row !== undefined;
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t.seasons);
  return (row?.n ?? 0) === 0;
}

async function upsertPeople(tx: Tx, names: Iterable<string>): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  const ids = new Map<string, number>();
  if (unique.length === 0) return ids;
  await tx
    .insert(t.people)
    .values(unique.map((name) => ({ name, searchName: foldName(name) })))
    .onConflictDoNothing();
  const rows = await tx.select().from(t.people).where(inArray(t.people.name, unique));
  for (const row of rows) ids.set(row.name, row.id);
  return ids;
}

function peopleOf(season: SeasonFile): string[] {
  const names = [...season.hosts, ...season.judges];
  for (const c of season.couples) names.push(c.celebrity, c.pro);
  for (const w of season.weeks) {
    names.push(...w.judges, ...(w.guestJudges ?? []));
    for (const v of w.judgesSave ?? []) names.push(v.judge);
    for (const p of w.performances) for (const s of p.standIns ?? []) names.push(s.by, s.for);
  }
  return names;
}

async function loadSeason(tx: Tx, season: SeasonFile): Promise<void> {
  const person = await upsertPeople(tx, peopleOf(season));
  const id = (name: string) => {
    const found = person.get(name);
    if (found === undefined) throw new Error(`person ${name} was not stored`);
    return found;
  };

  const seasonValues = {
    franchise: season.franchise,
    number: season.season,
    title: season.title ?? null,
    premiere: season.premiere,
    finale: season.finale,
    trophy: season.trophy ?? null,
    notes: season.notes ?? [],
    sources: season.sources,
  };
  const [seasonRow] = await tx
    .insert(t.seasons)
    .values(seasonValues)
    .onConflictDoUpdate({ target: [t.seasons.franchise, t.seasons.number], set: seasonValues })
    .returning({ id: t.seasons.id });
  if (!seasonRow) throw new Error(`season ${season.season} was not stored`);
  const seasonId = seasonRow.id;

  // Everything below the couples is rebuilt; couples are updated in place so their ids stay.
  await tx.delete(t.weeks).where(eq(t.weeks.seasonId, seasonId));
  await tx.delete(t.seasonStaff).where(eq(t.seasonStaff.seasonId, seasonId));
  const staff = [
    ...season.hosts.map((name, i) => ({ seasonId, personId: id(name), role: "host" as const, position: i })),
    ...season.judges.map((name, i) => ({ seasonId, personId: id(name), role: "judge" as const, position: i })),
  ];
  if (staff.length) await tx.insert(t.seasonStaff).values(staff).onConflictDoNothing();

  const coupleValues = season.couples.map((c) => ({
    seasonId,
    celebrityId: id(c.celebrity),
    proId: id(c.pro),
    notability: c.notability ?? null,
    industry: c.industry ?? null,
    age: c.age ?? null,
    hometown: c.hometown ?? null,
    placement: c.placement,
    result: c.result,
    exitWeek: c.exitWeek ?? null,
    withdrew: c.withdrew ?? false,
  }));
  const coupleRows = await tx
    .insert(t.couples)
    .values(coupleValues)
    .onConflictDoUpdate({
      target: [t.couples.seasonId, t.couples.celebrityId],
      set: {
        proId: sql`excluded.pro_id`,
        notability: sql`excluded.notability`,
        industry: sql`excluded.industry`,
        age: sql`excluded.age`,
        hometown: sql`excluded.hometown`,
        placement: sql`excluded.placement`,
        result: sql`excluded.result`,
        exitWeek: sql`excluded.exit_week`,
        withdrew: sql`excluded.withdrew`,
      },
    })
    .returning({ id: t.couples.id, celebrityId: t.couples.celebrityId });
  await tx.delete(t.couples).where(
    and(
      eq(t.couples.seasonId, seasonId),
      notInArray(
        t.couples.id,
        coupleRows.map((r) => r.id),
      ),
    ),
  );
  const coupleByCelebrityId = new Map(coupleRows.map((r) => [r.celebrityId, r.id]));
  const couple = (celebrity: string) => {
    const found = coupleByCelebrityId.get(id(celebrity));
    if (found === undefined) throw new Error(`couple ${celebrity} was not stored`);
    return found;
  };

  if (season.weeks.length === 0) return;
  const weekRows = await tx
    .insert(t.weeks)
    .values(
      season.weeks.map((w) => ({
        seasonId,
        number: w.week,
        label: w.label ?? "",
        airDate: w.airDate,
        theme: w.theme,
        isFinale: w.isFinale ?? false,
        carryOverFrom: w.carryOverFrom ?? [],
        noElimination: w.noElimination ?? false,
        status: w.status ?? null,
        notes: w.notes ?? [],
      })),
    )
    .returning({ id: t.weeks.id, number: t.weeks.number, label: t.weeks.label });
  const weekId = new Map(weekRows.map((r) => [`${r.number}/${r.label}`, r.id]));

  const judges: (typeof t.weekJudges.$inferInsert)[] = [];
  const perfs: (typeof t.performances.$inferInsert)[] = [];
  const weekly: (typeof t.weeklyScores.$inferInsert)[] = [];
  const results: (typeof t.weekResults.$inferInsert)[] = [];
  const saves: (typeof t.judgesSaveVotes.$inferInsert)[] = [];
  const weekBonus: (typeof t.bonusPoints.$inferInsert)[] = [];
  for (const w of season.weeks) {
    const wid = weekId.get(`${w.week}/${w.label ?? ""}`) as number;
    const guests = new Set(w.guestJudges ?? []);
    w.judges.forEach((name, position) => {
      judges.push({ weekId: wid, position, personId: id(name), isGuest: guests.has(name) });
    });
    w.performances.forEach((p, position) => {
      perfs.push({
        weekId: wid,
        position,
        round: p.round,
        status: p.status ?? null,
        style: p.style,
        song: p.song,
        artist: p.artist,
        team: p.team ?? null,
        winnerCoupleId: p.winner ? couple(p.winner) : null,
        reportedTotal: p.total ?? null,
        note: p.note ?? null,
      });
    });
    for (const s of w.weeklyScores ?? [])
      weekly.push({ weekId: wid, coupleId: couple(s.couple), scores: s.scores, dances: s.dances ?? null });
    for (const r of w.results ?? []) {
      results.push({ weekId: wid, coupleId: couple(r.couple), outcome: r.outcome, note: r.note ?? null });
    }
    for (const v of w.judgesSave ?? [])
      saves.push({ weekId: wid, judgeId: id(v.judge), savedCoupleId: couple(v.saved) });
    for (const b of w.bonus ?? []) {
      weekBonus.push({ weekId: wid, coupleId: couple(b.couple), points: b.points, reason: b.reason ?? null });
    }
  }
  if (judges.length) await tx.insert(t.weekJudges).values(judges);
  if (weekly.length) await tx.insert(t.weeklyScores).values(weekly);
  if (results.length) await tx.insert(t.weekResults).values(results).onConflictDoNothing();
  if (saves.length) await tx.insert(t.judgesSaveVotes).values(saves).onConflictDoNothing();
  if (weekBonus.length) await tx.insert(t.bonusPoints).values(weekBonus);
  if (perfs.length === 0) return;

  const perfRows = await tx
    .insert(t.performances)
    .values(perfs)
    .returning({ id: t.performances.id, weekId: t.performances.weekId, position: t.performances.position });
  const perfId = new Map(perfRows.map((r) => [`${r.weekId}/${r.position}`, r.id]));

  const dancers: (typeof t.performanceCouples.$inferInsert)[] = [];
  const scores: (typeof t.judgeScores.$inferInsert)[] = [];
  const bonus: (typeof t.bonusPoints.$inferInsert)[] = [];
  const extras: (typeof t.extraScores.$inferInsert)[] = [];
  for (const w of season.weeks) {
    const wid = weekId.get(`${w.week}/${w.label ?? ""}`) as number;
    w.performances.forEach((p, position) => {
      const pid = perfId.get(`${wid}/${position}`) as number;
      const standIn = new Map((p.standIns ?? []).map((s) => [s.couple, s]));
      for (const c of new Set(p.couples)) {
        const s = standIn.get(c);
        dancers.push({
          performanceId: pid,
          coupleId: couple(c),
          standInId: s ? id(s.by) : null,
          replacedId: s ? id(s.for) : null,
        });
      }
      p.scores?.forEach((score, position) => {
        const judge = w.judges[position];
        if (score !== null && judge) scores.push({ performanceId: pid, position, judgeId: id(judge), score });
      });
      p.extraScores?.forEach((x, position) => {
        extras.push({ performanceId: pid, position, by: x.by, kind: x.kind, score: x.score });
      });
      for (const b of p.bonus ?? []) {
        bonus.push({
          weekId: wid,
          performanceId: pid,
          coupleId: couple(b.couple),
          points: b.points,
          reason: b.reason ?? null,
        });
      }
    });
  }
  for (const chunk of chunks(dancers, 2000)) await tx.insert(t.performanceCouples).values(chunk);
  for (const chunk of chunks(scores, 2000)) await tx.insert(t.judgeScores).values(chunk);
  if (bonus.length) await tx.insert(t.bonusPoints).values(bonus);
  if (extras.length) await tx.insert(t.extraScores).values(extras);
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
