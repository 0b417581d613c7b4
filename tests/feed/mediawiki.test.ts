import { afterEach, describe, expect, test } from "vitest";
import { articleTitle, type Latest, MediaWikiClient, userAgent } from "../../src/feed/mediawiki.js";
import { type LocalWikipedia, type LocalWikipediaOptions, startMediaWiki } from "../../tools/mediawiki/server.js";

const TITLE = "Dancing with the Stars (American TV series) season 35";
const UA = userAgent("0.1.0", "feed-tests@example.org");
const second = 1000;
const minute = 60 * second;

let wiki: LocalWikipedia | undefined;
afterEach(async () => {
  await wiki?.close();
  wiki = undefined;
});

/** A local wiki and a client of it on a clock that moves only when the test says. */
async function setup(
  options: LocalWikipediaOptions & { timeoutMs?: number; fetch?: typeof fetch; clientUserAgent?: string } = {},
) {
  wiki = await startMediaWiki(options);
  let clock = 1_000_000;
  const client = new MediaWikiClient({
    apiUrl: wiki.url,
    userAgent: options.clientUserAgent ?? UA,
    now: () => clock,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    wiki,
    client,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

function unavailable(result: Latest): { reason: string; retryAfterMs: number } {
  if (result.kind !== "unavailable") throw new Error(`expected unavailable, got ${JSON.stringify(result)}`);
  return result;
}

describe("MediaWikiClient against the local MediaWiki", () => {
  test("GIVEN a published article WHEN the feed asks without a known revision THEN it gets the revision; asked again with that revid THEN unchanged, from an ids-only request", async () => {
    const { wiki, client } = await setup();
    const revid = wiki.publish(TITLE, "== Cast ==\nweek 1", "2026-09-16T03:00:00Z");

    const first = await client.latest(TITLE, null);
    expect(first).toEqual({
      kind: "revision",
      revision: { title: TITLE, revid, timestamp: "2026-09-16T03:00:00Z", content: "== Cast ==\nweek 1" },
    });
    expect(wiki.requests.map((r) => r.params.rvprop)).toEqual(["ids|timestamp", "ids|timestamp|content"]);

    const again = await client.latest(TITLE, revid);
    expect(again).toEqual({ kind: "unchanged", revid });
    expect(wiki.requests).toHaveLength(3);
    expect(wiki.requests[2]?.params).toEqual({
      action: "query",
      prop: "revisions",
      titles: TITLE,
      rvprop: "ids|timestamp",
      format: "json",
      formatversion: "2",
      maxlag: "5",
    });
  });

  test("GIVEN a known revision WHEN the article is edited THEN the feed gets the new revision's content", async () => {
    const { wiki, client } = await setup();
    const old = wiki.publish(TITLE, "week 1");
    const edited = wiki.publish(TITLE, "week 1\nweek 2");
    expect(edited).toBeGreaterThan(old);
    expect(wiki.latestRevid(TITLE)).toBe(edited);

    const result = await client.latest(TITLE, old);

    expect(result).toMatchObject({ kind: "revision", revision: { revid: edited, content: "week 1\nweek 2" } });
    expect(wiki.requests[1]?.params).toMatchObject({ rvprop: "ids|timestamp|content", rvslots: "main" });
  });

  test("GIVEN no such article WHEN the feed asks THEN missing, after one request", async () => {
    const { wiki, client } = await setup();

    expect(await client.latest("Dancing with the Stars (American TV series) season 99", null)).toEqual({
      kind: "missing",
    });
    expect(wiki.requests).toHaveLength(1);
  });

  test("GIVEN a title written with underscores WHEN the feed asks THEN the wiki normalises it and the revision carries the wiki's title", async () => {
    const { wiki, client } = await setup();
    wiki.publish(TITLE, "text");

    const result = await client.latest("dancing_with_the_Stars_(American_TV_series)_season_35", null);

    expect(result).toMatchObject({ kind: "revision", revision: { title: TITLE, content: "text" } });
  });

  test("GIVEN several checks WHEN they run THEN every request carries the User-Agent and maxlag=5 and the wiki refused none", async () => {
    const { wiki, client } = await setup();
    const revid = wiki.publish(TITLE, "text");

    await client.latest(TITLE, null);
    await client.latest(TITLE, revid);
    await client.latest("No such page", null);

    expect(wiki.requests).toHaveLength(4);
    for (const request of wiki.requests) {
      expect(request.userAgent).toBe(UA);
      expect(request.params.maxlag).toBe("5");
      expect(request.answer).toBe("200");
    }
  });

  test("GIVEN a client that forgot maxlag WHEN it asks THEN the local wiki refuses it (missing-etiquette) and the client throws, naming the code", async () => {
    const withoutMaxlag: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      url.searchParams.delete("maxlag");
      return fetch(url, init);
    };
    const { wiki, client } = await setup({ fetch: withoutMaxlag });
    wiki.publish(TITLE, "text");

    await expect(client.latest(TITLE, null)).rejects.toThrow(/missing-etiquette/);
    expect(wiki.requests[0]?.answer).toBe("missing-etiquette");
  });

  test("GIVEN answers that take a while WHEN the feed calls latest five times at once THEN the wiki never sees two requests at the same time, and all five are answered", async () => {
    const { wiki, client } = await setup({ latencyMs: 20 });
    const revid = wiki.publish(TITLE, "text");
    wiki.publish("Other page", "other");

    const results = await Promise.all([
      client.latest(TITLE, null),
      client.latest(TITLE, revid),
      client.latest("Other page", null),
      client.latest("No such page", null),
      client.latest(TITLE, null),
    ]);

    expect(results.map((r) => r.kind)).toEqual(["revision", "unchanged", "revision", "missing", "revision"]);
    expect(wiki.requests).toHaveLength(8);
    expect(wiki.requests.map((r) => r.inFlight)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(wiki.maxInFlight).toBe(1);
  });
});

describe("MediaWikiClient's backoff", () => {
  test("GIVEN a 429 WHEN the feed asks THEN unavailable for 30 s, nothing is sent until then, and a success afterwards resets the backoff", async () => {
    const { wiki, client, advance } = await setup();
    wiki.publish(TITLE, "text");
    wiki.failNext("429");

    const failed = unavailable(await client.latest(TITLE, null));
    expect(failed.reason).toContain("429");
    expect(failed.retryAfterMs).toBe(30 * second); // Retry-After: 1 is shorter than the first backoff

    advance(10 * second);
    const waiting = unavailable(await client.latest(TITLE, null));
    expect(waiting.retryAfterMs).toBe(20 * second);
    expect(wiki.requests).toHaveLength(1);

    advance(20 * second);
    expect((await client.latest(TITLE, null)).kind).toBe("revision");
    expect(wiki.requests).toHaveLength(3);

    // The success reset the count: the next failure waits the first backoff again, not twice it.
    wiki.failNext("429");
    expect(unavailable(await client.latest(TITLE, null)).retryAfterMs).toBe(30 * second);
  });

  test("GIVEN 500s in a row WHEN the feed retries each time its backoff passes THEN the backoff doubles from 30 s and stops at 30 min", async () => {
    const { wiki, client, advance } = await setup();
    wiki.publish(TITLE, "text");
    wiki.failNext("500", 8);

    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const failed = unavailable(await client.latest(TITLE, null));
      expect(failed.reason).toContain("500");
      waits.push(failed.retryAfterMs);
      advance(failed.retryAfterMs);
    }

    expect(waits).toEqual([0.5, 1, 2, 4, 8, 16, 30, 30].map((m) => m * minute));
    expect(wiki.requests).toHaveLength(8);
    expect((await client.latest(TITLE, null)).kind).toBe("revision");
  });

  test("GIVEN the wiki's replicas lag WHEN the feed asks THEN the maxlag error is unavailable, not an exception, and the client waits", async () => {
    const { wiki, client, advance } = await setup();
    wiki.publish(TITLE, "text");
    wiki.failNext("maxlag");

    const failed = unavailable(await client.latest(TITLE, null));
    expect(failed.reason).toMatch(/maxlag.*7 seconds lagged/);
    expect(failed.retryAfterMs).toBe(30 * second); // max(Retry-After: 5, the first backoff)

    advance(29 * second);
    unavailable(await client.latest(TITLE, null));
    expect(wiki.requests).toHaveLength(1);
    advance(1 * second);
    expect((await client.latest(TITLE, null)).kind).toBe("revision");
  });

  test("GIVEN a wiki that never answers WHEN the feed asks with a 300 ms timeout THEN unavailable after the timeout, and nothing more is sent during the backoff", async () => {
    const { wiki, client, advance } = await setup({ timeoutMs: 300 });
    wiki.publish(TITLE, "text");
    wiki.failNext("hang");

    const failed = unavailable(await client.latest(TITLE, null));
    expect(failed.reason).toContain("300 ms");
    expect(failed.retryAfterMs).toBe(30 * second);
    expect(wiki.requests.map((r) => r.answer)).toEqual(["hang"]);

    unavailable(await client.latest(TITLE, null));
    expect(wiki.requests).toHaveLength(1);
    advance(30 * second);
    expect((await client.latest(TITLE, null)).kind).toBe("revision");
  });

  test("GIVEN the ids check succeeds WHEN the content request then fails THEN unavailable, and the next try after the backoff fetches the content", async () => {
    let local: LocalWikipedia | undefined;
    // Once the ids check has been answered, the wiki's next answer is a 500.
    const failAfterCheck: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(String(input)).searchParams.get("rvprop") === "ids|timestamp") local?.failNext("500");
      return response;
    };
    const { wiki, client, advance } = await setup({ fetch: failAfterCheck });
    local = wiki;
    wiki.publish(TITLE, "text");

    const failed = unavailable(await client.latest(TITLE, null));
    expect(failed.retryAfterMs).toBe(30 * second);
    expect(wiki.requests.map((r) => r.answer)).toEqual(["200", "500"]);

    local = undefined;
    advance(failed.retryAfterMs);
    expect(await client.latest(TITLE, null)).toMatchObject({ kind: "revision", revision: { content: "text" } });
  });

  test("GIVEN a Retry-After longer than the backoff WHEN the wiki answers 429 THEN the client waits as long as the wiki asked", async () => {
    const tooMany: typeof fetch = async () =>
      new Response("slow down", { status: 429, headers: { "retry-after": "3600" } });
    const { wiki, client } = await setup({ fetch: tooMany });

    expect(unavailable(await client.latest(TITLE, null)).retryAfterMs).toBe(60 * minute);
    expect(wiki.requests).toHaveLength(0);
  });

  test("GIVEN nothing listening WHEN the feed asks THEN a network error is unavailable with the first backoff", async () => {
    const { wiki } = await setup();
    const url = wiki.url;
    await wiki.close();
    const client = new MediaWikiClient({ apiUrl: url, userAgent: UA, now: () => 0 });

    const failed = unavailable(await client.latest(TITLE, null));
    expect(failed.reason).toMatch(/network error/);
    expect(failed.retryAfterMs).toBe(30 * second);
  });
});

