/**
 * A local stand-in for the part of the MediaWiki Action API the season feed reads (`action=query&prop=revisions`,
 * `format=json&formatversion=2`), for tests, the bench and the playground. It checks requests as strictly as the real
 * API and more (Wikimedia's etiquette: a User-Agent and `maxlag` on every request), and can be told to fail.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the next requests fail: 429 (Retry-After: 1), 500, a maxlag error (HTTP 200, Retry-After: 5) or no answer. */
export type FailureMode = "429" | "500" | "maxlag" | "hang";

/** One request the server received, in order of arrival. */
export interface WikiRequest {
  /** The query string's parameters (the last value of a repeated one). */
  params: Record<string, string>;
  userAgent: string | undefined;
  /** When it arrived (Date.now()). */
  at: number;
  /** How many requests were being answered when it arrived, itself included: 1 unless a client overlaps requests. */
  inFlight: number;
  /** How it was answered: a status, "maxlag", "hang" or an API error code. */
  answer: string;
}

export interface LocalWikipedia {
  /** The api.php URL, such as http://127.0.0.1:PORT/w/api.php. */
  url: string;
  /** Adds a revision to a page (creating it), and returns the new revision's id. */
  publish(title: string, content: string, timestamp?: string): number;
  /** The page's latest revision id, or undefined when there is no such page. */
  latestRevid(title: string): number | undefined;
  /** The next `count` requests to api.php fail that way (after the ones already queued). */
  failNext(mode: FailureMode, count?: number): void;
  /** Every request so far, oldest first. */
  readonly requests: readonly WikiRequest[];
  /** The most requests it was ever answering at once. */
  readonly maxInFlight: number;
  /** Resolves once `count` requests have arrived in all. */
  waitForRequests(count: number): Promise<void>;
  /** Stops listening and ends every connection, hung requests included; closing twice is fine. */
  close(): Promise<void>;
}

export interface LocalWikipediaOptions {
  /** 0 (the default): a free port. */
  port?: number;
  /** How long each answer takes, so overlapping requests would be seen overlapping (default 0). */
  latencyMs?: number;
}

interface StoredRevision {
  revid: number;
  parentid: number;
  timestamp: string;
  content: string;
}

interface Page {
  pageid: number;
  title: string;
  revisions: StoredRevision[];
}

const API_PATH = "/w/api.php";
const FIRST_REVID = 1_000_000_000;
const FIRST_PAGEID = 70_000_000;
/** The parameters this server understands; anything else is refused, so a client never relies on a silent default. */
const KNOWN_PARAMS = new Set(["action", "prop", "titles", "rvprop", "rvslots", "format", "formatversion", "maxlag"]);
const RVPROPS = new Set(["ids", "timestamp", "content"]);

/** MediaWiki's title normalisation, as far as article titles go: underscores are spaces, the first letter upper case. */
export function normalizeTitle(title: string): string {
  const spaced = title.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** MediaWiki's timestamp format: ISO 8601 to the second, UTC. */
function wikiTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly info: string,
    readonly status = 200,
  ) {
    super(info);
  }
}

