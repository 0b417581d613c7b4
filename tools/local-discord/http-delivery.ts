/**
 * Interactions delivered as Discord's "Interactions Endpoint URL" delivers them: a signed POST (Ed25519, the local
 * application's own key pair) to one of the endpoint URLs, round robin as a load balancer would, skipping an endpoint
 * that refuses the connection. The HTTP response is the interaction callback: it goes through the same REST pipeline
 * as a callback POSTed to /interactions/{id}/{token}/callback, so it is checked against the OpenAPI file and the
 * interaction rules, and logged on the interaction's record.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { APIInteraction } from "discord.js";
import { parseRawBody } from "./body.js";
import { DiscordHttpError } from "./errors.js";
import type { InteractionRecord } from "./interaction.js";
import { type HttpServerDeps, routeRequest, violation } from "./server.js";

/** The application's Ed25519 key pair; `publicKeyHex` is what the Developer Portal shows as the Public Key. */
export class ApplicationKeys {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    this.privateKey = privateKey;
    const x = publicKey.export({ format: "jwk" }).x ?? "";
    this.publicKeyHex = Buffer.from(x, "base64url").toString("hex");
  }

  /** The two headers Discord adds to every request it sends the endpoint. */
  headers(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const ts = String(timestamp);
    return {
      "x-signature-ed25519": sign(null, Buffer.from(ts + body), this.privateKey).toString("hex"),
      "x-signature-timestamp": ts,
    };
  }
}

/** What the endpoint answered one of Discord's validation probes. */
export interface ProbeResult {
  ping: { status: number; body: unknown };
  badSignature: { status: number };
}

export class EndpointValidationError extends Error {}

const userAgent = "Discord-Interactions/1.0 (+https://discord.com)";

export class HttpDelivery {
  private readonly urls: string[] = [];
  private next = 0;

  constructor(
    private readonly keys: ApplicationKeys,
    private readonly deps: HttpServerDeps,
  ) {}

  get endpoints(): readonly string[] {
    return this.urls;
  }

  add(url: string): void {
    if (!this.urls.includes(url)) this.urls.push(url);
  }

  remove(url: string): void {
    const i = this.urls.indexOf(url);
    if (i >= 0) this.urls.splice(i, 1);
  }

  /**
   * Discord's check when an endpoint URL is saved: a signed PING must get a PONG, and a request with a bad signature
   * must be refused with 401. Throws (as the Developer Portal refuses to save) when either fails.
   */
  async validate(url: string): Promise<ProbeResult> {
    const body = JSON.stringify({ id: "0", application_id: "0", type: 1, token: "validation", version: 1 });
    const ping = await post(url, body, { ...this.keys.headers(body) }, 3000);
    const pingBody = ping.bytes.length ? safeJson(ping.bytes.toString("utf8")) : undefined;
    if (ping.status !== 200 || (pingBody as { type?: unknown } | undefined)?.type !== 1) {
      throw new EndpointValidationError(
        `${url} did not answer Discord's PING with a PONG (HTTP ${ping.status} ${ping.bytes.toString("utf8").slice(0, 200)})`,
      );
    }
    // A valid signature of other bytes: what a forger (or a proxy that changed the body) would send.
    const forged = { ...this.keys.headers(`${body} `) };
    const bad = await post(url, body, forged, 3000);
    if (bad.status !== 401) {
      throw new EndpointValidationError(
        `${url} accepted a request with a bad signature (HTTP ${bad.status}); it must answer 401`,
      );
    }
    return { ping: { status: ping.status, body: pingBody }, badSignature: { status: bad.status } };
  }

  /** POSTs the interaction to the next endpoint; its response becomes the callback. Never throws. */
  async deliver(record: InteractionRecord, payload: APIInteraction): Promise<void> {
    const body = JSON.stringify(payload);
    const window = record.callbackWindowMs;
    for (let tries = 0; tries < this.urls.length; tries++) {
      const url = this.urls[this.next++ % this.urls.length] as string;
      let answer: { status: number; contentType: string; bytes: Buffer; at: number };
      try {
        answer = await post(url, body, this.keys.headers(body), window);
      } catch (error) {
        // A load balancer moves on when a backend refuses the connection (nothing reached it); anything later fails.
        if (refused(error)) continue;
        return;
      }
      return this.callback(record, url, answer);
    }
  }

  private async callback(
    record: InteractionRecord,
    url: string,
    answer: { status: number; contentType: string; bytes: Buffer; at: number },
  ): Promise<void> {
    const path = `/interactions/${record.id}/${record.token}/callback`;
    if (answer.status !== 200) {
      const error = new DiscordHttpError(answer.status, 0, `the interactions endpoint answered HTTP ${answer.status}`);
      violation(this.deps, "endpoint", "POST", url, url, error, safeJson(answer.bytes.toString("utf8")) ?? null);
      return;
    }
    await routeRequest(this.deps, {
      method: "POST",
      path,
      rawPath: `/api/v10${path}`,
      query: new URLSearchParams(),
      headers: { "content-type": answer.contentType },
      receivedAt: answer.at,
      readBody: () => parseRawBody(answer.bytes, answer.contentType),
    }).catch((error: unknown) => console.error("[local-discord] HTTP callback failed", error));
  }
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": userAgent, ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const at = performance.now();
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", bytes, at };
}

function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === "ECONNREFUSED";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
