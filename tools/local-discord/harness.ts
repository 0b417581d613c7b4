/** LocalDiscord: starts the local Discord and is what tests, the console and benchmarks drive. */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type APIApplication,
  type APIApplicationCommand,
  type APIApplicationCommandOptionChoice,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  ApplicationFlags,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionResponseType,
  PermissionFlagsBits,
} from "discord.js";
import { CommandStore, type CommandWrite } from "./commands.js";
import { DirectMessages } from "./dm.js";
import type { MemberView, MessageEvent } from "./feed.js";
import { type DispatchTarget, GatewayServer, type GatewaySessionInfo } from "./gateway.js";
import { ApplicationKeys, HttpDelivery, type ProbeResult } from "./http-delivery.js";
import { InteractionRecord } from "./interaction.js";
import { MessageStore, type MessageView, type StoredMessage } from "./messages.js";
import {
  type AutocompleteInput,
  type BuiltInteraction,
  type ComponentInput,
  InteractionFactory,
  type ModalInput,
  type SelectInput,
  type SlashInput,
} from "./payloads.js";
import { type RateLimitConfig, RateLimiter, type RateLimitHit } from "./ratelimit.js";
import { restRoutes } from "./rest.js";
import { interactionRoutes } from "./rest-interactions.js";
import { memberRoleRoutes } from "./roles.js";
import { Router } from "./router.js";
import { ScheduledEvents } from "./scheduledEvents.js";
import { createHttpServer, type HttpServerDeps, type Violation, type ViolationKind } from "./server.js";
import { createGuildIdFactory, createSnowflakeFactory } from "./snowflake.js";
import { ApiSpec } from "./spec.js";
import { UploadStore } from "./uploads.js";
import {
  type ChannelInput,
  type GuildInput,
  type LocalGuild,
  type MemberInput,
  type RoleInput,
  type UserRef,
  World,
} from "./world.js";

export interface LocalDiscordOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Sent in HELLO; default 41250 as on Discord. Tests of heartbeating set it short. */
  heartbeatIntervalMs?: number;
  /** How long the bot has for its first response; default 3000 as on Discord. */
  callbackWindowMs?: number;
  /** How long interaction webhooks work; default 15 minutes as on Discord. */
  interactionTokenTtlMs?: number;
  /** Message edits allowed per channel; default 5 per 5 s. */
  editRateLimit?: RateLimitConfig;
  /** Discord's OpenAPI file; default ../shared/discord-api-spec/openapi.json; false turns spec checks off. */
  specPath?: string | false;
  /** The bot's username; default "Mirrorball". */
  botUsername?: string;
  /** Privileged intents enabled for the application (GuildMembers, GuildPresences, MessageContent bits); default none. */
  allowedPrivilegedIntents?: number;
  /** Most guilds on one gateway connection before 4011 (sharding required); default 2,500 as on Discord. */
  maxGuildsPerShard?: number;
  /** Shards GET /gateway/bot recommends; default one per 1,000 guilds, as Discord does. */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency: shards that may IDENTIFY per 5 s; default 1 as for most bots. */
  maxConcurrency?: number;
}

/** Who receives an interaction and how long the bot has to answer it. */
export interface DispatchOptions {
  /** "first" live session (default), "all" sessions (to race several bot processes), or a session id. */
  target?: DispatchTarget;
  /** This interaction's response window, overriding the server's. */
  callbackWindowMs?: number;
  /**
   * How it is delivered: "http" (signed POST to an interactions endpoint) is the default once endpoints are set and no
   * gateway `target` is named, as on Discord, where an app with an endpoint URL gets its interactions there.
   */
  via?: "gateway" | "http";
}

export interface AutocompleteResult {
  choices: APIApplicationCommandOptionChoice[];
  /** Milliseconds from dispatch until the bot's answer arrived. */
  latencyMs: number;
  interaction: InteractionRecord;
}

export interface ModalSubmitInput extends ModalInput, DispatchOptions {
  /** The interaction that showed the modal; default the latest one that showed a modal with this custom id. */
  from?: InteractionRecord;
}

export interface AssertOptions {
  /** Kinds to tolerate, e.g. "already-acknowledged" when several bot processes race on purpose. */
  ignore?: ViolationKind[];
}

