import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultDataDir, type LoadedSeasonFile, parseSeasonFile, SeasonFileError } from "../data/loadSeasonFiles.js";
import type { SeasonFile } from "../data/seasonFile.js";
import type { Database } from "../db/client.js";
import { appendAudit } from "../db/queries/audit.js";
import {
  getLiveSeason,
  getPendingImport,
  type PendingImport,
  saveLiveSeason,
  storePendingImport,
  takePendingImport,
} from "../db/queries/liveSeasons.js";
import { lockSeason } from "../db/queries/locks.js";
import { seasonIsLoaded } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import { seedAndScore } from "../seed/index.js";
import { describeChanges } from "./changes.js";
import { checkSeason, completeNights, isDraft } from "./validate.js";

/**
 * One path for every change to a live season, whether typed in Discord, imported in Discord or with
 * `npm run data:import`: load its document -> apply the edit (pure) -> validate like data/ -> load it with the same
 * loader as data/ (couple ids stay, polls re-score) -> record the audit entry; all in one transaction.
 * A season that is in data/ but not yet run from Discord is taken over on its first change: its file is the document
 * the change applies to, and from then on `npm run db:seed` leaves the season alone.
 */

export interface ChangeOutcome {
  season: number;
  revision: number;
  changes: string[];
  /** False while the season is a draft with no couples (kept, not yet in the lookups). */
  loaded: boolean;
  document: SeasonFile;
  /** Weeks whose scores this change made complete: their leaderboards can be posted. */
  completedNights: number[];
}

export interface ChangeRequest {
  season: number;
  userId: string;
  /** A word for the audit log: "season", "couple", "dance", "scores", "eliminate", "import", … */
  action: string;
  /** The new document from the current one (null when the season is neither run from Discord nor in data/). */
  edit(current: SeasonFile | null): SeasonFile;
  /** Refuse when the season changed since this revision (a stale import). */
  expectRevision?: number;
  /** The dry run this change applies: taken in the same transaction, so it is used once and kept if the change fails. */
  pendingImportId?: string;
  /** Where the change came from, first in the audit entry ("From Wikipedia revision …: link"). */
  source?: string;
  /**
   * Taken in the change's own transaction before anything else (a waiting change set marked applied): false refuses
   * the change with `refused`, so a change someone else already applied or skipped is never applied twice.
   */
  take?: { run(tx: Database): Promise<boolean>; refused: string };
  /** What to say when `expectRevision` is stale (default: the import's sentence). */
  stale?: string;
}

/** How a problem list reads to an owner: what to fix, nothing changed. */
function refusal(problems: string[], what: string): UserError {
  const shown = problems.slice(0, 8).map((p) => `• ${p}`);
  const more = problems.length > shown.length ? `\n…and ${problems.length - shown.length} more.` : "";
  return new UserError(
    `Nothing was changed: ${what} has ${problems.length} problem${problems.length === 1 ? "" : "s"} to fix.\n${shown.join("\n")}${more}`,
  );
}

export async function changeSeason(db: Database, request: ChangeRequest): Promise<ChangeOutcome> {
  return db.transaction(async (tx) => {
    await lockSeason(tx, "dwts-us", request.season);
    if (request.pendingImportId !== undefined && !(await takePendingImport(tx, request.pendingImportId))) {
      throw new UserError("That import was already applied or cancelled.");
    }
    if (request.take && !(await request.take.run(tx))) throw new UserError(request.take.refused);
    const current = await currentSeason(tx, request.season, { lock: true });
    if (request.expectRevision !== undefined && (current?.revision ?? 0) !== request.expectRevision) {
      throw new UserError(
        request.stale ??
          `Season ${request.season} changed since this dry run (now revision ${current?.revision ?? 0}); run the import again to see the new differences.`,
      );
    }
    const before = current?.document ?? null;
    const next = request.edit(before);
    if (next.season !== request.season)
      throw new UserError(`That document is season ${next.season}, not ${request.season}.`);
    const checked = checkSeason(next);
    if (!checked.ok) throw refusal(checked.problems, `season ${request.season}`);
    const document = checked.season;
    const changes = describeChanges(before, document);
    if (current?.takenFrom) {
      changes.push(
        `Taken over from ${current.takenFrom}: run from Discord from now on (npm run db:seed leaves it alone).`,
      );
    }
    if (before && changes.length === 0) throw new UserError("That is already recorded exactly so; nothing changed.");
    if (request.source) changes.unshift(request.source);

    const loaded = !isDraft(document);
    if (loaded) {
      const text = JSON.stringify(document);
      const hash = createHash("sha256").update(text).digest("hex");
      // The same loader as data/, inside this transaction: on any failure nothing of the change remains, and closed
      // polls about the season are re-scored from its new results.
      await seedAndScore(tx, {
        files: [{ file: `live season ${request.season}`, hash, season: document }],
        force: true,
        live: true,
      });
    }
    const revision = (current?.revision ?? 0) + 1;
    await saveLiveSeason(tx, { document, revision, loaded, updatedBy: request.userId });
    await appendAudit(tx, {
      userId: request.userId,
      season: request.season,
      revision,
      action: request.action,
      summary: changes[0] ?? request.action,
      changes,
    });
    const wasComplete = new Set(before ? completeNights(before) : []);
    return {
      season: request.season,
      revision,
      changes,
      loaded,
      document,
      completedNights: completeNights(document).filter((w) => !wasComplete.has(w)),
    };
  });
}

export interface CurrentSeason {
  document: SeasonFile;
  /** 0 for a season not yet run from Discord. */
  revision: number;
  /** The file in data/ the season would be taken over from; null once the owners run it. */
  takenFrom: string | null;
}

