/**
 * The season feed's reader of Wikipedia: the latest revision of one article through the MediaWiki Action API
 * (`action=query&prop=revisions`, `formatversion=2`), polite as Wikimedia's API:Etiquette asks — a descriptive
 * User-Agent and `maxlag` on every request, one request at a time, and a backoff after any sign of trouble (429, 5xx,
 * a maxlag error, a timeout, a network error, a body that is not the API's JSON) during which nothing is sent.
 */
import { z } from "zod";

export interface Revision {
  /** The page's title as the wiki spells it (after normalisation). */
  title: string;
  revid: number;
  /** ISO 8601, UTC, as MediaWiki gives it ("2025-12-03T04:05:06Z"). */
  timestamp: string;
  /** The wikitext of the revision's main slot. */
  content: string;
}

export type Latest =
  /** A revision other than `knownRevid` (or any, when none was known): the page changed. */
  | { kind: "revision"; revision: Revision }
  /** The page's latest revision is still `knownRevid`; its content was not fetched. */
  | { kind: "unchanged"; revid: number }
  /** No such page. */
  | { kind: "missing" }
  /** Wikipedia could not (or asked us not to) answer now: try again in `retryAfterMs` at the earliest. */
  | { kind: "unavailable"; reason: string; retryAfterMs: number };

export interface MediaWikiClientOptions {
  /** The api.php URL, such as https://en.wikipedia.org/w/api.php. */
  apiUrl: string;
  /** Sent as the User-Agent header of every request (see `userAgent`). */
  userAgent: string;
  /** Sent as `maxlag` on every request: the wiki refuses while its replicas lag more than this (default 5 s). */
  maxlagSeconds?: number;
  /** How long one request may take, body included (default 15 s). */
  timeoutMs?: number;
  /** The clock the backoff is measured with (default Date.now). */
  now?: () => number;
  fetch?: typeof fetch;
}

/** The first pause after a failure; each further failure in a row doubles it, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;

const defaultArticleTitle = (season: number) => `Dancing with the Stars (American TV series) season ${season}`;

/** Said in the User-Agent instead of a contact when the operator gave none (WIKIPEDIA_CONTACT). */
const NO_CONTACT = "Discord bot for Dancing with the Stars fan servers; no contact configured";

/**
 * A User-Agent as Wikimedia's policy asks: the tool's name and version, how to reach its operator, and the library.
 * `Mirrorball/0.1.0 (bot-owner@example.org) node/v20.19.0`.
 */
