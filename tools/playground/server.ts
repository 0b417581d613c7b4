/**
 * The playground's web server on 127.0.0.1: the page (plain files from web/), its JSON API for acting as a member,
 * the live feed (server-sent events) and the attachments. Nothing here reaches Discord: the bot it drives is
 * connected to the local Discord.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { type APIApplicationCommandOptionChoice, InteractionResponseType } from "discord.js";
import { projectPath } from "../../src/paths.js";
import type { InteractionRecord } from "../local-discord/index.js";
import type { PlaygroundClock } from "./clock.js";
import type { ChannelFeed, PageEvent } from "./feed.js";
import { InputError, slashInput, type TypedOptions } from "./options.js";
import { members, type Session, servers } from "./session.js";

// Found from the project folder, so the compiled playground (dist/tools/) serves the same files.
const webDir = projectPath("tools", "playground", "web");
const staticFiles: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/markdown.js": "markdown.js",
  "/composer.js": "composer.js",
  "/style.css": "style.css",
};
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};
// The page loads only its own files and images; nothing inline runs.
const csp =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

type Json = Record<string, unknown>;

/** What a member did on the page: a slash command, typing in an autocomplete option, a click, a pick, a form. */
interface ActionBody {
  type: "command" | "autocomplete" | "button" | "select" | "modal";
  member: string;
  channelId?: string;
  name?: string;
  path?: string[];
  options?: Record<string, string | { filename: string; base64: string; contentType?: string }>;
  focused?: string;
  messageId?: string;
  customId?: string;
  values?: string[];
  interactionId?: string;
  fields?: Record<string, string>;
}

export interface PlaygroundServerOptions {
  session: Session;
  feed: ChannelFeed;
  clock: PlaygroundClock;
  /** The port to try first; the next free one is taken if it is in use. 0 picks any free port. */
  port: number;
}

export class PlaygroundServer {
  private readonly server: Server;
  private readonly streams = new Set<{ res: ServerResponse; member: string }>();
  private readonly unsubscribe: () => void;
  url = "";

