import type { IncomingMessage } from "node:http";
import { DiscordErrors, DiscordHttpError } from "./errors.js";

/** A file the bot uploaded in a multipart request (`files[n]`). */
export interface UploadedFile {
  /** The form field, e.g. "files[0]". */
  field: string;
  /** n in `files[n]`: the id the payload's `attachments` entries refer to. */
  index: number;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A request body as the bot sent it: the JSON part (or multipart's payload_json) and any files. */
export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
  multipart: boolean;
}

/** Discord's per-file upload limit for an unboosted guild (the interaction payload's attachment_size_limit). */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

// Big enough for 10 files at the per-file limit plus the JSON.
const MAX_BODY_BYTES = 11 * ATTACHMENT_SIZE_LIMIT;

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DiscordHttpError(413, 40005, "Request entity too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON or multipart/form-data body; an empty body is `null` JSON. */
export async function parseBody(request: IncomingMessage): Promise<ParsedBody> {
  return parseRawBody(await readAll(request), request.headers["content-type"] ?? "");
}

/** The same parsing for bytes already read (an HTTP-delivered interaction's response). */
export async function parseRawBody(raw: Buffer, contentType: string): Promise<ParsedBody> {
  if (contentType.startsWith("multipart/form-data")) return parseMultipart(raw, contentType);
  if (raw.length === 0) return { json: null, files: [], multipart: false };
  return { json: parseJson(raw.toString("utf8")), files: [], multipart: false };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw DiscordErrors.invalidJson();
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  // Node's fetch Response implements the multipart parser, so no extra dependency is needed.
  const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } })
    .formData()
    .catch(() => {
      throw new DiscordHttpError(400, 50035, "Invalid Form Body");
    });
  let json: unknown = null;
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    if (field === "payload_json" && typeof value === "string") {
      json = parseJson(value);
      continue;
    }
    const match = /^files\[(\d+)\]$/.exec(field);
    if (!match || typeof value === "string") continue;
    const bytes = Buffer.from(await value.arrayBuffer());
    if (bytes.length > ATTACHMENT_SIZE_LIMIT) throw new DiscordHttpError(413, 40005, "Request entity too large");
    files.push({ field, index: Number(match[1]), filename: value.name, contentType: value.type, bytes });
  }
  return { json, files, multipart: true };
}
