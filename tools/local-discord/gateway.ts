/** The gateway: v10 JSON over WebSocket, with sessions that can be resumed and replayed by sequence number. */
import { randomBytes } from "node:crypto";
import { EventEmitter, once } from "node:events";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from "discord.js";
import { type RawData, type WebSocket, WebSocketServer } from "ws";

/** What tests can see of a gateway session. */
export interface GatewaySessionInfo {
  id: string;
  /** A socket is attached right now. */
  connected: boolean;
  /** Not connected, but the bot may RESUME it (events meanwhile are kept for replay). */
  resumable: boolean;
  /** The last sequence number sent. */
  seq: number;
  intents: number;
  identifiedAt: Date;
  resumes: number;
  heartbeats: number;
  /** [shard id, shard count] from IDENTIFY ([0, 1] when the bot did not shard). */
  shard: [number, number];
}

/**
 * Which sessions get a dispatch: the first live one (default), all of them, one by session id, or the first of a list
 * of session ids (one bot process's shards) that holds the guild.
 */
export type DispatchTarget = "first" | "all" | string | readonly string[];

export interface GatewayConfig {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents the application may use (GuildMembers, GuildPresences, MessageContent bits). */
  allowedPrivilegedIntents: number;
  /** Most guilds one connection may hold; Discord's is 2,500 (more closes the socket with 4011, sharding required). */
  maxGuildsPerShard: number;
  ready: (sessionId: string, shard: [number, number], guildIds: string[]) => GatewayReadyDispatchData;
  guildIds: () => string[];
  guildCreate: (guildId: string) => GatewayGuildCreateDispatchData;
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

// Close codes after which Discord forgets the session instead of letting it resume.
const FATAL_CLOSE_CODES = new Set<number>([
  1000,
  1001,
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

// Replay buffer per session: enough for any test; older events make a RESUME fail as on Discord.
const MAX_BUFFERED_EVENTS = 5000;

class Session {
  readonly id = randomBytes(16).toString("hex");
  readonly identifiedAt = new Date();
  readonly events: GatewayDispatchPayload[] = [];
  seq = 0;
  socket: WebSocket | undefined;
  dead = false;
  resumes = 0;
  heartbeats = 0;

  constructor(
    readonly intents: number,
    readonly shard: [number, number],
  ) {}

  /** Whether this session receives the guild's events. */
  holds(guildId: string | undefined): boolean {
    return guildId === undefined || shardOf(guildId, this.shard[1]) === this.shard[0];
  }

  info(): GatewaySessionInfo {
    return {
      id: this.id,
      connected: this.socket !== undefined,
      resumable: !this.dead && this.socket === undefined,
      seq: this.seq,
      intents: this.intents,
      identifiedAt: this.identifiedAt,
      resumes: this.resumes,
      heartbeats: this.heartbeats,
      shard: this.shard,
    };
  }
}

export class GatewayServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions: Session[] = [];
  private readonly changes = new EventEmitter();
  // Sockets the server itself is closing, with the code it used.
  private readonly serverClosed = new WeakMap<WebSocket, number>();

  constructor(private readonly config: GatewayConfig) {
    this.changes.setMaxListeners(0);
  }

  setMaxGuildsPerShard(limit: number): void {
    this.config.maxGuildsPerShard = limit;
  }

  /** Takes over an HTTP upgrade request aimed at the gateway path. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  info(): GatewaySessionInfo[] {
    return this.sessions.map((s) => s.info());
  }

  /**
   * Sends a dispatch to the chosen sessions; disconnected ones keep it for replay on RESUME. With a guild, only
   * sessions of the guild's shard are candidates, as on Discord.
   */
  async dispatch(target: DispatchTarget, t: string, d: unknown, guildId?: string): Promise<void> {
    const sessions = this.targets(target, guildId);
    if (sessions.length === 0) throw new Error("local-discord: no bot session is connected (await waitForBot())");
    await Promise.all(sessions.map((session) => this.send(session, t, d)));
  }

  /** Sends a dispatch to every session that may still receive it (none at all is fine: bots get it on IDENTIFY). */
  async broadcast(t: string, d: unknown, guildId?: string): Promise<void> {
    await Promise.all(this.sessions.filter((s) => !s.dead && s.holds(guildId)).map((s) => this.send(s, t, d)));
  }

  /** Closes every live socket with a resumable code (default 4000), as a network blip or Discord restart would. */
  disconnectAll(code: number = GatewayCloseCodes.UnknownError): void {
    for (const session of this.sessions) {
      if (session.socket) this.closeSocket(session.socket, code, "local-discord disconnect");
    }
  }

  /** Resolves once `count` sessions have identified and are connected. */
  async waitForSessions(count: number, timeoutMs: number): Promise<void> {
    const signal = AbortSignal.timeout(timeoutMs);
    while (this.sessions.filter((s) => s.socket && !s.dead).length < count) {
      await once(this.changes, "change", { signal }).catch(() => {
        throw new Error(`local-discord: ${count} bot session(s) did not connect within ${timeoutMs} ms`);
      });
    }
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private targets(target: DispatchTarget, guildId: string | undefined): Session[] {
    const alive = this.sessions.filter((s) => !s.dead && s.holds(guildId));
    if (target === "all") return alive;
    if (Array.isArray(target)) {
      const mine = alive.find((s) => target.includes(s.id) && s.socket);
      if (!mine) throw new Error(`local-discord: none of sessions ${target.join(", ")} holds guild ${guildId}`);
      return [mine];
    }
    if (target === "first") {
      const first = alive.find((s) => s.socket) ?? alive[0];
      return first ? [first] : [];
    }
    const session = alive.find((s) => s.id === (target as string));
    if (!session) throw new Error(`local-discord: no live gateway session ${target}`);
    return [session];
  }

  private send(session: Session, t: string, d: unknown): Promise<void> {
    session.seq++;
    const payload = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d } as GatewayDispatchPayload;
    session.events.push(payload);
    if (session.events.length > MAX_BUFFERED_EVENTS) session.events.shift();
    return session.socket ? write(session.socket, payload) : Promise.resolve();
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? "/", "http://local").searchParams;
    if (query.get("v") !== "10") {
      this.closeSocket(ws, GatewayCloseCodes.InvalidAPIVersion, "Invalid API version");
      return;
    }
    if ((query.get("encoding") ?? "json") !== "json") {
      this.closeSocket(ws, GatewayCloseCodes.DecodeError, "Only JSON encoding is supported");
      return;
    }
    let session: Session | undefined;
    void write(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.config.heartbeatIntervalMs } });
    ws.on("message", (data) => {
      const message = parse(data);
      if (!message) return this.closeSocket(ws, GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      switch (message.op) {
        case GatewayOpcodes.Heartbeat:
          if (session) session.heartbeats++;
          return void write(ws, { op: GatewayOpcodes.HeartbeatAck });
        case GatewayOpcodes.Identify:
          if (session) return this.closeSocket(ws, GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
          session = this.identify(ws, message.d);
          return;
        case GatewayOpcodes.Resume:
          if (session) return this.closeSocket(ws, GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
          session = this.resume(ws, message.d);
          return;
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestGuildMembers:
          if (!session) this.closeSocket(ws, GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
          return;
        default:
          this.closeSocket(ws, GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
      }
    });
    ws.on("close", (code) => {
      if (!session || session.socket !== ws) return;
      session.socket = undefined;
      session.dead = FATAL_CLOSE_CODES.has(this.serverClosed.get(ws) ?? code);
      this.changes.emit("change");
    });
  }

  private identify(ws: WebSocket, d: unknown): Session | undefined {
    const { token, intents, shard } = (d ?? {}) as { token?: unknown; intents?: unknown; shard?: unknown };
    if (token !== this.config.token) {
      this.closeSocket(ws, GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return undefined;
    }
    if (typeof intents !== "number") {
      this.closeSocket(ws, GatewayCloseCodes.InvalidIntents, "Invalid intent(s).");
      return undefined;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.config.allowedPrivilegedIntents) !== 0) {
      this.closeSocket(ws, GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return undefined;
    }
    const pair = shard === undefined ? ([0, 1] as [number, number]) : validShard(shard);
    if (!pair) {
      this.closeSocket(ws, GatewayCloseCodes.InvalidShard, "Invalid shard.");
      return undefined;
    }
    const guildIds = this.config.guildIds().filter((id) => shardOf(id, pair[1]) === pair[0]);
    if (guildIds.length > this.config.maxGuildsPerShard) {
      this.closeSocket(ws, GatewayCloseCodes.ShardingRequired, "Sharding required.");
      return undefined;
    }
    const session = new Session(intents, pair);
    session.socket = ws;
    this.sessions.push(session);
    void this.send(session, GatewayDispatchEvents.Ready, this.config.ready(session.id, pair, guildIds));
    for (const id of guildIds) void this.send(session, GatewayDispatchEvents.GuildCreate, this.config.guildCreate(id));
    this.changes.emit("change");
    return session;
  }

  private resume(ws: WebSocket, d: unknown): Session | undefined {
    const { token, session_id, seq } = (d ?? {}) as { token?: unknown; session_id?: unknown; seq?: unknown };
    if (token !== this.config.token) {
      this.closeSocket(ws, GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return undefined;
    }
    const session = this.sessions.find((s) => s.id === session_id && !s.dead);
    const from = typeof seq === "number" ? seq : -1;
    const oldest = session?.events[0]?.s ?? 1;
    if (!session || from > session.seq || from < oldest - 1) {
      // Discord's answer to an unknown or unreplayable session: Invalid Session, not resumable.
      void write(ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return undefined;
    }
    if (session.socket)
      this.closeSocket(session.socket, GatewayCloseCodes.SessionTimedOut, "Session resumed elsewhere");
    session.socket = ws;
    session.resumes++;
    for (const event of session.events) if (event.s > from) void write(ws, event);
    void this.send(session, GatewayDispatchEvents.Resumed, {});
    this.changes.emit("change");
    return session;
  }

  private closeSocket(ws: WebSocket, code: number, reason: string): void {
    this.serverClosed.set(ws, code);
    ws.close(code, reason);
  }
}

function validShard(shard: unknown): [number, number] | undefined {
  if (!Array.isArray(shard) || shard.length !== 2) return undefined;
  const [id, count] = shard as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  if ((count as number) < 1 || (id as number) < 0 || (id as number) >= (count as number)) return undefined;
  return [id as number, count as number];
}

function parse(data: RawData): { op: number; d: unknown } | undefined {
  try {
    const message = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    return typeof message.op === "number" ? { op: message.op, d: message.d } : undefined;
  } catch {
    return undefined;
  }
}

function write(ws: WebSocket, payload: unknown): Promise<void> {
  if (ws.readyState !== ws.OPEN) return Promise.resolve();
  return new Promise((resolve) => ws.send(JSON.stringify(payload), () => resolve()));
}
