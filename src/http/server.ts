/**
 * Discord's interactions endpoint: POST /interactions (signed with the application's key) and GET /healthz for the
 * load balancer. A verified interaction is handed to the same discord.js client, and so to the same interactionCreate
 * handler, as a gateway one; its first response comes back through the CallbackBridge as this request's response.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIInteraction, type Client, InteractionType } from "discord.js";
import type { Logger } from "../logger.js";
import { type CallbackBody, CallbackBridge } from "./callbacks.js";
import { checkSignature, publicKeyFromHex } from "./signature.js";

/** Discord's bodies are a few KB; anything over this is not an interaction. */
export const maxBodyBytes = 1024 * 1024;

/** Discord waits 3 s for the first response; past that the HTTP request is answered with an error. */
const responseWindowMs = 3000;

export interface InteractionsServerOptions {
  client: Client;
  port: number;
  /** Default: every interface (a load balancer in front). */
  host?: string;
  /** DISCORD_PUBLIC_KEY (hex). */
  publicKey: string;
  logger: Logger;
}

export interface InteractionsServer {
  readonly port: number;
  /** http://127.0.0.1:<port>/interactions, for the local Discord and tests. */
  readonly url: string;
  /** Interactions received and answered so far (tests and logs). */
  readonly handled: number;
  /** Accepting requests and not draining. */
  readonly listening: boolean;
  /** /healthz says 503 from now on, so the load balancer stops sending; requests in flight are still answered. */
  drain(): void;
  /** Stops accepting, waits for the requests in flight (up to 5 s), then closes. */
  close(): Promise<void>;
}

type Reply = { status: number; body: CallbackBody };

const jsonReply = (status: number, body: unknown): Reply => ({
  status,
  body: { contentType: "application/json", bytes: Buffer.from(JSON.stringify(body), "utf8") },
});

class BodyError extends Error {}

export async function serveInteractions(options: InteractionsServerOptions): Promise<InteractionsServer> {
  const { client, logger } = options;
  const key = publicKeyFromHex(options.publicKey);
  const bridge = new CallbackBridge(client.rest);
  // discord.js's own gateway handler calls exactly this for INTERACTION_CREATE.
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;
  let draining = false;
  let handled = 0;

  const interaction = async (request: IncomingMessage, response: ServerResponse): Promise<Reply | undefined> => {
    const raw = await readBody(request);
    const verdict = checkSignature(
      key,
      { signature: header(request, "x-signature-ed25519"), timestamp: header(request, "x-signature-timestamp") },
      raw,
    );
    if (!verdict.ok) {
      logger.debug({ reason: verdict.reason }, "refused an interaction request");
      return jsonReply(401, { error: "invalid request signature" });
    }
    let payload: APIInteraction;
    try {
      payload = JSON.parse(raw.toString("utf8")) as APIInteraction;
    } catch {
      return jsonReply(400, { error: "body is not JSON" });
    }
    if (typeof payload !== "object" || payload === null || typeof payload.type !== "number") {
      return jsonReply(400, { error: "not an interaction" });
    }
    if (payload.type === InteractionType.Ping) return jsonReply(200, { type: 1 });
    if (!Object.values(InteractionType).includes(payload.type) || typeof payload.id !== "string") {
      return jsonReply(400, { error: "unknown interaction type" });
    }
    // Wait for discord.js's callback; it becomes this response, written before discord.js hears "204".
    return new Promise<Reply | undefined>((resolve) => {
      const timer = setTimeout(() => {
        withdraw();
        logger.warn(
          { interactionId: payload.id },
          "no first response within 3 s; Discord shows the interaction failed",
        );
        resolve(jsonReply(503, { error: "no response in time" }));
      }, responseWindowMs);
      const withdraw = bridge.expect(payload.id, payload.type, async (body) => {
        clearTimeout(timer);
        if (response.destroyed) throw new Error("the request is gone");
        await send(response, { status: 200, body });
        handled++;
        resolve(undefined);
      });
      response.once("close", () => {
        if (!response.writableFinished) {
          clearTimeout(timer);
          withdraw();
          resolve(undefined);
        }
      });
      try {
        actions.InteractionCreate.handle(payload);
      } catch (error) {
        clearTimeout(timer);
        withdraw();
        logger.error({ err: error, interactionId: payload.id }, "could not hand an interaction to discord.js");
        resolve(jsonReply(500, { error: "internal error" }));
      }
    });
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://local").pathname;
    const route = async (): Promise<Reply | undefined> => {
      if (path === "/healthz") {
        if (request.method !== "GET" && request.method !== "HEAD") return jsonReply(405, { error: "use GET" });
        return draining ? jsonReply(503, { status: "draining" }) : jsonReply(200, { status: "ok" });
      }
      if (path !== "/interactions") return jsonReply(404, { error: "not found" });
      if (request.method !== "POST") return jsonReply(405, { error: "use POST" });
      return interaction(request, response);
    };
    route()
      .catch((error: unknown) => {
        if (error instanceof BodyError) return jsonReply(400, { error: error.message });
        logger.error({ err: error }, "interactions endpoint failed");
        return jsonReply(500, { error: "internal error" });
      })
      .then((reply) => (reply && !response.headersSent ? send(response, reply) : undefined))
      .catch(() => {}); // the client went away
  });
  // A load balancer keeps its connections open between bursts (AWS ALB: 60 s idle): outlive it, so a burst of clicks
  // does not pay for new connections.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, "serving interactions over HTTP");
  return {
    port,
    url: `http://127.0.0.1:${port}/interactions`,
    get handled() {
      return handled;
    },
    get listening() {
      return server.listening && !draining;
    },
    drain() {
      draining = true;
    },
    async close() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 5000);
      await closed;
      clearTimeout(timer);
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBodyBytes) throw new BodyError("body over 1 MB");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BodyError("body over 1 MB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, reply: Reply): Promise<void> {
  return new Promise((resolve, reject) => {
    response.writeHead(reply.status, {
      "content-type": reply.body.contentType,
      "content-length": reply.body.bytes.length,
    });
    response.end(reply.body.bytes, () => resolve());
    response.once("error", reject);
  });
}
