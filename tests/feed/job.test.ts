import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LiveSync } from "../../src/admin/live.js";
import { applyDocument, currentSeason } from "../../src/admin/seasons.js";
import { listAudit } from "../../src/db/queries/audit.js";
import { type FeedChangeRow, waitingFeedChanges } from "../../src/db/queries/feed.js";
import { type FeedBoard, SeasonFeed } from "../../src/feed/job.js";
import { articleTitle, MediaWikiClient } from "../../src/feed/mediawiki.js";
import { buildIndexes } from "../../src/lookups/indexes.js";
import { airedCuts } from "../../tools/mediawiki/revisions.js";
import { type LocalWikipedia, startMediaWiki } from "../../tools/mediawiki/server.js";
import { engine, seededDatabase, type TestDatabase } from "../support/database.js";
import { atPremiere, shippedSeason } from "../support/seasons.js";

const article = readFileSync(
  join(import.meta.dirname, "../fixtures/wikipedia/season-35-rev1377959004.wikitext"),
  "utf8",
);
const title = articleTitle(35, new Map());
const silent = pino({ level: "silent" });

/** What the owners' channel would have been sent, as the feed said it. */
class RecordingBoard implements FeedBoard {
  reviewed: FeedChangeRow[] = [];
  appliedOnes: FeedChangeRow[] = [];
  retired: FeedChangeRow[] = [];
  async review(change: FeedChangeRow) {
    this.reviewed.push(change);
    return String(this.reviewed.length);
  }
  async applied(change: FeedChangeRow) {
    this.appliedOnes.push(change);
  }
  async superseded(change: FeedChangeRow) {
    this.retired.push(change);
  }
}

let database: TestDatabase;
let wiki: LocalWikipedia;
const boards = [new RecordingBoard(), new RecordingBoard()];
let processes: SeasonFeed[];
beforeAll(async () => {
  [database, wiki] = await Promise.all([seededDatabase(), startMediaWiki()]);
  // Two bot processes on one database, each with its own Wikipedia client and name indexes.
  processes = await Promise.all(
    boards.map(async (board) => {
      const live = new LiveSync(database.db, await buildIndexes(database.db), async () => "0", silent);
      const client = new MediaWikiClient({ apiUrl: wiki.url, userAgent: "Mirrorball/test (tests) node" });
      return new SeasonFeed(database.db, client, board, live, silent, {
        mode: "auto",
        apiUrl: wiki.url,
        titles: new Map(),
      });
    }),
  );
});
afterAll(async () => Promise.all([database?.close(), wiki?.close()]));

const contentRequests = () => wiki.requests.filter((r) => r.params.rvprop?.includes("content")).length;
const harrysWeek1 = async () =>
  (await currentSeason(database.db, 35))?.document.weeks[0]?.performances.find((p) =>
    p.couples.includes("Harry Shum Jr."),
  )?.scores;
const tickBoth = (now: Date) => Promise.all(processes.map((p) => p.tick(now)));

describe(`the season feed's job in two processes (${engine})`, () => {
  // Season 35's finale is past and its record incomplete: the feed looks once a day.
  const day = 24 * 3_600_000;
  const start = new Date("2026-12-08T12:00:00Z");

  test("GIVEN LIVE_UPDATES=auto and a revision correcting one mark WHEN both processes' jobs run at once THEN one reads the article, and the change is applied once", async () => {
    wiki.publish(title, article.replace("| 21 (7, 7, 7)", "| 22 (8, 7, 7)"));
    const [a, b] = await tickBoth(start);
    expect(a?.getTime()).toBe(b?.getTime());
    expect(a?.getTime()).toBe(start.getTime() + day);
    expect(contentRequests()).toBe(1);
    expect(await harrysWeek1()).toEqual([8, 7, 7]);
    expect(boards.flatMap((board) => board.appliedOnes)).toHaveLength(1);
    const audit = (await listAudit(database.db, { season: 35, limit: 10 })).filter((e) => e.action === "wikipedia");
    expect(audit).toHaveLength(1);
  });

  test("GIVEN a vandalised revision WHEN the next day's look runs THEN even in auto it waits for an owner, posted once", async () => {
    wiki.publish(title, article.replace("| 21 (7, 7, 7)", "| 28 (7, 7, 7)"));
    await tickBoth(new Date(start.getTime() + day));
    expect(contentRequests()).toBe(2);
    const waiting = await waitingFeedChanges(database.db, 35);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.holds.join()).toMatch(/not the sum of the marks/);
    expect(boards.flatMap((board) => board.reviewed)).toHaveLength(1);
    expect(await harrysWeek1()).toEqual([8, 7, 7]);
  });

  test("GIVEN Wikipedia answering 500 WHEN the look runs THEN the next look waits for the backoff, and no process asks again before it", async () => {
    wiki.failNext("500");
    const now = new Date(start.getTime() + 2 * day);
    const before = wiki.requests.length;
    const [a, b] = await tickBoth(now);
    expect(wiki.requests.length - before).toBe(1);
    const retryAt = Math.min(a?.getTime() ?? 0, b?.getTime() ?? 0);
    expect(retryAt).toBeGreaterThan(now.getTime());
    expect(retryAt).toBeLessThan(now.getTime() + day);
    await tickBoth(new Date(now.getTime() + 1000));
    expect(wiki.requests.length - before).toBe(1);
  });

  test("GIVEN LIVE_UPDATES=auto and season 34 at its premiere WHEN its article is replayed a week at a time THEN each week applies by itself and the season ends as data/ has it", async () => {
    const full = shippedSeason(34);
    await applyDocument(database.db, {
      userId: "900000000000000001",
      action: "import",
      document: atPremiere(full),
    });
    const season34 = articleTitle(34, new Map());
    // A process that starts now (the others' clients are backing off after the 500 above).
    const board = new RecordingBoard();
    const live = new LiveSync(database.db, await buildIndexes(database.db), async () => "0", silent);
    const client = new MediaWikiClient({ apiUrl: wiki.url, userAgent: "Mirrorball/test (tests) node" });
    const feed = new SeasonFeed(database.db, client, board, live, silent, {
      mode: "auto",
      apiUrl: wiki.url,
      titles: new Map(),
    });
    const cuts = airedCuts(readFileSync(join(import.meta.dirname, "../fixtures/wikipedia/season-34.wikitext"), "utf8"));
    for (const cut of cuts) {
      wiki.publish(season34, cut.content);
      expect((await feed.look(34)).kind, `week ${cut.week}`).toBe("changes");
    }
    expect(board.appliedOnes).toHaveLength(cuts.length);
    expect(board.reviewed).toEqual([]);
    const now = (await currentSeason(database.db, 34))?.document;
    const dances = (s?: typeof now) =>
      s?.weeks.map((w) => w.performances.map((p) => [p.style, p.couples, p.scores ?? null]));
    expect(dances(now)).toEqual(dances(full));
    expect(now?.couples.map((c) => [c.celebrity, c.placement]).sort()).toEqual(
      full.couples.map((c) => [c.celebrity, c.placement]).sort(),
    );
    expect(await waitingFeedChanges(database.db, 34)).toEqual([]);
  });
});