export function userAgent(version: string, contact: string | undefined): string {
  // A header value is one line of visible ASCII; parentheses would end the comment early.
  const clean = (s: string) =>
    s
      .replace(/[^\x20-\x7e]/g, " ")
      .replace(/[()]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const reach = clean(contact ?? "") || NO_CONTACT;
  return `Mirrorball/${clean(version).replace(/ /g, "-") || "unknown"} (${reach}) node/${process.version}`;
}

/** The season's Wikipedia article: the override when the page was renamed, else the series' usual title. */
export function articleTitle(season: number, overrides: Map<number, string>): string {
  if (!Number.isInteger(season) || season < 1) throw new RangeError(`not a season number: ${season}`);
  return overrides.get(season)?.trim() || defaultArticleTitle(season);
}

const revisionSchema = z.object({
  revid: z.number().int(),
  timestamp: z.string(),
  slots: z
    .object({
      main: z.object({ content: z.string().optional(), texthidden: z.boolean().optional() }),
    })
    .optional(),
});

const querySchema = z.object({
  query: z.object({
    normalized: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
    redirects: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
    pages: z
      .array(
        z.object({
          title: z.string(),
          missing: z.boolean().optional(),
          invalid: z.boolean().optional(),
          invalidreason: z.string().optional(),
          revisions: z.array(revisionSchema).optional(),
        }),
      )
      .length(1),
  }),
});
type Page = z.infer<typeof querySchema>["query"]["pages"][number];

const errorSchema = z.object({ error: z.object({ code: z.string(), info: z.string().optional() }) });

type Unavailable = Extract<Latest, { kind: "unavailable" }>;
type Answer = { ok: true; page: Page } | { ok: false; unavailable: Unavailable };

export class MediaWikiClient {
  private readonly apiUrl: URL;
  private readonly userAgentHeader: string;
  private readonly maxlagSeconds: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly fetch: typeof fetch;
  /** The tail of the queue: each call to `latest` starts when the one before it has finished. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Failures in a row, for the exponential backoff. */
  private failures = 0;
  private blockedUntil = 0;
  private lastFailure = "";

  constructor(options: MediaWikiClientOptions) {
    this.apiUrl = new URL(options.apiUrl);
    if (!/^https?:$/.test(this.apiUrl.protocol)) throw new Error(`not an HTTP URL: ${options.apiUrl}`);
    this.userAgentHeader = options.userAgent.trim();
    if (!this.userAgentHeader) throw new Error("MediaWikiClient needs a User-Agent (Wikimedia's User-Agent policy)");
    this.maxlagSeconds = options.maxlagSeconds ?? 5;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
    const send = options.fetch ?? globalThis.fetch;
    this.fetch = (input, init) => send(input, init); // never called as a method of the client
  }

  /** The page's latest revision: first a cheap ids-only query; the content only when the revid changed. */
  latest(title: string, knownRevid: number | null): Promise<Latest> {
    const waiting = this.backingOff();
    if (waiting) return Promise.resolve(waiting);
    const run = this.queue.then(() => this.check(title, knownRevid));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async check(title: string, knownRevid: number | null): Promise<Latest> {
    // Checked again in the queue: the call before this one may have failed.
    const waiting = this.backingOff();
    if (waiting) return waiting;
    const ids = await this.query(title, "ids|timestamp");
    if (!ids.ok) return ids.unavailable;
    if (ids.page.missing) return { kind: "missing" };
    const latest = ids.page.revisions?.[0];
    if (!latest) return this.fail(`"${ids.page.title}" came back with no revision`);
    if (latest.revid === knownRevid) return { kind: "unchanged", revid: latest.revid };

    const full = await this.query(title, "ids|timestamp|content");
    if (!full.ok) return full.unavailable;
    if (full.page.missing) return { kind: "missing" }; // deleted in between
    const revision = full.page.revisions?.[0];
    if (!revision) return this.fail(`"${full.page.title}" came back with no revision`);
    // Reverted to the known revision in between (an edit deleted, say): nothing new after all.
    if (revision.revid === knownRevid) return { kind: "unchanged", revid: revision.revid };
    const content = revision.slots?.main.content;
    if (content === undefined) return this.fail(`revision ${revision.revid} came back without its content`);
    return {
      kind: "revision",
      revision: { title: full.page.title, revid: revision.revid, timestamp: revision.timestamp, content },
    };
  }

  /** One request; a success resets the backoff, a failure extends it. API errors other than maxlag throw. */
  private async query(title: string, rvprop: string): Promise<Answer> {
    const url = new URL(this.apiUrl);
    const params: [string, string][] = [
      ["action", "query"],
      ["prop", "revisions"],
      ["titles", title],
      ["rvprop", rvprop],
      ...(rvprop.includes("content") ? [["rvslots", "main"] as [string, string]] : []),
      ["format", "json"],
      ["formatversion", "2"],
      ["maxlag", String(this.maxlagSeconds)],
    ];
    for (const [name, value] of params) url.searchParams.set(name, value);

    let status: number;
    let retryAfterMs: number | undefined;
    let text: string;
    try {
      const response = await this.fetch(url, {
        headers: { "user-agent": this.userAgentHeader, accept: "application/json" },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      retryAfterMs = this.retryAfter(response.headers.get("retry-after"));
      if (status === 429 || status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        return this.failed(`HTTP ${status}`, retryAfterMs);
      }
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      if (name === "TimeoutError" || name === "AbortError") return this.failed(`no answer within ${this.timeoutMs} ms`);
      return this.failed(`network error: ${describe(error)}`);
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (status >= 400) throw new Error(`MediaWiki API answered HTTP ${status}: ${text.slice(0, 200)}`);
      return this.failed(`HTTP ${status} with a body that is not JSON`);
    }
    const apiError = errorSchema.safeParse(body);
    if (apiError.success) {
      const { code, info } = apiError.data.error;
      if (code === "maxlag") return this.failed(`maxlag: ${info ?? "the wiki's replicas lag"}`, retryAfterMs);
      throw new Error(`MediaWiki API error ${code} (HTTP ${status}): ${info ?? "no info"}`);
    }
    if (status >= 400) throw new Error(`MediaWiki API answered HTTP ${status}: ${text.slice(0, 200)}`);
    const parsed = querySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.failed(`unexpected answer: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    const page = parsed.data.query.pages[0];
    if (!page) return this.failed("unexpected answer: no page");
    if (page.invalid) throw new Error(`MediaWiki API: invalid title "${title}": ${page.invalidreason ?? ""}`);
    this.failures = 0;
    this.blockedUntil = 0;
    return { ok: true, page };
  }

  private failed(reason: string, retryAfterMs?: number): Answer {
    return { ok: false, unavailable: this.fail(reason, retryAfterMs) };
  }

  /** Counts a failure and starts the backoff: the longer of Retry-After and 30 s doubled per failure in a row. */
  private fail(reason: string, retryAfterMs = 0): Unavailable {
    this.failures += 1;
    const exponential = Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(this.failures - 1, 20), MAX_BACKOFF_MS);
    const wait = Math.max(retryAfterMs, exponential);
    this.blockedUntil = this.now() + wait;
    this.lastFailure = reason;
    return { kind: "unavailable", reason, retryAfterMs: wait };
  }

  private backingOff(): Unavailable | undefined {
    const left = this.blockedUntil - this.now();
    if (left <= 0) return undefined;
    return { kind: "unavailable", reason: `backing off after: ${this.lastFailure}`, retryAfterMs: left };
  }

  /** Retry-After in milliseconds: delay-seconds or an HTTP date. */
  private retryAfter(header: string | null): number | undefined {
    if (!header) return undefined;
    const value = header.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - this.now());
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
