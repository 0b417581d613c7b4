/** Messages the bot created, edited or deleted, kept with their attachment bytes. */
import {
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteraction,
  type APIMessageInteractionMetadata,
  type APIPoll,
  type APIUser,
  MessageFlags,
  type MessageType,
} from "discord.js";
import type { UploadedFile } from "./body.js";
import { DiscordErrors } from "./errors.js";
import { pingsOf } from "./mentions.js";

/** An attachment as the API returns it, plus the bytes the bot uploaded. */
export interface AttachmentView extends APIAttachment {
  bytes: Buffer;
}

/** A message as the API returns it, with attachment bytes: what tests inspect. */
export interface MessageView extends Omit<APIMessage, "attachments"> {
  attachments: AttachmentView[];
}

/** Who made a message and why: a plain channel message or an interaction response. */
export interface MessageOrigin {
  type: MessageType;
  ephemeral?: boolean;
  /** A deferred response's "thinking…" placeholder. */
  loading?: boolean;
  interactionId?: string;
  webhookId?: string;
  metadata?: APIMessageInteractionMetadata;
  legacyInteraction?: APIMessageInteraction;
}

export interface StoredMessage {
  api: APIMessage;
  files: Map<string, { bytes: Buffer; contentType: string }>;
  ephemeral: boolean;
  deleted: boolean;
  interactionId?: string;
}

type Json = Record<string, unknown>;

// The flags a bot may set on a message it sends; the rest are Discord's to set.
const SETTABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

/** What happened to a message: the playground's live channel view follows these. */
export type MessageChange = "create" | "update" | "delete";

export class MessageStore {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly byChannel = new Map<string, Set<string>>();
  private readonly listeners = new Set<(change: MessageChange, stored: StoredMessage) => void>();

  constructor(
    private readonly nextId: () => string,
    private readonly author: APIUser,
    private readonly applicationId: string,
    private readonly baseUrl: () => string,
    /** Resolves mentioned user ids (see mentions.ts). */
    private readonly findUser: (id: string) => APIUser | undefined = () => undefined,
  ) {}

