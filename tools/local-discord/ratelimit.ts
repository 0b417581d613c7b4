/** Discord-style fixed-window rate limits, here for message edits per channel. */

export interface RateLimitConfig {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** What the bucket says about one request: the headers to send and whether it must be refused. */
export interface RateLimitDecision {
  allowed: boolean;
  retryAfterMs: number;
  headers: Record<string, string>;
}

/** One refused request, for tests to assert the bot never got there. */
export interface RateLimitHit {
  method: string;
  route: string;
  path: string;
  /** The bucket key: the channel whose edits were limited. */
  key: string;
  retryAfterMs: number;
  at: Date;
}

export class RateLimiter {
  private readonly windows = new Map<string, { resetAt: number; used: number }>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly bucket: string,
  ) {}

  take(key: string, now = Date.now()): RateLimitDecision {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { resetAt: now + this.config.windowMs, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < this.config.limit;
    if (allowed) window.used++;
    const resetAfter = (window.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(this.config.limit),
      "x-ratelimit-remaining": String(this.config.limit - window.used),
      "x-ratelimit-reset": (window.resetAt / 1000).toFixed(3),
      "x-ratelimit-reset-after": resetAfter.toFixed(3),
      "x-ratelimit-bucket": this.bucket,
    };
    // Discord's Retry-After header is whole seconds (rounded up); the body carries the exact value.
    if (!allowed) Object.assign(headers, { "retry-after": String(Math.ceil(resetAfter)), "x-ratelimit-scope": "user" });
    return { allowed, retryAfterMs: allowed ? 0 : window.resetAt - now, headers };
  }
}
