import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LoadedSeasonFile } from "../../src/data/loadSeasonFiles.js";
import { readSeasonFiles } from "../../src/data/loadSeasonFiles.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import {
  claimRescores,
  getLeague,
  joinLeague,
  pointsLedger,
  setLeagueMessage,
  takeTurn,
} from "../../src/db/queries/leagues/index.js";
import { leagues } from "../../src/db/schema/index.js";
import { beginDraft, createLeague, followLiveSeason, join } from "../../src/leagues/lifecycle.js";
import { loadLeague, rescore, standingsOf, takeMemberTurn } from "../../src/leagues/service.js";
import { available } from "../../src/leagues/state.js";
import { seedSeasons } from "../../src/seed/seasons.js";
import { engine, freshDatabase } from "../support/database.js";

let database: DatabaseHandle;
let season32: LoadedSeasonFile;
const guildId = "100000000000000002";
const user = (i: number) => String(600000000000000000n + BigInt(i));

/** Season 32's cast as season 91, on the air: its first `weeks` weeks, with results only where `results` says. */
function onAir(weeks: number, results: number): LoadedSeasonFile {
  const season = structuredClone(season32.season);
  season.season = 91;
  season.weeks = season.weeks.slice(0, weeks).map((w, i) => (i < results ? w : { ...w, results: [] }));
  season.couples = season.couples.map((c) => ({ ...c, placement: null, exitWeek: null, result: "In the competition" }));
  for (const w of season.weeks) {
    for (const r of w.results ?? []) {
      const couple = season.couples.find((c) => c.celebrity === r.couple);
      if (couple && r.outcome === "eliminated") {
        couple.exitWeek = w.week;
        couple.result = `Eliminated Week ${w.week}`;
      }
    }
  }
  return { file: "season-91.json", hash: `on-air-${weeks}-${results}`, season };
}

beforeAll(async () => {
  database = await freshDatabase();
  const files = await readSeasonFiles();
  season32 = files.find((f) => f.season.season === 32) as LoadedSeasonFile;
  await seedSeasons(database.db, { files: [season32, onAir(1, 0)] });
});
afterAll(async () => database?.close());

let messages = 0;
async function league(season: number, teams: number, teamSize = 2) {
  const row = await createLeague(database.db, {
    guildId,
    channelId: "200000000000000002",
    creatorId: user(0),
    name: `League ${season}`,
    season,
    teamSize,
    pickSeconds: 600,
  });
  await setLeagueMessage(database.db, row.id, String(700000000000000000n + BigInt(++messages)));
  for (let i = 1; i <= teams; i++) await join(database.db, row.id, user(i), `Team ${i}`);
  return row;
}

async function draft(leagueId: number, celebrities: string[]) {
  for (const celebrity of celebrities) {
    const state = await loadLeague(database.db, leagueId);
    if (!state?.onClock || !state.league.messageId) throw new Error("nobody on the clock");
    const couple = state.cast.find((c) => c.celebrity === celebrity);
    await takeMemberTurn(database.db, {
      leagueId,
      guildId,
      userId: state.onClock.userId,
      turn: state.league.turn,
      coupleId: couple?.id ?? null,
      messageId: state.league.messageId,
    });
  }
}

