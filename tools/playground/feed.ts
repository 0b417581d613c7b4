/** The channels' messages as the page shows them: who may see each one, and their attachments served by the page. */
import type { LocalDiscord, MessageEvent, MessageView } from "../local-discord/index.js";

/** A message as the page receives it: no bytes, attachment links pointing at the playground's /files/. */
export type PageMessage = Omit<MessageView, "attachments"> & {
  attachments: (Omit<MessageView["attachments"][number], "bytes"> & { url: string })[];
};

export interface PageEvent {
  change: MessageEvent["change"];
  message: PageMessage;
}

interface Entry {
  id: string;
  visibleTo: string | null;
}

/** Keeps each channel's message order and who may see each message, from the local Discord's message feed. */
export class ChannelFeed {
  private readonly channels = new Map<string, Entry[]>();
  private readonly listeners = new Set<(event: PageEvent, visibleTo: string | null) => void>();
  private readonly stopFeed: () => void;

  constructor(private readonly discord: LocalDiscord) {
    this.stopFeed = discord.onMessage((event) => {
      if (event.change === "create") {
        const list = this.channels.get(event.channelId) ?? [];
        list.push({ id: event.message.id, visibleTo: event.visibleTo });
        this.channels.set(event.channelId, list);
      }
      const page = { change: event.change, message: toPage(event.message, discord) };
      for (const listener of this.listeners) listener(page, event.visibleTo);
    });
  }

  /** The channel's messages a member can see (their own ephemeral ones included), oldest first. */
  history(channelId: string, memberId: string, limit = 100): PageMessage[] {
    const visible = (this.channels.get(channelId) ?? []).filter(
      (e) => e.visibleTo === null || e.visibleTo === memberId,
    );
    return visible.slice(-limit).flatMap((e) => {
      const message = this.discord.message(e.id);
      return message ? [toPage(message, this.discord)] : [];
    });
  }

  /** An attachment's bytes, by the message and attachment ids in its /files/ link. */
  file(messageId: string, attachmentId: string): { bytes: Buffer; contentType: string } | undefined {
    const attachment = this.discord.message(messageId)?.attachments.find((a) => a.id === attachmentId);
    return (
      attachment && { bytes: attachment.bytes, contentType: attachment.content_type ?? "application/octet-stream" }
    );
  }

  /** Who may see a message: null for everyone in the channel. */
  visibleTo(messageId: string): string | null | undefined {
    for (const list of this.channels.values()) {
      const entry = list.find((e) => e.id === messageId);
      if (entry) return entry.visibleTo;
    }
    return undefined;
  }

  subscribe(listener: (event: PageEvent, visibleTo: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopFeed();
    this.listeners.clear();
  }
}

/** Strips the bytes and points attachment and embed image links at the playground's own /files/ route. */
function toPage(message: MessageView, discord: LocalDiscord): PageMessage {
  const base = discord.apiUrl.replace(/\/api$/, "");
  const local = (url: string) => {
    const match = url.startsWith(`${base}/attachments/`) ? /\/attachments\/\d+\/(\d+)\/([^?]+)/.exec(url) : null;
    return match ? `/files/${message.id}/${match[1]}/${match[2]}` : url;
  };
  const embeds = message.embeds.map((embed) => ({
    ...embed,
    ...(embed.image ? { image: { ...embed.image, url: local(embed.image.url) } } : {}),
    ...(embed.thumbnail ? { thumbnail: { ...embed.thumbnail, url: local(embed.thumbnail.url) } } : {}),
  }));
  const attachments = message.attachments.map(({ bytes: _bytes, ...a }) => ({
    ...a,
    url: local(a.url),
    proxy_url: local(a.proxy_url),
  }));
  return { ...message, embeds, attachments };
}
