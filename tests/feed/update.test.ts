import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyDocument, currentSeason } from "../../src/admin/seasons.js";
import type { SeasonFilePerformance } from "../../src/data/seasonFile.js";
import { listAudit } from "../../src/db/queries/audit.js";
import { articleTitle, MediaWikiClient } from "../../src/feed/mediawiki.js";
import {
  applyFeedChange,
  checkArticle,
  type FeedCheck,
  lastRevid,
  rememberRevid,
  revisionLink,
} from "../../src/feed/update.js";
import { getLeaderboard } from "../../src/lookups/leaderboard.js";
import { forgetSeasons } from "../../src/seasons/store.js";
import { airedCuts } from "../../tools/mediawiki/revisions.js";
import { type LocalWikipedia, startMediaWiki } from "../../tools/mediawiki/server.js";
import { engine, seededDatabase, type TestDatabase } from "../support/database.js";
import { atPremiere, shippedSeason } from "../support/seasons.js";

const fixtures = join(import.meta.dirname, "../fixtures/wikipedia");
const season34Article = readFileSync(join(fixtures, "season-34.wikitext"), "utf8");
const season35Article = readFileSync(join(fixtures, "season-35-rev1377959004.wikitext"), "utf8");
const owner = "900000000000000001";

let database: TestDatabase;
let wiki: LocalWikipedia;
let client: MediaWikiClient;
beforeAll(async () => {
  [database, wiki] = await Promise.all([seededDatabase(), startMediaWiki()]);
  client = new MediaWikiClient({ apiUrl: wiki.url, userAgent: "Mirrorball/test (tests; feed) node" });
});
afterAll(async () => Promise.all([database?.close(), wiki?.close()]));

const dance = (p: SeasonFilePerformance) => [p.round, p.style, p.song, p.artist, p.couples, p.scores ?? null];

async function look(season: number): Promise<FeedCheck> {
  return checkArticle(database.db, client, {
    season,
    title: articleTitle(season, new Map()),
    apiUrl: wiki.url,
    knownRevid: await lastRevid(database.db, season),
  });
}

describe(`the season feed's one look, applied through the owners' path (${engine})`, () => {
  test("GIVEN season 35's revision of 2026-10-02 WHEN looked at twice THEN it changes nothing recorded, and the second look asks only for the revision id", async () => {
    const title = articleTitle(35, new Map());
    const revid = wiki.publish(title, season35Article, "2026-10-02T20:00:00Z");
    const first = await look(35);
    expect(first).toEqual({ kind: "no-news", season: 35, revid });
    await rememberRevid(database.db, 35, revid);
    const before = wiki.requests.length;
    expect(await look(35)).toEqual({ kind: "unchanged", season: 35, revid });
    const asked = wiki.requests.slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.params.rvprop).toBe("ids|timestamp");
  });

  test("GIVEN season 34 at its premiere WHEN its article is replayed revision by revision and each change applied THEN the season ends as data/ has it, with one audited entry per revision", async () => {
    const full = shippedSeason(34);
    await applyDocument(database.db, {
      userId: owner,
      action: "import",
      document: atPremiere(full),
    });
    const title = articleTitle(34, new Map());
    for (const cut of airedCuts(season34Article)) {
      const revid = wiki.publish(title, cut.content);
      const check = await look(34);
      if (check.kind !== "changes") throw new Error(`week ${cut.week}: ${check.kind}`);
      expect(check.change.holds).toEqual([]);
      expect(check.change.link).toBe(revisionLink(wiki.url, title, revid));
      await applyFeedChange(database.db, check.change, "feed");
      await rememberRevid(database.db, 34, revid);
    }
    const now = (await currentSeason(database.db, 34))?.document;
    for (const recorded of full.weeks) {
      const replayed = now?.weeks.find((w) => w.week === recorded.week);
      expect(replayed?.performances.map(dance), `week ${recorded.week}`).toEqual(recorded.performances.map(dance));
      expect(replayed?.results ?? []).toEqual(recorded.results ?? []);
    }
    expect(now?.couples.map((c) => [c.celebrity, c.placement, c.result]).sort()).toEqual(
      full.couples.map((c) => [c.celebrity, c.placement, c.result]).sort(),
    );
    // The lookups answer from the database the feed filled: the finale's leaderboard as the show scored it.
    forgetSeasons(database.db);
    const finale = await getLeaderboard(database.db, { season: 34, week: 11 });
    expect(finale.sheet.performances.filter((p) => p.scores.length > 0)).toHaveLength(
      full.weeks.find((w) => w.week === 11)?.performances.filter((p) => p.scores).length ?? -1,
    );
    const audit = (await listAudit(database.db, { season: 34, limit: 50 })).filter((a) => a.action === "wikipedia");
    expect(audit).toHaveLength(11);
    for (const entry of audit) expect(entry.changes[0]).toMatch(/^From Wikipedia revision \d+: http.*oldid=\d+$/);
  });

  test("GIVEN a vandalised revision after that WHEN looked at THEN it is held with its reason and nothing changes; its revert brings no news", async () => {
    const title = articleTitle(34, new Map());
    const finale = airedCuts(season34Article).at(-1)?.content ?? "";
    const vandalised = finale.replace(/\| 30 \(10, 10, 10\)/, "| 3 (1, 1, 1)");
    expect(vandalised).not.toBe(finale);
    wiki.publish(title, vandalised);
    const held = await look(34);
    if (held.kind !== "changes") throw new Error(held.kind);
    expect(held.change.holds.join("\n")).toMatch(/a large change/);
    const revertId = wiki.publish(title, finale);
    expect(await look(34)).toEqual({ kind: "no-news", season: 34, revid: revertId });
  });

  test("GIVEN Wikipedia answering 429 WHEN looked at THEN the look says so with a wait, and nothing is recorded", async () => {
    const before = await lastRevid(database.db, 34);
    wiki.failNext("429");
    const check = await look(34);
    expect(check.kind).toBe("unavailable");
    if (check.kind === "unavailable") expect(check.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(await lastRevid(database.db, 34)).toBe(before);
  });
});
