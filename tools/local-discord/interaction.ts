/** One interaction the harness sent, and everything the bot did about it. */
import { performance } from "node:perf_hooks";
import { type APIInteraction, InteractionResponseType } from "discord.js";
import type { UploadedFile } from "./body.js";
import type { DiscordErrorBody } from "./errors.js";
import type { MessageView } from "./messages.js";

export type InteractionKind = "command" | "autocomplete" | "component" | "modal";

/** What a request about an interaction did: its callback, the original response, or a follow-up. */
export type InteractionRequestKind =
  | "callback"
  | "get-original"
  | "edit-original"
  | "delete-original"
  | "follow-up"
  | "get-follow-up"
  | "edit-follow-up"
  | "delete-follow-up";

/** One request the bot made about an interaction, accepted or not. */
export interface InteractionRequest {
  kind: InteractionRequestKind;
  status: number;
  /** Milliseconds from dispatch to the request's arrival. */
  atMs: number;
  /** The JSON body, or a multipart request's payload_json. */
  body: unknown;
  files: UploadedFile[];
  /** The message the request created or changed. */
  messageId?: string;
  /** Discord's error answer when the request was refused. */
  error?: DiscordErrorBody;
}

/** The bot's initial response (its interaction callback). */
export interface FirstResponse {
  type: InteractionResponseType;
  data: unknown;
  files: UploadedFile[];
  /** Milliseconds from dispatch until the callback arrived. */
  latencyMs: number;
}

export interface SettleOptions {
  /** How long no request may arrive before the bot counts as done (default 200 ms). */
  idleMs?: number;
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
}