export async function startMediaWiki(options: LocalWikipediaOptions = {}): Promise<LocalWikipedia> {
  const pages = new Map<string, Page>();
  const requests: WikiRequest[] = [];
  const failures: FailureMode[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let nextRevid = FIRST_REVID;
  let nextPageid = FIRST_PAGEID;
  let inFlight = 0;
  let maxInFlight = 0;
  const latencyMs = options.latencyMs ?? 0;

  const record = (request: IncomingMessage, url: URL): WikiRequest => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const entry: WikiRequest = {
      params: Object.fromEntries(url.searchParams),
      userAgent: request.headers["user-agent"],
      at: Date.now(),
      inFlight,
      answer: "",
    };
    requests.push(entry);
    for (const w of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    return entry;
  };

  const query = (params: URLSearchParams): unknown => {
    const titles = (params.get("titles") ?? "").split("|").filter((t) => t.trim() !== "");
    const rvprop = new Set((params.get("rvprop") ?? "").split("|"));
    const normalized: { fromencoded: boolean; from: string; to: string }[] = [];
    const results = titles.map((asked) => {
      const title = normalizeTitle(asked);
      if (title !== asked) normalized.push({ fromencoded: false, from: asked, to: title });
      const page = pages.get(title);
      const latest = page?.revisions.at(-1);
      if (!page || !latest) return { ns: 0, title, missing: true };
      return {
        pageid: page.pageid,
        ns: 0,
        title: page.title,
        revisions: [
          {
            ...(rvprop.has("ids") ? { revid: latest.revid, parentid: latest.parentid } : {}),
            ...(rvprop.has("timestamp") ? { timestamp: latest.timestamp } : {}),
            ...(rvprop.has("content")
              ? {
                  slots: {
                    main: { contentmodel: "wikitext", contentformat: "text/x-wiki", content: latest.content },
                  },
                }
              : {}),
          },
        ],
      };
    });
    return { batchcomplete: true, query: { ...(normalized.length ? { normalized } : {}), pages: results } };
  };

  /** Refuses what the real API would refuse, and what this server does not implement. */
  const validate = (request: IncomingMessage, params: URLSearchParams): void => {
    const userAgent = request.headers["user-agent"];
    if (!userAgent || !params.has("maxlag"))
      throw new ApiError(
        "missing-etiquette",
        "Wikimedia's API etiquette asks for a descriptive User-Agent header and a maxlag parameter on every request.",
        403,
      );
    const maxlag = params.get("maxlag") ?? "";
    if (!/^-?\d+$/.test(maxlag))
      throw new ApiError("badinteger", `Invalid value "${maxlag}" for integer parameter "maxlag".`);
    for (const name of new Set(params.keys())) {
      if (!KNOWN_PARAMS.has(name))
        throw new ApiError("unsupported", `The local MediaWiki does not implement the parameter "${name}".`);
      if (params.getAll(name).length > 1)
        throw new ApiError("badvalue", `The parameter "${name}" was given more than once.`);
    }
    const expect = (name: string, value: string) => {
      const got = params.get(name);
      if (got === null) throw new ApiError("missingparam", `The "${name}" parameter must be set.`);
      if (got !== value)
        throw new ApiError(
          "badvalue",
          `Unrecognized value for parameter "${name}": ${got} (the local MediaWiki serves only ${name}=${value}).`,
        );
    };
    expect("action", "query");
    expect("format", "json");
    expect("formatversion", "2");
    expect("prop", "revisions");
    const titles = (params.get("titles") ?? "").split("|").filter((t) => t.trim() !== "");
    if (titles.length === 0) throw new ApiError("missingparam", 'The "titles" parameter must be set.');
    if (titles.length > 50) throw new ApiError("toomanyvalues", 'Too many values supplied for parameter "titles".');
    const rvprop = params.get("rvprop");
    if (rvprop === null) throw new ApiError("missingparam", 'The "rvprop" parameter must be set.');
    for (const prop of rvprop.split("|"))
      if (!RVPROPS.has(prop))
        throw new ApiError("badvalue", `Unrecognized value for parameter "rvprop": ${prop} (ids|timestamp|content).`);
    const rvslots = params.get("rvslots");
    if (rvprop.split("|").includes("content") && rvslots !== "main")
      throw new ApiError("badvalue", "rvprop=content needs rvslots=main (the legacy content format is deprecated).");
    if (rvslots !== null && rvslots !== "main")
      throw new ApiError("badvalue", `Unrecognized value for parameter "rvslots": ${rvslots}.`);
  };

  const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(JSON.stringify(body));
  };

  const answer = (request: IncomingMessage, response: ServerResponse, url: URL, entry: WikiRequest): void => {
    const failure = failures.shift();
    if (failure === "hang") {
      entry.answer = "hang";
      return; // Never answered; close() ends the connection.
    }
    if (failure === "429") {
      entry.answer = "429";
      response.writeHead(429, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
      response.end("Too many requests. Please slow down and respect the Retry-After header.\n");
      return;
    }
    if (failure === "500") {
      entry.answer = "500";
      response.writeHead(500, { "content-type": "text/html; charset=utf-8" });
      response.end(
        "<!DOCTYPE html><title>Wikimedia Error</title><p>Our servers are currently under maintenance.</p>\n",
      );
      return;
    }
    if (failure === "maxlag") {
      entry.answer = "maxlag";
      sendJson(
        response,
        200,
        {
          error: {
            code: "maxlag",
            info: "Waiting for a database server: 7 seconds lagged.",
            lag: 7,
            type: "db",
            host: "db1",
          },
          servedby: "local",
        },
        { "retry-after": "5", "mediawiki-maxlag": "7", "x-database-lag": "7", "mediawiki-api-error": "maxlag" },
      );
      return;
    }
    try {
      validate(request, url.searchParams);
      entry.answer = "200";
      sendJson(response, 200, query(url.searchParams));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      entry.answer = error.code;
      sendJson(
        response,
        error.status,
        {
          error: { code: error.code, info: error.info, docref: `See ${API_PATH} for API usage.` },
          servedby: "local",
        },
        { "mediawiki-api-error": error.code },
      );
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://local");
    if (url.pathname !== API_PATH) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("Not Found: the local MediaWiki serves only /w/api.php\n");
      return;
    }
    const entry = record(request, url);
    let answered = false;
    const done = () => {
      if (answered) return;
      answered = true;
      inFlight -= 1;
    };
    response.on("finish", done);
    response.on("close", done);
    if ((request.method ?? "GET").toUpperCase() !== "GET") {
      entry.answer = "405";
      response.writeHead(405, { allow: "GET", "content-type": "text/plain; charset=utf-8" });
      response.end("The local MediaWiki answers only GET requests.\n");
      return;
    }
    const run = () => {
      try {
        answer(request, response, url, entry);
      } catch (error) {
        console.error("[local-mediawiki] request failed", error);
        if (!response.headersSent) sendJson(response, 500, { error: { code: "internal_api_error", info: "" } });
      }
    };
    if (latencyMs > 0) setTimeout(run, latencyMs);
    else run();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}${API_PATH}`,
    publish(title, content, timestamp) {
      const normal = normalizeTitle(title);
      if (!normal) throw new Error("local-mediawiki: a page needs a title");
      let page = pages.get(normal);
      if (!page) {
        page = { pageid: nextPageid++, title: normal, revisions: [] };
        pages.set(normal, page);
      }
      const revid = nextRevid++;
      page.revisions.push({
        revid,
        parentid: page.revisions.at(-1)?.revid ?? 0,
        timestamp: timestamp ?? wikiTimestamp(new Date()),
        content,
      });
      return revid;
    },
    latestRevid(title) {
      return pages.get(normalizeTitle(title))?.revisions.at(-1)?.revid;
    },
    failNext(mode, count = 1) {
      for (let i = 0; i < count; i++) failures.push(mode);
    },
    get requests() {
      return requests;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // hung requests included
      });
      return closing;
    },
  };
}