describe(`league queries (${engine})`, () => {
  test("GIVEN an open league WHEN 20 members join at once THEN 16 teams are stored and the rest are told it is full", async () => {
    const row = await league(32, 0);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        joinLeague(database.db, { leagueId: row.id, userId: user(i + 1), name: `T${i}`, maxTeams: 16 }),
      ),
    );
    expect(results.filter((r) => r.joined)).toHaveLength(16);
    expect(results.filter((r) => !r.joined && r.reason === "full")).toHaveLength(4);
    expect(await joinLeague(database.db, { leagueId: row.id, userId: user(1), name: "again", maxTeams: 16 })).toEqual({
      joined: false,
      reason: "full",
    });
  });

  test("GIVEN a turn WHEN two picks race for it THEN exactly one is stored; a couple already taken is refused and the turn stays", async () => {
    const row = await league(32, 2);
    const state = await loadLeague(database.db, row.id);
    if (!state) throw new Error("no league");
    await beginDraft(database.db, state);
    const drafting = (await loadLeague(database.db, row.id)) ?? state;
    const [first, second] = available(drafting);
    const turn = (coupleId: number) =>
      takeTurn(database.db, {
        leagueId: row.id,
        turn: 0,
        teamId: drafting.onClock?.id ?? 0,
        coupleId,
        kind: "pick",
        fromWeek: 1,
        next: { status: "drafting", clock: true },
      });
    const raced = await Promise.all([turn(first?.id ?? 0), turn(second?.id ?? 0)]);
    expect(raced.filter((r) => r.stored)).toHaveLength(1);
    expect(raced.find((r) => !r.stored)).toEqual({ stored: false, reason: "moved" });
    const storedCouple = raced[0]?.stored ? first?.id : second?.id;
    const taken = await takeTurn(database.db, {
      leagueId: row.id,
      turn: 1,
      teamId: drafting.teams[1]?.id ?? 0,
      coupleId: storedCouple ?? 0,
      kind: "pick",
      fromWeek: 1,
      next: { status: "drafting", clock: true },
    });
    expect(taken).toEqual({ stored: false, reason: "taken" });
    expect((await getLeague(database.db, row.id))?.turn).toBe(1);
  });

  test("GIVEN leagues under way WHEN two processes claim re-scoring for one records version THEN each league is claimed once", async () => {
    const row = await league(32, 2, 1);
    const state = await loadLeague(database.db, row.id);
    if (!state) throw new Error("no league");
    await beginDraft(database.db, state);
    await draft(row.id, ["Xochitl Gomez", "Jason Mraz"]);
    const [a, b] = await Promise.all([claimRescores(database.db, "v-test"), claimRescores(database.db, "v-test")]);
    expect([...(a ?? []), ...(b ?? [])].filter((id) => id === row.id)).toHaveLength(1);
    expect(await claimRescores(database.db, "v-test")).toEqual([]);
  });

  test("GIVEN a league scored once WHEN re-scored with unchanged records THEN nothing is appended", async () => {
    const row = await league(32, 2, 1);
    const state = await loadLeague(database.db, row.id);
    if (!state) throw new Error("no league");
    await beginDraft(database.db, state);
    await draft(row.id, ["Xochitl Gomez", "Jason Mraz"]);
    await database.db.update(leagues).set({ releasedWeek: 3 }).where(eq(leagues.id, row.id));
    expect(await Promise.all([rescore(database.db, row.id), rescore(database.db, row.id)])).toEqual(
      expect.arrayContaining([6, 0]),
    );
    expect(await rescore(database.db, row.id)).toBe(0);
    // Xochitl weeks 1-3: 21 + 32 + 35; Jason: 24 + 32 + 42 (see tests/e2e/league-season.test.ts).
    const standings = await standingsOf(database.db, (await loadLeague(database.db, row.id)) ?? state);
    expect(standings.map((s) => [s.team.name, s.total, s.change, s.byWeek])).toEqual([
      ["Team 2", 98, 42, [24, 56, 98]],
      ["Team 1", 88, 35, [21, 53, 88]],
    ]);
    expect(await pointsLedger(database.db, row.id)).toHaveLength(6);
  });

  test("GIVEN a live season WHEN a week's scores are in but not its result THEN it waits; once the result lands it scores and opens waivers", async () => {
    const row = await league(91, 2);
    expect(row.mode).toBe("live");
    const state = await loadLeague(database.db, row.id);
    if (!state) throw new Error("no league");
    await beginDraft(database.db, state);
    await draft(row.id, ["Xochitl Gomez", "Jason Mraz", "Charity Lawson", "Matt Walsh"]);
    const active = await getLeague(database.db, row.id);
    if (!active) throw new Error("no league");
    expect(await followLiveSeason(database.db, active)).toBe(false);
    expect(await pointsLedger(database.db, row.id)).toEqual([]);

    await seedSeasons(database.db, { files: [season32, onAir(1, 1)] });
    expect(await followLiveSeason(database.db, active)).toBe(true);
    const after = await loadLeague(database.db, row.id);
    expect(after?.league.releasedWeek).toBe(1);
    // Matt Walsh went home in week 1: his team (team 1, picks 1 and 4) claims first.
    expect(after?.league.status).toBe("waivers");
    expect(after?.onClock?.name).toBe("Team 1");
    // Week 1 by hand: Matt 12 - 5, Xochitl 18 + 3, Jason 21 + 3, Charity 22 (the night's top) + 5 + 3.
    const ledger = await pointsLedger(database.db, row.id);
    expect(ledger.map((l) => l.points).sort((x, y) => x - y)).toEqual([7, 21, 24, 30]);
  });

  test("GIVEN a live season with week 1 over WHEN a league drafts now THEN week 1 is not its own: picks score from week 2 and couples gone are not offered", async () => {
    await seedSeasons(database.db, { files: [season32, onAir(1, 1)] });
    const row = await league(91, 2);
    const state = await loadLeague(database.db, row.id);
    if (!state) throw new Error("no league");
    await beginDraft(database.db, state);
    const drafting = await loadLeague(database.db, row.id);
    expect(drafting?.league.releasedWeek).toBe(1);
    const offered = drafting ? available(drafting) : [];
    expect(offered.map((c) => c.celebrity)).not.toContain("Matt Walsh");
    // The menu's order after week 1: last week's judges' total, best first (Charity Lawson's 22 led the night).
    expect(offered[0]?.celebrity).toBe("Charity Lawson");
    await draft(row.id, ["Xochitl Gomez", "Jason Mraz", "Charity Lawson", "Ariana Madix"]);
    expect((await loadLeague(database.db, row.id))?.picks.map((p) => p.fromWeek)).toEqual([2, 2, 2, 2]);
    expect(await rescore(database.db, row.id)).toBe(0);
    expect(await pointsLedger(database.db, row.id)).toEqual([]);
  });

  test("GIVEN re-scores racing an owner's change of the records WHEN it commits halfway through them THEN no re-score sees half a change: one correction row", async () => {
    const row = await league(32, 2, 1);
    const state = await loadLeague(database.db, row.id);
    if (!state) throw new Error("no league");
    await beginDraft(database.db, state);
    await draft(row.id, ["Xochitl Gomez", "Jason Mraz"]);
    await database.db.update(leagues).set({ releasedWeek: 11, status: "finished" }).where(eq(leagues.id, row.id));
    await rescore(database.db, row.id);
    const scored = await pointsLedger(database.db, row.id);
    // Xochitl's week-1 marks 6 6 6 become 9 9 9: +9, and 27 is the night's top (+5).
    const corrected = structuredClone(season32);
    const week1 = corrected.season.weeks[0];
    const dance = week1?.performances.find((p) => p.couples.includes("Xochitl Gomez"));
    if (!dance) throw new Error("no dance");
    dance.scores = [9, 9, 9];
    corrected.hash = "corrected";
    let seeding = true;
    const racing = async () => {
      while (seeding) await rescore(database.db, row.id);
    };
    await Promise.all([
      seedSeasons(database.db, { files: [corrected] }).finally(() => {
        seeding = false;
      }),
      racing(),
      racing(),
    ]);
    await rescore(database.db, row.id);
    const after = await pointsLedger(database.db, row.id);
    expect(after.slice(0, scored.length)).toEqual(scored);
    expect(after.slice(scored.length).map((r) => [r.week, r.points, r.reason])).toEqual([[1, 14, "correction"]]);
  });
});