export class InteractionRecord {
  readonly createdAt = Date.now();
  private dispatchedAt = performance.now();
  private callback: FirstResponse | undefined;
  private expired = false;
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = performance.now();
  private readonly requests: InteractionRequest[] = [];
  private readonly followUpIds: string[] = [];
  // Each listener returns true once it is done and can be dropped.
  private readonly listeners = new Set<() => boolean>();
  /** The message `@original` refers to: the reply, the deferred placeholder, or a clicked component's message. */
  originalMessageId: string | undefined;
  /** For a modal submit: the interaction whose callback showed the modal. */
  triggeredBy: InteractionRecord | undefined;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly kind: InteractionKind,
    readonly payload: APIInteraction,
    /** A short human description, e.g. "/leaderboard" or "button vote:3", for error messages. */
    readonly label: string,
    readonly callbackWindowMs: number,
    private readonly view: (messageId: string) => MessageView | undefined,
  ) {}

  /** Every request about this interaction, in arrival order (refused ones included, with their error). */
  get responses(): readonly InteractionRequest[] {
    return this.requests;
  }

  /** The bot's callback, once it arrived. */
  get initialResponse(): FirstResponse | undefined {
    return this.callback;
  }

  get acknowledged(): boolean {
    return this.callback !== undefined;
  }

  /** The follow-up messages, as they stand now. */
  get followUps(): MessageView[] {
    return this.followUpIds.flatMap((id) => this.view(id) ?? []);
  }

  /** The original response message as it stands now (content, embeds, components, attachments with bytes). */
  finalMessage(): MessageView | undefined {
    return this.originalMessageId ? this.view(this.originalMessageId) : undefined;
  }

  /** Resolves with the bot's callback; rejects once the response window passed without one. */
  firstResponse(): Promise<FirstResponse> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.callback) resolve(this.callback);
        else if (this.expired) reject(new Error(`${this.label} got no response within ${this.callbackWindowMs} ms`));
        else return false;
        return true;
      };
      if (!check()) this.listeners.add(check);
    });
  }

  /**
   * Resolves with the milliseconds until the member saw an answer: a reply or update, or, after a deferral, the edit
   * or follow-up that filled it. Rejects when the response window passed without any callback.
   */
  answered(): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const first = this.callback;
        const deferred =
          first?.type === InteractionResponseType.DeferredChannelMessageWithSource ||
          first?.type === InteractionResponseType.DeferredMessageUpdate;
        const filled = this.requests.find(
          (r) => (r.kind === "edit-original" || r.kind === "follow-up") && r.status < 300,
        );
        if (first && !deferred) resolve(first.latencyMs);
        else if (first && filled) resolve(filled.atMs);
        else if (this.expired) reject(new Error(`${this.label} got no response within ${this.callbackWindowMs} ms`));
        else return false;
        return true;
      };
      if (!check()) this.listeners.add(check);
    });
  }

  /**
   * Resolves once the bot answered (or the window passed) and then made no request for `idleMs`. A deferral is not an
   * answer yet: after one, it waits for the edit or follow-up that fills it, however long the work behind it takes.
   */
  async settled({ idleMs = 200, timeoutMs = 15_000 }: SettleOptions = {}): Promise<this> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const now = performance.now();
      const quietFor = now - this.lastActivity;
      const answered = (this.acknowledged && !this.awaitingFill()) || this.expired;
      if (answered && quietFor >= idleMs) return this;
      if (now >= deadline) throw new Error(`${this.label} did not settle within ${timeoutMs} ms`);
      const wait = answered ? idleMs - quietFor : deadline - now;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.listeners.delete(done);
          resolve();
          return true;
        };
        const timer = setTimeout(done, Math.max(1, Math.min(wait, deadline - now)));
        this.listeners.add(done);
      });
    }
  }

  /** Deferred, and neither the original response's edit nor a follow-up has come yet. */
  private awaitingFill(): boolean {
    const type = this.callback?.type;
    const deferred =
      type === InteractionResponseType.DeferredChannelMessageWithSource ||
      type === InteractionResponseType.DeferredMessageUpdate;
    if (!deferred) return false;
    return !this.requests.some((r) => r.kind === "edit-original" || r.kind === "follow-up");
  }

  /** Milliseconds from dispatch to `at` (a performance.now() reading; default now). */
  elapsedMs(at: number = performance.now()): number {
    return at - this.dispatchedAt;
  }

  /** @internal Starts the response window when the gateway sends the interaction. */
  dispatched(onUnanswered: (record: InteractionRecord) => void): void {
    this.dispatchedAt = performance.now();
    this.timer = setTimeout(() => {
      if (this.callback) return;
      this.expired = true;
      onUnanswered(this);
      this.activity();
    }, this.callbackWindowMs);
    this.timer.unref();
  }

  /** @internal Whether the response window is still open at `elapsedMs`. */
  inWindow(elapsedMs: number): boolean {
    return !this.expired && elapsedMs <= this.callbackWindowMs;
  }

  /** @internal Whether the interaction token still works for webhooks. */
  tokenValid(ttlMs: number): boolean {
    return Date.now() - this.createdAt <= ttlMs;
  }

  /** @internal Notes that a request about this interaction started, so `settled` keeps waiting. */
  activity(): void {
    this.lastActivity = performance.now();
    for (const listener of [...this.listeners]) if (listener()) this.listeners.delete(listener);
  }

  /** @internal */
  acknowledge(response: FirstResponse): void {
    this.callback = response;
    clearTimeout(this.timer);
  }

  /** @internal */
  record(request: InteractionRequest): void {
    this.requests.push(request);
    if (request.kind === "follow-up" && request.messageId && request.messageId !== this.originalMessageId) {
      this.followUpIds.push(request.messageId);
    }
    this.activity();
  }

  /** @internal Whether a message is this interaction's original response or one of its follow-ups. */
  owns(messageId: string): boolean {
    return messageId === this.originalMessageId || this.followUpIds.includes(messageId);
  }

  /** Its original response's message (perhaps one it updated) and its follow-ups. */
  get messageIds(): string[] {
    return [...(this.originalMessageId ? [this.originalMessageId] : []), ...this.followUpIds];
  }

  /** @internal Stops the window timer (when the server stops). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