export class LocalDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly botUser: APIUser;
  /** Acts in interactions unless an input names another user. */
  readonly defaultUser: APIUser;
  private readonly nextId = createSnowflakeFactory();
  private readonly world: World;
  private readonly messages: MessageStore;
  private readonly uploads: UploadStore;
  private readonly commandStore: CommandStore;
  private readonly factory: InteractionFactory;
  private readonly gateway: GatewayServer;
  private readonly server: Server;
  private readonly records = new Map<string, InteractionRecord>();
  private readonly recordsByToken = new Map<string, InteractionRecord>();
  private readonly violationLog: Violation[] = [];
  private readonly messageListeners = new Set<(event: MessageEvent) => void>();
  private readonly rateLimitLog: RateLimitHit[] = [];
  private readonly callbackWindowMs: number;
  private readonly keys = new ApplicationKeys();
  private readonly http: HttpDelivery;
  private baseUrl = "";
  /** DMs: closed inboxes, and channels of servers the bot is not in. */
  readonly dms: DirectMessages;
  /** The guilds' scheduled events, and a log of what the bot did to them. */
  readonly scheduledEvents: ScheduledEvents;

  private constructor(
    options: LocalDiscordOptions,
    private readonly spec: ApiSpec | null,
  ) {
    this.callbackWindowMs = options.callbackWindowMs ?? 3000;
    this.applicationId = this.nextId();
    this.botUserId = this.applicationId;
    this.token = [
      Buffer.from(this.botUserId).toString("base64url"),
      randomBytes(4).toString("base64url"),
      randomBytes(27).toString("base64url"),
    ].join(".");
    this.botUser = {
      id: this.botUserId,
      username: options.botUsername ?? "Mirrorball",
      discriminator: "0",
      global_name: null,
      avatar: null,
      bot: true,
    };
    this.world = new World(this.nextId, this.botUser, createGuildIdFactory());
    this.defaultUser = this.world.user({ username: "viewer" });
    this.messages = new MessageStore(
      this.nextId,
      this.botUser,
      this.applicationId,
      () => this.baseUrl,
      (id) => this.world.findUser(id),
    );
    this.messages.onChange((change, stored) => this.emitMessage(change, stored));
    this.uploads = new UploadStore(this.nextId, () => this.baseUrl);
    this.commandStore = new CommandStore(this.nextId, this.applicationId);
    this.dms = new DirectMessages(this.world);
    this.scheduledEvents = new ScheduledEvents(this.world, this.nextId, this.botUser);
    this.factory = new InteractionFactory(
      this.world,
      this.commandStore,
      this.nextId,
      this.applicationId,
      () => this.defaultUser,
      (channelId, file) => this.uploads.add(channelId, file),
      (channelId) => this.dms.foreignChannels.add(channelId),
    );
    this.gateway = new GatewayServer({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? 0,
      maxGuildsPerShard: options.maxGuildsPerShard ?? 2500,
      ready: (sessionId, shard, guildIds) => ({
        v: 10,
        user: this.botUser,
        guilds: guildIds.map((id) => ({ id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: this.gatewayUrl,
        shard,
        application: { id: this.applicationId, flags: APPLICATION_FLAGS, flags_new: String(APPLICATION_FLAGS) },
      }),
      guildIds: () => this.world.allGuilds().map((g) => g.id),
      guildCreate: (id) => this.world.guildCreate(this.world.guild(id)),
    });
    const routes = [
      ...restRoutes({
        applicationId: this.applicationId,
        botUser: this.botUser,
        world: this.world,
        messages: this.messages,
        commands: this.commandStore,
        gatewayUrl: () => this.gatewayUrl,
        recommendedShards: () =>
          options.recommendedShards ?? Math.max(1, Math.ceil(this.world.allGuilds().length / 1000)),
        maxConcurrency: options.maxConcurrency ?? 1,
        application: () => this.application(),
        checkSend: (channelId) => this.dms.checkSend(channelId),
      }),
      ...this.dms.routes(),
      ...this.scheduledEvents.routes(),
      ...memberRoleRoutes(this.world),
      ...interactionRoutes({
        applicationId: this.applicationId,
        messages: this.messages,
        interactionById: (id) => this.records.get(id),
        interactionByToken: (token) => this.recordsByToken.get(token),
        interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
      }),
    ];
    // Every route must be one Discord documents, or its requests would go unvalidated.
    const undocumented = routes.filter((r) => spec && !spec.has(r.template, r.method));
    if (undocumented.length > 0) {
      throw new Error(
        `local-discord: routes not in Discord's spec: ${undocumented.map((r) => `${r.method} ${r.template}`).join(", ")}`,
      );
    }
    const router = new Router(routes);
    const deps: HttpServerDeps = {
      token: this.token,
      router,
      spec,
      gateway: this.gateway,
      editLimiter: new RateLimiter(options.editRateLimit ?? { limit: 5, windowMs: 5000 }, "local-message-edit"),
      violations: this.violationLog,
      rateLimitHits: this.rateLimitLog,
      attachment: (channelId, attachmentId) => this.messages.attachment(channelId, attachmentId),
      upload: (channelId, attachmentId) => this.uploads.get(channelId, attachmentId),
    };
    this.server = createHttpServer(deps);
    this.http = new HttpDelivery(this.keys, deps);
  }

  /** Starts the HTTP API and gateway on 127.0.0.1 (a free port unless told otherwise). */
  static async start(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
    const spec = options.specPath === false ? null : await ApiSpec.load(options.specPath);
    const discord = new LocalDiscord(options, spec);
    await new Promise<void>((resolve, reject) => {
      discord.server.once("error", reject);
      discord.server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
    const { address, port } = discord.server.address() as AddressInfo;
    discord.baseUrl = `http://${address}:${port}`;
    return discord;
  }

  /** Give this to the bot's Client as `rest.api`; discord.js appends /v10. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  /** What GET /gateway/bot answers; discord.js appends ?v=10&encoding=json. */
  get gatewayUrl(): string {
    return `${this.baseUrl.replace(/^http/, "ws")}/gateway`;
  }

  /** The application's Public Key (hex), as the Developer Portal shows it: the bot's DISCORD_PUBLIC_KEY. */
  get publicKey(): string {
    return this.keys.publicKeyHex;
  }

  /** The interactions endpoint URLs interactions are delivered to, round robin. */
  get interactionsEndpoints(): readonly string[] {
    return this.http.endpoints;
  }

  /**
   * Sets the Interactions Endpoint URL(s), as saving it in the Developer Portal does: each must pass Discord's
   * validation probes (a signed PING gets a PONG, a bad signature gets 401) or this throws. From then on interactions
   * are signed POSTs to them, round robin (a load balancer in front of several workers).
   */
  async setInteractionsEndpoints(urls: string[]): Promise<void> {
    for (const url of urls) await this.http.validate(url);
    for (const url of [...this.http.endpoints]) this.http.remove(url);
    for (const url of urls) this.http.add(url);
  }

  /** How many interactions each endpoint URL answered (HTTP 200), to see the round robin spread the load. */
  get answeredByEndpoint(): ReadonlyMap<string, number> {
    return this.http.answeredBy;
  }

  /** Adds one endpoint behind the load balancer (validated first); `removeInteractionsEndpoint` takes it out. */
  async addInteractionsEndpoint(url: string): Promise<void> {
    await this.http.validate(url);
    this.http.add(url);
  }

  removeInteractionsEndpoint(url: string): void {
    this.http.remove(url);
  }

  /** Discord's endpoint-validation probes against one URL, without saving it; throws when the endpoint fails them. */
  validateInteractionsEndpoint(url: string): Promise<ProbeResult> {
    return this.http.validate(url);
  }

  /** Signature headers for a body, as Discord would send them (tests of the endpoint's own checks). */
  signatureHeaders(body: string, timestamp?: number): Record<string, string> {
    return this.keys.headers(body, timestamp);
  }

  /** Whether request bodies are checked against Discord's OpenAPI file (false when it was not found). */
  get specChecks(): boolean {
    return this.spec !== null;
  }

  get sessions(): GatewaySessionInfo[] {
    return this.gateway.info();
  }

  /** Every interaction sent so far, oldest first. */
  get interactions(): readonly InteractionRecord[] {
    return [...this.records.values()];
  }

  /** Requests Discord would have refused, and interactions left unanswered. */
  get violations(): readonly Violation[] {
    return this.violationLog;
  }

  /** Requests refused with 429 (discord.js retries them; the bot should stay under the limit anyway). */
  get rateLimitHits(): readonly RateLimitHit[] {
    return this.rateLimitLog;
  }

  /** Every command registration request, in order. */
  get registrations(): readonly CommandWrite[] {
    return this.commandStore.writes;
  }

  /** Adds a guild (with a "general" channel unless channels are given); bots already connected get GUILD_CREATE. */
  addGuild(input: GuildInput): LocalGuild {
    const guild = this.world.addGuild(input);
    void this.gateway.broadcast(GatewayDispatchEvents.GuildCreate, this.world.guildCreate(guild), guild.id);
    const [defaultChannelId = ""] = guild.channelIds;
    return {
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      defaultChannelId,
      channelIds: [...guild.channelIds],
    };
  }

  addChannel(guildId: string, input: ChannelInput): APITextChannel {
    const channel = this.world.addChannel(guildId, input);
    void this.gateway.broadcast(GatewayDispatchEvents.ChannelCreate, channel, guildId);
    return channel;
  }

  /** Every guild's id, in the order they were added. */
  guildIds(): string[] {
    return this.world.allGuilds().map((g) => g.id);
  }

  /** The guild's owner (who may run Manage Server commands). */
  guildOwner(guildId: string): string {
    return this.world.guild(guildId).ownerId;
  }

  /** The guild's channel ids, the default one first. */
  guildChannels(guildId: string): string[] {
    return [...this.world.guild(guildId).channelIds];
  }

  /** Adds a member with given permissions (e.g. Manage Server) for interactions to come from. */
  addMember(guildId: string, input: MemberInput): APIUser {
    return this.world.addMember(guildId, input);
  }

  /** Adds a role (name, colour, permissions) that members can be given with `addMember({ roles })`. */
  addRole(guildId: string, input: RoleInput): APIRole {
    return this.world.addRole(guildId, input);
  }

  /** A guild's members with their effective permissions, as a client's member list shows them. */
  members(guildId: string): MemberView[] {
    const guild = this.world.guild(guildId);
    return this.world.members(guildId).map((member) => ({
      member,
      permissions: this.world.permissions(guild, member.user.id),
      owner: member.user.id === guild.ownerId,
    }));
  }

  /** A guild's roles, @everyone first. */
  roles(guildId: string): APIRole[] {
    const guild = this.world.guild(guildId);
    return [guild.everyoneRole, guild.botRole, ...guild.roles];
  }

  /**
   * What a member's command picker lists in a guild (or in their DM with `guildId` null): the guild's commands and
   * the global ones they do not shadow, without those hidden from the member by `default_member_permissions` or
   * `contexts`. Straight from the registrations, so it is what the bot last registered.
   */
  visibleCommands(guildId: string | null, userId: string): APIApplicationCommand[] {
    const guild = guildId ? this.world.guild(guildId) : undefined;
    const own = guildId ? this.commandStore.list(guildId) : [];
    const global = this.commandStore.list(null).filter((g) => !own.some((c) => c.name === g.name && c.type === g.type));
    const has = guild ? this.world.permissions(guild, userId) : this.world.dmPermissions();
    const context = guild ? InteractionContextType.Guild : InteractionContextType.BotDM;
    return [...own, ...global].filter((command) => {
      if (command.contexts && !command.contexts.includes(context)) return false;
      const required = command.default_member_permissions;
      if (!guild || required === null || required === undefined) return true;
      return (has & PermissionFlagsBits.Administrator) !== 0n || (has & BigInt(required)) === BigInt(required);
    });
  }

  /** Calls `listener` for every message the bot creates, edits or deletes; returns the function that stops it. */
  onMessage(listener: (event: MessageEvent) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** One interaction by id. */
  interaction(id: string): InteractionRecord | undefined {
    return this.records.get(id);
  }

  /** A member's role ids as they stand now. */
  memberRoles(guildId: string, userId: string): string[] {
    return [...this.world.memberRoles(this.world.guild(guildId), userId)];
  }

  /**
   * Changes the bot's own role in a guild: what it allows (e.g. grant or revoke Manage Events) and its place in the
   * role list (it may only give members roles below it).
   */
  setBotRole(guildId: string, change: { permissions?: bigint; position?: number }): void {
    const { botRole } = this.world.guild(guildId);
    if (change.permissions !== undefined) botRole.permissions = String(change.permissions);
    if (change.position !== undefined) botRole.position = change.position;
  }

  /** The bot's permissions in a guild as its role gives them. */
  botPermissions(guildId: string): bigint {
    return this.world.permissions(this.world.guild(guildId), this.botUserId);
  }

  /** The id of the DM channel between the bot and a user (made on first use, as opening a DM does). */
  dmChannelId(userId: string): string {
    return this.world.dmChannel(userId).id;
  }

  /** The messages the bot sent a user by DM, oldest first (none if it never opened a DM with them). */
  dmMessages(userId: string): MessageView[] {
    return this.channelMessages(this.world.dmChannel(userId).id);
  }

  /** Finds a user by id, or creates one by name. */
  user(ref: UserRef): APIUser {
    return this.world.user(ref);
  }

  /** Resolves once `sessions` bot connections (default 1) have identified and received their guilds. */
  waitForBot({ sessions = 1, timeoutMs = 10_000 }: { sessions?: number; timeoutMs?: number } = {}): Promise<void> {
    return this.gateway.waitForSessions(sessions, timeoutMs);
  }

  /** Resolves once the named commands are registered (globally, or in the guild when given). */
  async waitForCommands(
    names: string[],
    { guildId, timeoutMs = 10_000 }: { guildId?: string; timeoutMs?: number } = {},
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const registered = () => new Set(this.commands(guildId).map((c) => c.name));
    while (!names.every((name) => registered().has(name))) {
      if (Date.now() > deadline)
        throw new Error(`local-discord: commands ${names.join(", ")} not registered in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Lifts (or lowers) the guilds-per-connection limit, e.g. to measure one shard beyond Discord's 2,500. */
  setMaxGuildsPerShard(limit: number): void {
    this.gateway.setMaxGuildsPerShard(limit);
  }

  /** Drops every bot connection with a resumable close code (default 4000): the bots should RESUME. */
  disconnectAll(code?: number): void {
    this.gateway.disconnectAll(code);
  }

  /**
   * A user runs a slash command. Throws if the command is not registered or the options do not fit it. Files given to
   * attachment options are served by the local CDN at the `url` the bot receives.
   */
  async slash(input: SlashInput & DispatchOptions): Promise<InteractionRecord> {
    return this.dispatch(this.factory.slash(input), input);
  }

  /** A user types into an autocomplete option; resolves with the bot's choices. */
  async autocomplete(input: AutocompleteInput & DispatchOptions): Promise<AutocompleteResult> {
    const interaction = await this.dispatch(this.factory.autocomplete(input), input);
    const response = await interaction.firstResponse();
    if (response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      throw new Error(`local-discord: ${interaction.label} was answered with callback type ${response.type}, not 8`);
    }
    const choices = (response.data as { choices?: APIApplicationCommandOptionChoice[] } | undefined)?.choices ?? [];
    return { choices, latencyMs: response.latencyMs, interaction };
  }

  /** A user clicks a button on a message. */
  async click(input: ComponentInput & DispatchOptions): Promise<InteractionRecord> {
    return this.dispatch(this.factory.component(input, this.currentMessage(input.message)), input);
  }

  /** A user picks values in a select menu on a message. */
  async select(input: SelectInput & DispatchOptions): Promise<InteractionRecord> {
    return this.dispatch(this.factory.component(input, this.currentMessage(input.message)), input);
  }

  /** A user submits a modal the bot showed. */
  async submitModal(input: ModalSubmitInput): Promise<InteractionRecord> {
    const shown = (record: InteractionRecord) => {
      const response = record.initialResponse;
      const data = response?.data as { custom_id?: string } | undefined;
      return response?.type === InteractionResponseType.Modal && data?.custom_id === input.customId;
    };
    const trigger = input.from ?? [...this.records.values()].reverse().find(shown);
    if (!trigger || !shown(trigger)) throw new Error(`local-discord: the bot never showed a modal "${input.customId}"`);
    const modal = trigger.initialResponse?.data as Record<string, unknown>;
    const payload =
      "message" in trigger.payload && trigger.payload.message
        ? { ...trigger.payload, message: this.currentMessage(trigger.payload.message.id) }
        : trigger.payload;
    return this.dispatch(this.factory.modal(input, modal, payload), input, trigger);
  }

  /** Registered commands: global ones, or a guild's when `guildId` is given. */
  commands(guildId?: string): APIApplicationCommand[] {
    return this.commandStore.list(guildId ?? null);
  }

  /** How many bulk overwrites (PUT) the bot made, globally or for one guild. */
  commandPuts(guildId?: string): number {
    return this.commandStore.writes.filter((w) => w.method === "PUT" && w.guildId === (guildId ?? null)).length;
  }

  /** The channel's messages anyone can see (not ephemeral, not deleted), oldest first. */
  channelMessages(channelId: string): MessageView[] {
    return this.messages.inChannel(channelId).map((m) => this.messages.view(m));
  }

  /** Any message by id, ephemeral ones included. */
  message(id: string): MessageView | undefined {
    const stored = this.messages.find(id);
    return stored && this.messages.view(stored);
  }

  /** Returns and clears the violations so far (for tests that provoke one on purpose). */
  takeViolations(): Violation[] {
    return this.violationLog.splice(0);
  }

  /** Throws a readable error listing every violation (except ignored kinds). */
  assertNoViolations({ ignore = [] }: AssertOptions = {}): void {
    const found = this.violationLog.filter((v) => !ignore.includes(v.kind));
    if (found.length === 0) return;
    const lines = found.map((v) => {
      const fields = v.errors.map((e) => `\n      ${e.path || "(body)"}: ${e.message} [${e.code}]`).join("");
      return `  - [${v.kind}] ${v.method} ${v.route} -> ${v.status} ${v.code}: ${v.message}${fields}`;
    });
    throw new Error(`local Discord saw ${found.length} violation(s):\n${lines.join("\n")}`);
  }

  /**
   * Forgets a finished interaction and the messages it answered with, so a benchmark of hundreds of thousands of
   * interactions keeps this process's memory (and its garbage collector's work) flat. Tests keep everything.
   * Bound, so it can be handed on as it is (`drive(…, discord.forget)`).
   */
  readonly forget = (record: InteractionRecord): void => {
    record.dispose();
    this.records.delete(record.id);
    this.recordsByToken.delete(record.token);
    this.messages.dropCreatedBy(record.id, record.messageIds);
  };

  async stop(): Promise<void> {
    for (const record of this.records.values()) record.dispose();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private emitMessage(change: MessageEvent["change"], stored: StoredMessage): void {
    if (this.messageListeners.size === 0) return;
    const channelId = stored.api.channel_id;
    const payload = stored.interactionId ? this.records.get(stored.interactionId)?.payload : undefined;
    const event: MessageEvent = {
      change,
      message: this.messages.view(stored),
      channelId,
      guildId: this.world.findChannel(channelId)?.guildId ?? null,
      visibleTo: stored.ephemeral ? (payload?.member?.user.id ?? payload?.user?.id ?? null) : null,
    };
    for (const listener of this.messageListeners) listener(event);
  }

  private currentMessage(message: APIMessage | string): APIMessage {
    const id = typeof message === "string" ? message : message.id;
    const stored = this.messages.find(id);
    if (!stored) throw new Error(`local-discord: message ${id} does not exist (deleted?)`);
    return structuredClone(stored.api);
  }

  private async dispatch(
    built: BuiltInteraction,
    options: DispatchOptions,
    triggeredBy?: InteractionRecord,
  ): Promise<InteractionRecord> {
    const { payload, kind, label } = built;
    const record = new InteractionRecord(
      payload.id,
      payload.token,
      kind,
      payload,
      label,
      options.callbackWindowMs ?? this.callbackWindowMs,
      (id) => this.message(id),
    );
    record.triggeredBy = triggeredBy;
    this.records.set(record.id, record);
    this.recordsByToken.set(record.token, record);
    record.dispatched((unanswered) => this.violationLog.push(unansweredViolation(unanswered)));
    const overHttp =
      options.via === "http" ||
      (options.via === undefined && options.target === undefined && this.http.endpoints.length > 0);
    if (overHttp) {
      if (this.http.endpoints.length === 0) throw new Error("local-discord: no interactions endpoint is set");
      void this.http.deliver(record, payload);
      return record;
    }
    try {
      const guildId = "guild_id" in payload && payload.guild_id ? payload.guild_id : undefined;
      await this.gateway.dispatch(options.target ?? "first", GatewayDispatchEvents.InteractionCreate, payload, guildId);
    } catch (error) {
      record.dispose();
      this.records.delete(record.id);
      this.recordsByToken.delete(record.token);
      throw error;
    }
    return record;
  }

  private application(): APIApplication {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: "",
      bot_public: true,
      bot_require_code_grant: false,
      bot: this.botUser,
      summary: "",
      verify_key: this.keys.publicKeyHex,
      team: null,
      flags: APPLICATION_FLAGS,
      flags_new: String(APPLICATION_FLAGS),
      approximate_guild_count: this.world.allGuilds().length,
    };
  }
}

// A verified-less bot with slash commands and the message-content intent not enabled.
const APPLICATION_FLAGS = ApplicationFlags.ApplicationCommandBadge | ApplicationFlags.GatewayMessageContentLimited;

function unansweredViolation(record: InteractionRecord): Violation {
  return {
    kind: "unanswered",
    method: "GATEWAY",
    route: "INTERACTION_CREATE",
    path: record.label,
    status: 0,
    code: 0,
    message: `${record.label} got no response within ${record.callbackWindowMs} ms (the user sees "The application did not respond")`,
    errors: [],
    at: new Date(),
  };
}
