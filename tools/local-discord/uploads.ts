/** Files users attach to slash command options: kept for the local CDN, described as Discord resolves them. */
import { createHmac, randomBytes } from "node:crypto";
import type { APIAttachment } from "discord.js";
import { imageSize } from "./messages.js";

/** A file a user attaches to an attachment option. */
export interface AttachmentInput {
  filename: string;
  /** What the user's client reports; default guessed from the extension (none for an unknown one, as on Discord). */
  contentType?: string;
  /** The file's bytes; a string is taken as UTF-8 text. */
  bytes: Buffer | Uint8Array | string;
}

export interface StoredUpload {
  bytes: Buffer;
  contentType: string;
}

// The types Discord's CDN reports for the files a fan or an owner is likely to attach.
const CONTENT_TYPES: Record<string, string> = {
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  pdf: "application/pdf",
};

/** How long Discord signs CDN links for; the `ex` query parameter says when they stop working. */
const LINK_TTL_MS = 24 * 3_600_000;

export function isAttachmentInput(value: unknown): value is AttachmentInput {
  if (typeof value !== "object" || value === null) return false;
  const { filename, bytes } = value as Partial<AttachmentInput>;
  return typeof filename === "string" && (typeof bytes === "string" || bytes instanceof Uint8Array);
}

export function contentTypeOf(input: AttachmentInput): string | undefined {
  return input.contentType ?? CONTENT_TYPES[extension(input.filename)];
}

export function extension(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

export class UploadStore {
  private readonly files = new Map<string, StoredUpload>();
  private readonly secret = randomBytes(16);

  constructor(
    private readonly nextId: () => string,
    private readonly baseUrl: () => string,
  ) {}

  /** Stores the file and returns the attachment as `data.resolved.attachments` carries it. */
  add(channelId: string, input: AttachmentInput): APIAttachment {
    const id = this.nextId();
    const bytes = typeof input.bytes === "string" ? Buffer.from(input.bytes, "utf8") : Buffer.from(input.bytes);
    const contentType = contentTypeOf(input);
    this.files.set(key(channelId, id), { bytes, contentType: contentType ?? "" });
    const url = this.signedUrl(`/ephemeral-attachments/${channelId}/${id}/${encodeURIComponent(input.filename)}`);
    return {
      id,
      filename: input.filename,
      size: bytes.length,
      url,
      proxy_url: url,
      ...(contentType ? { content_type: contentType } : {}),
      ...imageSize(bytes),
      ephemeral: true,
    };
  }

  /** The bytes behind an ephemeral attachment link, for the local CDN. */
  get(channelId: string, attachmentId: string): StoredUpload | undefined {
    return this.files.get(key(channelId, attachmentId));
  }

  /** Discord's CDN links carry an expiry, an issue time and a signature; a bot must not assume the path ends the URL. */
  private signedUrl(path: string): string {
    const now = Date.now();
    const hex = (ms: number) => Math.floor(ms / 1000).toString(16);
    const query = `ex=${hex(now + LINK_TTL_MS)}&is=${hex(now)}`;
    const hm = createHmac("sha256", this.secret).update(`${path}?${query}`).digest("hex");
    return `${this.baseUrl()}${path}?${query}&hm=${hm}&`;
  }
}

function key(channelId: string, attachmentId: string): string {
  return `${channelId}/${attachmentId}`;
}
