/**
 * One look at a season's article: fetch the latest revision (nothing when its id has not moved), read it, and say
 * what it would change in the season as recorded and whether anything in it must wait for an owner. Applying goes
 * through the owners' own path (src/admin/seasons.ts: validated, loaded like data/, polls re-scored, audited with the
 * revision), so the feed can do nothing an owner could not.
 */
import { describeChanges } from "../admin/changes.js";
import { type ChangeOutcome, type ChangeRequest, changeSeason, currentSeason } from "../admin/seasons.js";
import type { SeasonFile } from "../data/seasonFile.js";
import type { Database } from "../db/client.js";
import { getBotState, setBotState } from "../db/queries/botState.js";
import { UserError } from "../errors.js";
import { readArticle } from "./article.js";
import { holdReasons, mergeArticle } from "./changes.js";
import type { MediaWikiClient, Revision } from "./mediawiki.js";

/** What one look found. */
export type FeedCheck =
  | { kind: "unchanged"; season: number; revid: number }
  | { kind: "missing"; season: number; title: string }
  | { kind: "unavailable"; season: number; reason: string; retryAfterMs: number }
  /** A new revision that changes nothing recorded (a typo fixed, a reference added). */
  | { kind: "no-news"; season: number; revid: number }
  | { kind: "changes"; change: FeedChange };

/** A revision's change set: the document it leads to, line by line, and any reason to hold it for an owner. */
export interface FeedChange {
  season: number;
  revid: number;
  /** The revision's permanent link, for the owners and the audit log. */
  link: string;
  /** The season's recorded revision it was read against: applying refuses if the season moved since. */
  baseRevision: number;
  document: SeasonFile;
  changes: string[];
  holds: string[];
}

const revidKey = (season: number) => `feed:revid:${season}`;

/** The revision id the feed last read for a season (null before its first look). */
export async function lastRevid(db: Database, season: number): Promise<number | null> {
  const value = await getBotState(db, revidKey(season));
  return value === null ? null : Number(value);
}

/** `https://en.wikipedia.org/w/api.php` -> `https://en.wikipedia.org/w/index.php?title=…&oldid=…`. */
export function revisionLink(apiUrl: string, title: string, revid: number): string {
  const url = new URL(apiUrl);
  url.pathname = url.pathname.replace(/api\.php$/, "index.php");
  url.search = new URLSearchParams({ title: title.replaceAll(" ", "_"), oldid: String(revid) }).toString();
  return url.toString();
}

/** What `revision` changes in the season as recorded now. */
export async function readRevision(
  db: Database,
  input: { season: number; revision: Revision; apiUrl: string },
): Promise<FeedCheck> {
  const { season, revision } = input;
  const current = await currentSeason(db, season);
  if (!current) throw new UserError(`Season ${season} is neither in data/ nor run from Discord: nothing to follow.`);
  const article = readArticle(revision.content, current.document);
  const document = mergeArticle(current.document, article);
  const changes = describeChanges(current.document, document);
  if (changes.length === 0) return { kind: "no-news", season, revid: revision.revid };
  return {
    kind: "changes",
    change: {
      season,
      revid: revision.revid,
      link: revisionLink(input.apiUrl, revision.title, revision.revid),
      baseRevision: current.revision,
      document,
      changes,
      holds: holdReasons(current.document, document, article),
    },
  };
}

/** Forgets the revision dealt with, so the next look reads the article again (a change set went stale). */
export async function forgetRevid(db: Database, season: number): Promise<void> {
  await setBotState(db, revidKey(season), "0");
}

/** Remembers the revision the feed has dealt with, so the next look skips it unless the article moves on. */
export async function rememberRevid(db: Database, season: number, revid: number): Promise<void> {
  await setBotState(db, revidKey(season), String(revid));
}

/**
 * One look at the article. With `knownRevid` (the revision dealt with last time) an unmoved article costs one small
 * request and no parse.
 */
export async function checkArticle(
  db: Database,
  client: MediaWikiClient,
  input: { season: number; title: string; apiUrl: string; knownRevid: number | null },
): Promise<FeedCheck> {
  const { season } = input;
  const latest = await client.latest(input.title, input.knownRevid);
  switch (latest.kind) {
    case "unchanged":
      return { kind: "unchanged", season, revid: latest.revid };
    case "missing":
      return { kind: "missing", season, title: input.title };
    case "unavailable":
      return { kind: "unavailable", season, reason: latest.reason, retryAfterMs: latest.retryAfterMs };
    case "revision":
      return readRevision(db, { season, revision: latest.revision, apiUrl: input.apiUrl });
  }
}

/**
 * Applies a change set through the owners' path, audited with the revision; refused if the season moved since, or
 * when `take` (run in the change's own transaction) says someone else decided it already.
 */
export function applyFeedChange(
  db: Database,
  change: Pick<FeedChange, "season" | "revid" | "link" | "baseRevision" | "document">,
  userId: string,
  take?: ChangeRequest["take"],
): Promise<ChangeOutcome> {
  return changeSeason(db, {
    season: change.season,
    userId,
    action: "wikipedia",
    source: `From Wikipedia revision ${change.revid}: ${change.link}`,
    expectRevision: change.baseRevision,
    stale: `Season ${change.season} changed since Wikipedia revision ${change.revid} was read, so this change is out of date: the feed reads the article again on its next look and shows what is left.`,
    edit: () => change.document,
    ...(take ? { take } : {}),
  });
}
