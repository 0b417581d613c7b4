/**
 * Interactions delivered as Discord's "Interactions Endpoint URL" delivers them: a signed POST (Ed25519, the local
 * application's own key pair) to one of the endpoint URLs, round robin as a load balancer would, skipping an endpoint
 * that refuses the connection. The HTTP response is the interaction callback: it goes through the same REST pipeline
 * as a callback POSTed to /interactions/{id}/{token}/callback, so it is checked against the OpenAPI file and the
 * interaction rules, and logged on the interaction's record.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { Agent, request as httpRequest } from "node:http";
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
  /** Interactions each endpoint answered with HTTP 200 (validation probes not counted). */
  readonly answeredBy = new Map<string, number>();

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
      let answer: Answer;
      try {
        answer = await post(url, body, this.keys.headers(body), window);
      } catch (error) {
        // A load balancer moves on when a backend refuses the connection (nothing reached it); anything later fails.
        if (error instanceof NotDelivered) continue;
        return;
      }
      if (answer.status === 200) this.answeredBy.set(url, (this.answeredBy.get(url) ?? 0) + 1);
      return this.callback(record, url, answer);
    }
  }

  private async callback(record: InteractionRecord, url: string, answer: Answer): Promise<void> {
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

// Connections are kept alive between deliveries and pooled per endpoint, as a load balancer's upstream keep-alive pool:
// a burst queues on open connections instead of opening hundreds (measured: a cold burst of 200 votes on one process
// answered all 200 in time with 32, only ~100 when every click opened its own connection).
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

interface Answer {
  status: number;
  contentType: string;
  bytes: Buffer;
  /** performance.now() when the response headers arrived. */
  at: number;
}

/** Nothing reached the endpoint: the connection was refused, or a kept-alive socket turned out closed (Node's advice). */
class NotDelivered extends Error {}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "user-agent": userAgent,
        ...headers,
      },
      timeout: timeoutMs,
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      const untouched = error.code === "ECONNREFUSED" || (request.reusedSocket && error.code === "ECONNRESET");
      reject(untouched ? new NotDelivered(error.message) : error);
    });
    request.on("response", (response) => {
      const at = performance.now();
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers["content-type"] ?? ""),
          bytes: Buffer.concat(chunks),
          at,
        }),
      );
    });
    request.end(body);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
