import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compareView } from "../../src/commands/compare/view.js";
import { coupleViewWithChart } from "../../src/commands/couple/view.js";
import { danceView } from "../../src/commands/dance/view.js";
import { judgeView } from "../../src/commands/judge/view.js";
import { leaderboardView } from "../../src/commands/leaderboard/view.js";
import { proView } from "../../src/commands/pro/view.js";
import { recordsView } from "../../src/commands/records/view.js";
import { resultsView } from "../../src/commands/results/view.js";
import { seasonView } from "../../src/commands/season/view.js";
import { settingsView } from "../../src/commands/settings/view.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import { listSeasonNumbers } from "../../src/db/queries/seasons.js";
import { UserError } from "../../src/errors.js";
import { getComparison } from "../../src/lookups/compare.js";
import { getCoupleCard } from "../../src/lookups/couple.js";
import { getStyleBest } from "../../src/lookups/dance.js";
import { buildIndexes, type LookupIndexes } from "../../src/lookups/indexes.js";
import { getJudgeRecord } from "../../src/lookups/judge.js";
import { getLeaderboard } from "../../src/lookups/leaderboard.js";
import { getProCareer } from "../../src/lookups/pro.js";
import { getRecords } from "../../src/lookups/records.js";
import { getWeekResults } from "../../src/lookups/results.js";
import { getSeasonOverview } from "../../src/lookups/season.js";
import { chartSize } from "../../src/views/chart.js";
import type { View } from "../../src/views/view.js";
import { checkMessage } from "../../tools/local-discord/limits.js";
import { engine, seededDatabase } from "../support/database.js";

let database: DatabaseHandle;
let indexes: LookupIndexes;
let seasons: number[];
beforeAll(async () => {
  database = await seededDatabase();
  indexes = await buildIndexes(database.db);
  seasons = await listSeasonNumbers(database.db);
});
afterAll(async () => database?.close());

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const medal = (rank: number) => ["🥇 ", "🥈 ", "🥉 "][rank - 1] ?? "";
const plainText = (text: string) => text.replace(/([*_`~|>\\])/g, "\\$1");

/** Discord's limits, as the local Discord enforces them, plus what a page count promises. */
function withinLimits(view: View, label: string): void {
  expect(checkMessage({ content: view.content, embeds: view.embeds, components: view.components }), label).toEqual([]);
  for (const file of view.files ?? []) {
    expect(file.data.subarray(0, 8), `${label} ${file.name}`).toEqual(pngSignature);
    expect({ width: file.data.readUInt32BE(16), height: file.data.readUInt32BE(20) }).toEqual(chartSize);
  }
}

/** Every page of a paginated view, following its own page numbers. */
function everyPage(draw: (page: number) => View, label: string): number {
  let pages = 1;
  for (let page = 0; page < pages; page++) {
    const view = draw(page);
    withinLimits(view, `${label} page ${page}`);
    const footer = view.embeds[0]?.footer?.text ?? "";
    pages = Number(/Page \d+\/(\d+)/.exec(footer)?.[1] ?? 1);
  }
  return pages;
}

describe(`every reply within Discord's limits on ${engine}`, () => {
  const allSeasons = Array.from({ length: 35 }, (_, i) => i + 1);
  test.each(allSeasons)(
    "GIVEN season %i WHEN /season, /results and /leaderboard draw every week THEN all fit",
    async (season) => {
      expect(seasons).toContain(season);
      withinLimits(seasonView(await getSeasonOverview(database.db, season)), `season ${season}`);
      const { weekNumbers } = await getWeekResults(database.db, { season });
      for (const week of weekNumbers) {
        withinLimits(resultsView(await getWeekResults(database.db, { season, week })), `results ${season}/${week}`);
        const board = await getLeaderboard(database.db, { season, week });
        const pages = everyPage((p) => leaderboardView(board, p), `leaderboard ${season}/${week}`);
        // The first-page rule: every page's description ranks the week's whole cast, each couple once with its total.
        const dancing = new Set([
          ...board.sheet.performances.filter((p) => p.status !== "announced").flatMap((p) => p.coupleIds),
          ...board.sheet.weeklyScores.map((w) => w.coupleId),
        ]);
        expect(board.standings.map((s) => s.couple.id).sort(), `${season}/${week} cast`).toEqual([...dancing].sort());
        for (let page = 0; page < pages; page++) {
          const lines = (leaderboardView(board, page).embeds[0]?.description ?? "").split("\n");
          const ranked = lines.filter((l) => /^(\S+ )?\*\*\d+\.\*\* /.test(l));
          expect(
            ranked.map((l) => l.replace(/ — .*$/, "")),
            `leaderboard ${season}/${week} page ${page}`,
          ).toEqual(
            board.standings.map(
              (s) => `${medal(s.rank)}**${s.rank}.** ${plainText(`${s.couple.celebrity} & ${s.couple.pro}`)}`,
            ),
          );
          for (const l of ranked) expect(l).toMatch(/ — (\*\*[\d.]+\*\*|not scored)/);
        }
      }
    },
  );

  test("GIVEN every season and all-time WHEN /records draws THEN each fits or says why there is nothing", async () => {
    for (const season of [null, ...seasons]) {
      try {
        withinLimits(recordsView(await getRecords(database.db, season)), `records ${season}`);
      } catch (error) {
        expect(error, `records ${season}`).toBeInstanceOf(UserError);
      }
    }
  });

  test("GIVEN every pro and every judge WHEN every page is drawn THEN all fit", async () => {
    for (const pro of indexes.pros.all()) {
      const career = await getProCareer(database.db, pro.item.personId);
      everyPage((p) => proView(career, p), `pro ${pro.name}`);
    }
    for (const judge of indexes.judges.all()) {
      const record = await getJudgeRecord(database.db, judge.item.personId);
      everyPage((p) => judgeView(record, p), `judge ${judge.name}`);
    }
  });

  test("GIVEN the most danced styles WHEN every page is drawn THEN all fit and the custom_ids stay short", async () => {
    for (const style of indexes.styles.all().slice(0, 15)) {
      const best = await getStyleBest(database.db, style, null);
      const pages = everyPage((p) => danceView(best, p), `dance ${style.name}`);
      expect(pages).toBe(Math.ceil(best.dances.length / 10));
    }
  });

  test.each([15, 20, 21, 23, 31, 33, 34, 35])(
    "GIVEN season %i's winner and runner-up WHEN /couple and /compare draw with charts THEN they fit and the PNGs are valid",
    async (season) => {
      const [winner, second] = (await getSeasonOverview(database.db, season)).cast;
      if (!winner || !second) throw new Error(`season ${season} has fewer than two couples`);
      const card = await getCoupleCard(database.db, winner.id);
      const first = await coupleViewWithChart(card);
      withinLimits(first, `couple ${winner.celebrity}`);
      expect(first.files).toHaveLength(1);
      const pages = Number(/Page \d+\/(\d+)/.exec(first.embeds[0]?.footer?.text ?? "")?.[1] ?? 1);
      for (let page = 1; page < pages; page++)
        withinLimits(await coupleViewWithChart(card, page), `couple page ${page}`);
      withinLimits(await compareView(await getComparison(database.db, winner.id, second.id)), `compare ${season}`);
    },
  );

  test("GIVEN either spoiler setting WHEN /settings draws THEN it fits", () => {
    withinLimits(settingsView({ spoilerHours: 0 }), "settings off");
    withinLimits(settingsView({ spoilerHours: 168 }, "Spoiler guard set to 168 hours."), "settings on");
  });
});
