import { and, asc, desc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SeasonOutcome } from "../../../polls/outcome.js";
import type { Database } from "../../client.js";
import {
  botState,
  couples,
  people,
  resultRevisionCouples,
  resultRevisions,
  seasons,
  weekResults,
  weeks,
} from "../../schema/index.js";

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");

export interface SeasonRef {
  id: number;
  number: number;
  franchise: string;
}

export async function findSeason(
  db: Database,
  number: number | null,
  franchise = "dwts-us",
): Promise<SeasonRef | null> {
  const [row] = await db
    .select({ id: seasons.id, number: seasons.number, franchise: seasons.franchise })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), number === null ? undefined : eq(seasons.number, number)))
    .orderBy(desc(seasons.number))
    .limit(1);
  return row ?? null;
}

export interface SeasonCouple {
  id: number;
  celebrity: string;
  pro: string;
  exitWeek: number | null;
}

export async function seasonCouples(db: Database, seasonId: number): Promise<SeasonCouple[]> {
  return db
    .select({ id: couples.id, celebrity: celebrity.name, pro: pro.name, exitWeek: couples.exitWeek })
    .from(couples)
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId))
    .where(eq(couples.seasonId, seasonId))
    .orderBy(asc(celebrity.name));
}

/**
 * The season's outcome as recorded: data/ (week results, finale placements), overridden week by week by the
 * latest /record revision made after data/ for the season was last seeded.
 */
export async function seasonOutcome(db: Database, season: SeasonRef): Promise<SeasonOutcome> {
  const [dataWeeks, exits, placed, seeded] = await Promise.all([
    db
      .select({ number: weeks.number, noElimination: weeks.noElimination, isFinale: weeks.isFinale })
      .from(weeks)
      .where(eq(weeks.seasonId, season.id)),
    db
      .select({ week: weeks.number, coupleId: weekResults.coupleId })
      .from(weekResults)
      .innerJoin(weeks, eq(weeks.id, weekResults.weekId))
      .where(and(eq(weeks.seasonId, season.id), inArray(weekResults.outcome, ["eliminated", "withdrew"]))),
    db
      .select({ coupleId: couples.id, placement: couples.placement })
      .from(couples)
      .where(and(eq(couples.seasonId, season.id), isNotNull(couples.placement))),
    db
      .select({ at: botState.updatedAt })
      .from(botState)
      .where(eq(botState.key, `seed:${season.franchise}:${season.number}`)),
  ]);

  const eliminations = new Map<number, number[]>();
  for (const w of dataWeeks) if (w.noElimination || w.isFinale) eliminations.set(w.number, []);
  for (const e of exits) eliminations.set(e.week, [...(eliminations.get(e.week) ?? []), e.coupleId]);
  const finaleInData = dataWeeks.some((w) => w.isFinale) || placed.some((p) => p.placement === 1);
  let placements = new Map<number, number>(
    finaleInData && placed.some((p) => p.placement === 1) ? placed.map((p) => [p.coupleId, p.placement as number]) : [],
  );

  for (const revision of await latestRevisions(db, season.id, seeded[0]?.at ?? null)) {
    if (revision.week === null) placements = new Map(revision.couples.map((c) => [c.coupleId, c.placement ?? 0]));
    else
      eliminations.set(
        revision.week,
        revision.couples.map((c) => c.coupleId),
      );
  }
  return { eliminations, placements };
}

/** The newest /record revision of each week (and of the finale) made after `after`. */
async function latestRevisions(db: Database, seasonId: number, after: Date | null) {
  const revisions = await db
    .selectDistinctOn([resultRevisions.week], { id: resultRevisions.id, week: resultRevisions.week })
    .from(resultRevisions)
    .where(and(eq(resultRevisions.seasonId, seasonId), after ? gt(resultRevisions.recordedAt, after) : undefined))
    .orderBy(resultRevisions.week, desc(resultRevisions.recordedAt), desc(resultRevisions.id));
  if (revisions.length === 0) return [];
  const members = await db
    .select()
    .from(resultRevisionCouples)
    .where(
      inArray(
        resultRevisionCouples.revisionId,
        revisions.map((r) => r.id),
      ),
    );
  return revisions.map((r) => ({ week: r.week, couples: members.filter((m) => m.revisionId === r.id) }));
}

/** Appends a /record revision: the couples eliminated in `week`, or (week null) the finale placements. */
export async function recordResult(
  db: Database,
  input: {
    seasonId: number;
    week: number | null;
    recordedBy: string;
    couples: { coupleId: number; placement?: number }[];
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [revision] = await tx
      .insert(resultRevisions)
      .values({ seasonId: input.seasonId, week: input.week, recordedBy: input.recordedBy })
      .returning({ id: resultRevisions.id });
    if (!revision) throw new Error("result revision was not stored");
    if (input.couples.length > 0) {
      await tx
        .insert(resultRevisionCouples)
        .values(
          input.couples.map((c) => ({ revisionId: revision.id, coupleId: c.coupleId, placement: c.placement ?? null })),
        );
    }
    return revision.id;
  });
}