  constructor(private readonly options: PlaygroundServerOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const status = error instanceof InputError ? 400 : 500;
        const message = error instanceof Error ? error.message.replace(/^local-discord: /, "") : String(error);
        if (!res.headersSent) send(res, status, { error: message });
        else res.end();
      });
    });
    this.unsubscribe = options.feed.subscribe((event, visibleTo) => this.broadcast(event, visibleTo));
  }

  /** Listens on 127.0.0.1 at the port asked for, or the next free one (up to 50 further). */
  async listen(): Promise<string> {
    const first = this.options.port;
    for (let port = first; port <= (first === 0 ? 0 : first + 50); port++) {
      try {
        await new Promise<void>((resolve, reject) => {
          this.server.once("error", reject);
          this.server.listen(port, "127.0.0.1", () => {
            this.server.off("error", reject);
            resolve();
          });
        });
        const { port: bound } = this.server.address() as AddressInfo;
        this.url = `http://127.0.0.1:${bound}/`;
        return this.url;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      }
    }
    throw new Error(`ports ${first}-${first + 50} are all in use: set PLAYGROUND_PORT to a free one`);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const stream of this.streams) stream.res.end();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sends a change to every open page of a member who can see it. */
  broadcastClock(): void {
    void this.clockState().then((state) => {
      for (const { res } of this.streams) res.write(`event: clock\ndata: ${JSON.stringify(state)}\n\n`);
    });
  }

  private broadcast(event: PageEvent, visibleTo: string | null): void {
    const frame = `event: message\ndata: ${JSON.stringify(event)}\n\n`;
    // A DM is its member's alone, as an ephemeral reply is.
    const seenBy = visibleTo ?? this.dmOwner(event.message.channel_id) ?? null;
    for (const { res, member } of this.streams) if (seenBy === null || seenBy === member) res.write(frame);
  }

  private async clockState(): Promise<Json> {
    const upcoming = await this.options.clock.upcoming();
    return {
      // The playground's time: the page shows times on it, whatever the browser's own clock says.
      nowMs: this.options.clock.now().getTime(),
      offsetMs: this.options.clock.offsetMs,
      upcoming: upcoming && { at: upcoming.at.toISOString(), what: upcoming.what },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // A page elsewhere whose name was made to resolve to 127.0.0.1 still sends its own Host: refuse it.
    if (!/^(127\.0\.0\.1|localhost):\d+$/.test(req.headers.host ?? "")) return send(res, 421, { error: "wrong host" });
    // Only this machine's pages may call the API (a page elsewhere could otherwise post to 127.0.0.1).
    if (req.method === "POST" && !sameOrigin(req)) return send(res, 403, { error: "cross-origin request refused" });
    const file = staticFiles[url.pathname];
    if (req.method === "GET" && file) return this.serveStatic(res, file);
    if (req.method === "GET" && url.pathname === "/api/world") return send(res, 200, this.world());
    if (req.method === "GET" && url.pathname === "/api/clock") return send(res, 200, await this.clockState());
    if (req.method === "GET" && url.pathname === "/api/messages") {
      const member = this.member(url.searchParams.get("member"));
      const channelId = this.channelFor(member, url.searchParams.get("channel"));
      return send(res, 200, { messages: this.options.feed.history(channelId, member) });
    }
    if (req.method === "GET" && url.pathname === "/api/commands") {
      const member = this.member(url.searchParams.get("member"));
      const guildId = this.guildOf(this.channelFor(member, url.searchParams.get("channel")));
      return send(res, 200, { commands: this.options.session.discord.visibleCommands(guildId, member) });
    }
    if (req.method === "GET" && url.pathname === "/api/events") return this.stream(req, res, url);
    if (req.method === "GET" && url.pathname.startsWith("/files/")) {
      return this.serveFile(res, url.pathname, url.searchParams.get("member"));
    }
    if (req.method === "POST" && url.pathname === "/api/act")
      return send(res, 200, await this.act((await body(req)) as unknown as ActionBody));
    if (req.method === "POST" && url.pathname === "/api/clock") {
      const { by, next } = (await body(req)) as { by?: number; next?: boolean };
      if (next) await this.options.clock.toNext();
      else if (typeof by === "number" && by > 0 && by <= 366 * 86_400_000) await this.options.clock.forward(by);
      else throw new InputError("fast-forward by a positive amount, up to a year");
      this.broadcastClock();
      return send(res, 200, await this.clockState());
    }
    send(res, 404, { error: "not found" });
  }

  private world(): Json {
    const { discord } = this.options.session;
    return {
      bot: { id: discord.botUser.id, name: discord.botUser.username },
      // Each member also has a "Direct messages" entry: their DM with the bot.
      members: members.map((m) => ({ ...m, guildIds: [...m.guildIds, `dm-${m.id}`] })),
      servers: [
        ...servers.map((s) => ({
          ...s,
          roles: discord.roles(s.id).map((r) => ({ id: r.id, name: r.name, color: r.color, hoist: r.hoist })),
          members: discord.members(s.id).map((m) => ({ id: m.member.user.id, roles: m.member.roles, owner: m.owner })),
        })),
        ...members.map((m) => ({
          id: `dm-${m.id}`,
          name: "Direct messages",
          channels: [
            { id: this.dmChannelOf(m.id), name: "mirrorball", topic: "Your DMs with the bot: reminders, and lookups" },
          ],
          roles: [],
          members: [{ id: m.id, roles: [], owner: false }],
        })),
      ],
    };
  }

  private member(id: string | null | undefined): string {
    if (!members.some((m) => m.id === id)) throw new InputError("pick a member to act as");
    return id as string;
  }

  /** The channel, if the member is in its server, or their own DM with the bot. */
  private channelFor(member: string, channelId: string | null | undefined): string {
    if (channelId && channelId === this.dmChannelOf(member)) return channelId;
    const server = servers.find((s) => s.channels.some((c) => c.id === channelId));
    const person = members.find((m) => m.id === member);
    if (!server || !person?.guildIds.includes(server.id)) throw new InputError("that channel is not one of yours");
    return channelId as string;
  }

  /** The channel's server, or null for a DM with the bot. */
  private guildOf(channelId: string): string | null {
    return servers.find((s) => s.channels.some((c) => c.id === channelId))?.id ?? null;
  }

  /** The member's DM channel with the bot (reminders arrive there; lookups work there). */
  private dmChannelOf(member: string): string {
    return this.options.session.discord.dmChannelId(member);
  }

  /** Whose DM a channel is, if it is one of the members' DMs. */
  private dmOwner(channelId: string): string | undefined {
    return members.find((m) => this.dmChannelOf(m.id) === channelId)?.id;
  }

  private async act(input: ActionBody): Promise<Json> {
    const { discord } = this.options.session;
    const user = this.member(input.member);
    switch (input.type) {
      case "command": {
        const channelId = this.channelFor(user, input.channelId);
        const guildId = this.guildOf(channelId);
        const typed: TypedOptions = new Map(
          Object.entries(input.options ?? {}).map(([name, value]) => [
            name,
            typeof value === "string"
              ? value
              : {
                  filename: value.filename,
                  bytes: Buffer.from(value.base64, "base64"),
                  contentType: value.contentType,
                },
          ]),
        );
        const slash = slashInput(discord.visibleCommands(guildId, user), {
          name: String(input.name),
          path: input.path ?? [],
          options: typed,
        });
        return answered(await discord.slash({ ...slash, user, guildId, channelId }));
      }
      case "autocomplete": {
        const channelId = this.channelFor(user, input.channelId);
        const guildId = this.guildOf(channelId);
        const [subcommandGroup, subcommand] = input.path?.length === 2 ? input.path : [undefined, input.path?.[0]];
        const options = Object.fromEntries(
          Object.entries(input.options ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"),
        );
        const result = await discord.autocomplete({
          name: String(input.name),
          ...(subcommandGroup ? { subcommandGroup } : {}),
          ...(subcommand ? { subcommand } : {}),
          options: autocompleteValues(discord.visibleCommands(guildId, user), input, options),
          focused: String(input.focused),
          user,
          guildId,
          channelId,
        });
        return { choices: result.choices satisfies APIApplicationCommandOptionChoice[] };
      }
      case "button":
      case "select": {
        const messageId = String(input.messageId);
        const seenBy = this.options.feed.visibleTo(messageId);
        if (seenBy === undefined || (seenBy !== null && seenBy !== user)) throw new InputError("that message is gone");
        const base = { message: messageId, customId: String(input.customId), user };
        const record =
          input.type === "button"
            ? await discord.click(base)
            : await discord.select({ ...base, values: input.values ?? [] });
        return answered(record);
      }
      case "modal": {
        const from = discord.interaction(String(input.interactionId));
        const trigger = from?.payload.member?.user.id ?? from?.payload.user?.id;
        if (!from || trigger !== user) throw new InputError("that form is not open any more");
        return answered(
          await discord.submitModal({ customId: String(input.customId), fields: input.fields ?? {}, user, from }),
        );
      }
      default:
        throw new InputError("unknown action");
    }
  }

  private stream(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const member = this.member(url.searchParams.get("member"));
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    res.write("event: hello\ndata: {}\n\n");
    const stream = { res, member };
    this.streams.add(stream);
    req.on("close", () => this.streams.delete(stream));
  }

  private async serveStatic(res: ServerResponse, file: string): Promise<void> {
    const bytes = await readFile(join(webDir, file));
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-security-policy": csp,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    });
    res.end(bytes);
  }

  private serveFile(res: ServerResponse, pathname: string, member: string | null): void {
    const [, , messageId = "", attachmentId = ""] = pathname.split("/");
    const file = this.options.feed.file(messageId, attachmentId);
    const seenBy = this.options.feed.visibleTo(messageId);
    // An ephemeral reply's file is its member's alone, as the message is.
    if (!file || seenBy === undefined || (seenBy !== null && seenBy !== member)) {
      send(res, 404, { error: "no such file" });
      return;
    }
    // Only images are shown inline; anything else downloads, so a member's upload never runs as a page.
    const image = /^image\/(png|jpeg|gif|webp)$/.test(file.contentType);
    res.writeHead(200, {
      "content-type": image ? file.contentType : "application/octet-stream",
      "content-disposition": image ? "inline" : "attachment",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    });
    res.end(file.bytes);
  }
}

/** What the page needs back right away: the modal the bot showed, or why nothing happened. */
async function answered(record: InteractionRecord): Promise<Json> {
  try {
    const response = await record.firstResponse();
    if (response.type === InteractionResponseType.Modal) {
      return { modal: { ...(response.data as Json), interactionId: record.id } };
    }
    return { ok: true };
  } catch {
    return { error: "The application did not respond" };
  }
}

/** Autocomplete sends what is typed so far as strings; numbers go as numbers, as the client sends them. */
function autocompleteValues(
  commands: { name: string; options?: unknown }[],
  input: ActionBody,
  options: Record<string, string>,
): Record<string, string | number> {
  const command = commands.find((c) => c.name === input.name);
  if (!command) throw new InputError(`There is no /${input.name} here.`);
  let level = (command.options ?? []) as { name: string; type: number; options?: unknown }[];
  for (const step of input.path ?? []) level = (level.find((o) => o.name === step)?.options ?? []) as typeof level;
  return Object.fromEntries(
    Object.entries(options).map(([name, value]) => {
      const type = level.find((o) => o.name === name)?.type;
      const numeric = (type === 4 || type === 10) && name !== input.focused && value.trim() !== "";
      return [name, numeric && Number.isFinite(Number(value)) ? Number(value) : value];
    }),
  );
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

async function body(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // An attachment option takes up to 10 MiB, which base64 makes about 14.
    if (size > 15 * 1024 * 1024) throw new InputError("that is too big to send");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json;
  } catch {
    throw new InputError("the request was not JSON");
  }
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(payload));
}