  /** Calls `listener` after every create, edit and delete; returns the function that stops it. */
  onChange(listener: (change: MessageChange, stored: StoredMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(change: MessageChange, stored: StoredMessage): void {
    for (const listener of this.listeners) listener(change, stored);
  }

  create(channelId: string, body: Json, files: UploadedFile[], origin: MessageOrigin): StoredMessage {
    const id = this.nextId();
    const flags =
      (numberOr(body.flags, 0) & SETTABLE_FLAGS) |
      (origin.ephemeral ? MessageFlags.Ephemeral : 0) |
      (origin.loading ? MessageFlags.Loading : 0);
    const api: APIMessage = {
      id,
      channel_id: channelId,
      type: origin.type,
      author: this.author,
      content: typeof body.content === "string" ? body.content : "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags,
      ...(origin.webhookId ? { webhook_id: origin.webhookId, application_id: this.applicationId } : {}),
      ...(origin.metadata ? { interaction_metadata: origin.metadata } : {}),
      ...(origin.legacyInteraction ? { interaction: origin.legacyInteraction } : {}),
    };
    const stored: StoredMessage = {
      api,
      files: new Map(),
      ephemeral: origin.ephemeral === true,
      deleted: false,
      interactionId: origin.interactionId,
    };
    this.apply(stored, body, files, false);
    Object.assign(api, pingsOf(api.content, body.allowed_mentions, this.findUser));
    if (!origin.loading) assertNotEmpty(api);
    this.messages.set(id, stored);
    const channel = this.byChannel.get(channelId) ?? new Set();
    channel.add(id);
    this.byChannel.set(channelId, channel);
    this.changed("create", stored);
    return stored;
  }

  /**
   * Applies an edit: given fields replace old ones, `attachments` (if given) says which old files stay. An edit that
   * would leave nothing to show is refused and undone.
   */
  edit(stored: StoredMessage, body: Json, files: UploadedFile[]): StoredMessage {
    const before = { api: structuredClone(stored.api), files: new Map(stored.files) };
    this.applyEdit(stored, body, files);
    try {
      assertNotEmpty(stored.api);
    } catch (error) {
      Object.assign(stored, before);
      throw error;
    }
    this.changed("update", stored);
    return stored;
  }

  private applyEdit(stored: StoredMessage, body: Json, files: UploadedFile[]): void {
    const wasLoading = ((stored.api.flags ?? 0) & MessageFlags.Loading) !== 0;
    if ("content" in body) stored.api.content = typeof body.content === "string" ? body.content : "";
    if (typeof body.flags === "number") {
      // An edit may toggle suppress-embeds and turn on components v2; nothing else changes after creation.
      const current = (stored.api.flags ?? 0) & ~MessageFlags.SuppressEmbeds;
      stored.api.flags = current | (body.flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2));
    }
    stored.api.flags = (stored.api.flags ?? 0) & ~MessageFlags.Loading;
    // Filling in a deferred response is its first content, not an edit of one the user saw.
    if (!wasLoading) stored.api.edited_timestamp = new Date().toISOString();
    this.apply(stored, body, files, true);
  }

  delete(stored: StoredMessage): void {
    stored.deleted = true;
    this.changed("delete", stored);
  }

  /**
   * Forgets the messages that an interaction's responses created, as if never sent (a long benchmark's answers, once
   * measured); a message it only updated stays. No change event.
   */
  dropCreatedBy(interactionId: string, ids: Iterable<string>): void {
    for (const id of ids) {
      const stored = this.messages.get(id);
      if (stored?.interactionId !== interactionId) continue;
      this.messages.delete(id);
      this.byChannel.get(stored.api.channel_id)?.delete(id);
    }
  }

  find(id: string): StoredMessage | undefined {
    const stored = this.messages.get(id);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** The channel's visible messages, oldest first: ephemeral and deleted ones are nobody else's to see. */
  inChannel(channelId: string): StoredMessage[] {
    return [...(this.byChannel.get(channelId) ?? [])].flatMap((id) => {
      const stored = this.find(id);
      return stored && !stored.ephemeral ? [stored] : [];
    });
  }

  /** An attachment's bytes by attachment id, for the local CDN. */
  attachment(channelId: string, attachmentId: string): { bytes: Buffer; contentType: string } | undefined {
    for (const id of this.byChannel.get(channelId) ?? []) {
      const file = this.messages.get(id)?.files.get(attachmentId);
      if (file) return file;
    }
    return undefined;
  }

  view(stored: StoredMessage): MessageView {
    const api = structuredClone(stored.api);
    return {
      ...api,
      attachments: api.attachments.map((a) => ({ ...a, bytes: stored.files.get(a.id)?.bytes ?? Buffer.alloc(0) })),
    };
  }

  private apply(stored: StoredMessage, body: Json, files: UploadedFile[], editing: boolean): void {
    const { api } = stored;
    if (!editing || "components" in body) api.components = (body.components ?? []) as APIMessage["components"];
    if (body.poll && typeof body.poll === "object") api.poll = toPoll(body.poll as Json);
    this.applyAttachments(stored, body, files, editing);
    if (!editing || "embeds" in body) {
      const embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
      api.embeds = embeds.map((embed) => this.resolveEmbed(embed, api.attachments));
    }
  }

  private applyAttachments(stored: StoredMessage, body: Json, files: UploadedFile[], editing: boolean): void {
    const { api } = stored;
    const listed = Array.isArray(body.attachments) ? (body.attachments as Json[]) : undefined;
    if (editing && listed) {
      const keep = new Set(listed.map((a) => String(a.id)));
      api.attachments = api.attachments.filter((a) => keep.has(a.id));
    }
    for (const file of files) {
      const meta = listed?.find((a) => String(a.id) === String(file.index)) ?? {};
      const id = this.nextId();
      const filename = typeof meta.filename === "string" ? meta.filename : file.filename;
      const url = `${this.baseUrl()}/attachments/${api.channel_id}/${id}/${encodeURIComponent(filename)}`;
      api.attachments.push({
        id,
        filename,
        size: file.bytes.length,
        url,
        proxy_url: url,
        content_type: file.contentType || undefined,
        ...(typeof meta.description === "string" ? { description: meta.description } : {}),
        ...(typeof meta.title === "string" ? { title: meta.title } : {}),
        ...imageSize(file.bytes),
        ...(stored.ephemeral ? { ephemeral: true } : {}),
      });
      stored.files.set(id, { bytes: file.bytes, contentType: file.contentType });
    }
  }

  /** Discord returns embeds with `type: "rich"` and `attachment://name` images pointing at the uploaded file. */
  private resolveEmbed(embed: APIEmbed, attachments: APIAttachment[]): APIEmbed {
    const resolve = <T extends { url: string }>(media: T | undefined): T | undefined => {
      const name = media?.url.startsWith("attachment://") ? media.url.slice("attachment://".length) : undefined;
      const file = name === undefined ? undefined : attachments.find((a) => a.filename === name);
      if (!media || !file) return media;
      return { ...media, url: file.url, proxy_url: file.proxy_url, width: file.width, height: file.height };
    };
    const resolved: APIEmbed = { type: "rich" as APIEmbed["type"], ...embed };
    if (embed.image) resolved.image = resolve(embed.image);
    if (embed.thumbnail) resolved.thumbnail = resolve(embed.thumbnail);
    return resolved;
  }
}

/** Discord refuses a message with nothing to show (error 50006). */
function assertNotEmpty(message: APIMessage): void {
  const empty =
    message.content === "" &&
    message.embeds.length === 0 &&
    (message.components?.length ?? 0) === 0 &&
    message.attachments.length === 0 &&
    !message.poll;
  if (empty) throw DiscordErrors.emptyMessage();
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

/** A poll request becomes the poll object Discord returns: numbered answers, an expiry, empty results. */
function toPoll(request: Json): APIPoll {
  const answers = Array.isArray(request.answers) ? (request.answers as Json[]) : [];
  const hours = numberOr(request.duration, 24);
  return {
    question: request.question as APIPoll["question"],
    answers: answers.map((answer, i) => ({
      answer_id: i + 1,
      poll_media: answer.poll_media as APIPoll["answers"][number]["poll_media"],
    })),
    expiry: new Date(Date.now() + hours * 3_600_000).toISOString(),
    allow_multiselect: request.allow_multiselect === true,
    layout_type: numberOr(request.layout_type, 1),
    results: { is_finalized: false, answer_counts: [] },
  };
}

/** Width and height of a PNG, which Discord reports for image attachments. */
export function imageSize(bytes: Buffer): { width?: number; height?: number } {
  const isPng =
    bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString("ascii", 12, 16) === "IHDR";
  return isPng ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : {};
}
