import type { IncomingMessage } from "node:http";
import { Busboy, type BusboyFileStream } from "@fastify/busboy";
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

/**
 * multipart/form-data with busboy, straight from the bytes. (Node's own `Response.formData()` wraps every part in
 * web streams, Blobs and Files: under a storm of charts it was the local Discord's costliest step.)
 */
function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    const invalid = () => reject(new DiscordHttpError(400, 50035, "Invalid Form Body"));
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        limits: { fieldSize: MAX_BODY_BYTES, fileSize: ATTACHMENT_SIZE_LIMIT },
      });
    } catch {
      invalid(); // no boundary, or not multipart at all
      return;
    }
    let payload: string | undefined;
    const files: UploadedFile[] = [];
    let tooLarge = false;
    parser.on("field", (field: string, value: string) => {
      if (field === "payload_json") payload = value;
    });
    parser.on("file", (field: string, stream: BusboyFileStream, filename: string, _encoding: string, mime: string) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.truncated) tooLarge = true;
        const match = /^files\[(\d+)\]$/.exec(field);
        if (match) {
          files.push({ field, index: Number(match[1]), filename, contentType: mime, bytes: Buffer.concat(chunks) });
        }
      });
    });
    parser.on("error", invalid);
    parser.on("finish", () => {
      if (tooLarge) {
        reject(new DiscordHttpError(413, 40005, "Request entity too large"));
        return;
      }
      try {
        resolve({ json: payload === undefined ? null : parseJson(payload), files, multipart: true });
      } catch (error) {
        reject(error);
      }
    });
    parser.end(raw);
  });
}