/** The season as the owners run it or, when they do not run it yet, as its file in data/ has it. */
export async function currentSeason(
  db: Database,
  season: number,
  options: { lock?: boolean } = {},
): Promise<CurrentSeason | null> {
  const live = await getLiveSeason(db, season, options);
  if (live) return { document: live.document, revision: live.revision, takenFrom: null };
  const file = await dataSeasonFile(season);
  return file && { document: file.season, revision: 0, takenFrom: file.file };
}

/** data/seasons/season-NN.json, as `npm run db:seed` reads it; null when data/ has no such season. */
export async function dataSeasonFile(season: number): Promise<LoadedSeasonFile | null> {
  const name = `season-${String(season).padStart(2, "0")}.json`;
  const shown = `data/seasons/${name}`;
  let text: string;
  try {
    text = await readFile(join(defaultDataDir, name), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const file = parseSeasonFile(shown, text);
    return file.season.season === season ? file : null;
  } catch (error) {
    if (error instanceof SeasonFileError) throw refusal(error.problems, shown);
    throw error;
  }
}

/** A change to a season the owners run or that data/ has (every edit but creating one and importing). */
export function editLiveSeason(
  db: Database,
  request: Omit<ChangeRequest, "edit"> & { edit(current: SeasonFile): SeasonFile },
): Promise<ChangeOutcome> {
  return changeSeason(db, {
    ...request,
    edit(current) {
      if (!current) {
        throw new UserError(
          `Season ${request.season} is neither in data/ nor run from Discord yet: create it with /admin season, or import its file with /admin import.`,
        );
      }
      return request.edit(current);
    },
  });
}

export interface DryRun {
  id: string;
  season: number;
  fileName: string;
  changes: string[];
  /** The season is in the database from data/ and the import would take it over. */
  replacesData: boolean;
}

/** Validates a file and works out what it would change, keeping it until its owner confirms. */
export async function stageImport(
  db: Database,
  input: { fileName: string; text: string; userId: string },
): Promise<DryRun> {
  const document = parseImport(input.fileName, input.text);
  const current = await currentSeason(db, document.season);
  const changes = describeChanges(current?.document ?? null, document);
  if (current && !current.takenFrom && changes.length === 0) {
    throw new UserError(`${input.fileName} is exactly season ${document.season} as recorded; nothing would change.`);
  }
  const replacesData = current ? current.takenFrom !== null : await seasonIsLoaded(db, document.season);
  const id = randomBytes(6).toString("base64url");
  await storePendingImport(db, {
    id,
    fileName: input.fileName,
    document,
    baseRevision: current?.revision ?? 0,
    createdBy: input.userId,
  });
  return { id, season: document.season, fileName: input.fileName, changes, replacesData };
}

/** The file's season document, or every problem with its place in the file. */
export function parseImport(fileName: string, text: string): SeasonFile {
  const syntax = jsonSyntaxProblem(text);
  if (syntax) throw refusal([syntax], fileName);
  let parsed: unknown;
  try {
    parsed = parseSeasonFile(fileName, text).season;
  } catch (error) {
    if (error instanceof SeasonFileError) throw refusal(error.problems, fileName);
    throw error;
  }
  const checked = checkSeason(parsed);
  if (!checked.ok) throw refusal(checked.problems, fileName);
  return checked.season;
}

/** Where a file stops being JSON, as an editor shows it (line and column); null when it is valid JSON. */
function jsonSyntaxProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    if (text.trim() === "") return "is empty";
    const message = (error as Error).message;
    // V8 reports a character offset ("… in JSON at position 80", newer versions add "(line 5 column 3)").
    const at = /^(.*?) in JSON at position (\d+)/.exec(message);
    const ended = message.startsWith("Unexpected end of JSON input");
    if (!at && !ended) return `is not valid JSON (${message})`;
    const lines = text.slice(0, at ? Number(at[2]) : text.length).split("\n");
    const reason = at?.[1] ?? "it ends before every { and [ is closed";
    return `is not valid JSON at line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}: ${reason}`;
  }
}

export async function pendingImport(db: Database, id: string): Promise<PendingImport> {
  const pending = await getPendingImport(db, id);
  if (!pending)
    throw new UserError("That import was already applied, cancelled or has expired. Run /admin import again.");
  return pending;
}

export async function confirmImport(db: Database, input: { id: string; userId: string }): Promise<ChangeOutcome> {
  const waiting = await pendingImport(db, input.id);
  if (waiting.createdBy !== input.userId) {
    throw new UserError("Only the owner who uploaded this file can confirm it; run /admin import yourself.");
  }
  return changeSeason(db, {
    season: waiting.document.season,
    userId: input.userId,
    action: `import ${waiting.fileName}`,
    edit: () => waiting.document,
    expectRevision: waiting.baseRevision,
    // Taken inside the change's transaction: a double press (or two bot processes) applies it once.
    pendingImportId: input.id,
  });
}

/** Drops a dry run; refused when a Confirm (or another Cancel) took it first, so the message never says otherwise. */
export async function cancelImport(db: Database, id: string): Promise<PendingImport> {
  const pending = await takePendingImport(db, id);
  if (!pending)
    throw new UserError("That import was already applied, cancelled or has expired. Run /admin import again.");
  return pending;
}

/** A whole document replaces the season (imports and `npm run data:import`). */
export function applyDocument(
  db: Database,
  input: { document: SeasonFile; userId: string; action: string; expectRevision?: number },
): Promise<ChangeOutcome> {
  return changeSeason(db, {
    season: input.document.season,
    userId: input.userId,
    action: input.action,
    edit: () => input.document,
    ...(input.expectRevision !== undefined ? { expectRevision: input.expectRevision } : {}),
  });
}