describe("userAgent and articleTitle", () => {
  test("GIVEN a contact WHEN the User-Agent is made THEN it names the bot, its version, the contact and node", () => {
    expect(userAgent("0.1.0", "owner@example.org")).toBe(
      `Mirrorball/0.1.0 (owner@example.org) node/${process.version}`,
    );
  });

  test("GIVEN no contact (or a blank one) WHEN the User-Agent is made THEN it still describes the bot in its comment", () => {
    for (const contact of [undefined, "", "   "]) {
      const ua = userAgent("0.1.0", contact);
      expect(ua).toMatch(/^Mirrorball\/0\.1\.0 \(.*Dancing with the Stars.*\) node\/v\d+/);
    }
  });

  test("GIVEN a contact with a line break or parentheses WHEN the User-Agent is made THEN it stays one valid header value", () => {
    const ua = userAgent("0.1.0", "https://example.org/bot (ops)\r\nX-Evil: 1");
    expect(ua).toBe(`Mirrorball/0.1.0 (https://example.org/bot ops X-Evil: 1) node/${process.version}`);
    expect(() => new Headers({ "user-agent": ua })).not.toThrow();
  });

  test("GIVEN a season WHEN its article title is asked THEN the series' usual title, unless the season was renamed", () => {
    const overrides = new Map([[12, "Dancing with the Stars (American season 12)"]]);
    expect(articleTitle(34, overrides)).toBe("Dancing with the Stars (American TV series) season 34");
    expect(articleTitle(12, overrides)).toBe("Dancing with the Stars (American season 12)");
    expect(articleTitle(35, new Map())).toBe(TITLE);
    expect(() => articleTitle(0, overrides)).toThrow(RangeError);
  });
});
