/**
 * Discord's interactions endpoint: POST /interactions (signed with the application's key) and GET /healthz for the
 * load balancer. A verified interaction is handed to the same discord.js client, and so to the same interactionCreate
 * handler, as a gateway one; its first response comes back through the CallbackBridge as this request's response.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { finished } from "node:stream/promises";
import { type APIInteraction, type Client, InteractionType } from "discord.js";
import type { Logger } from "../logger.js";
import { type CallbackBody, CallbackBridge } from "./callbacks.js";
import { checkSignature, publicKeyFromHex } from "./signature.js";

/** Discord's bodies are a few KB; anything over this is not an interaction. */
export const maxBodyBytes = 1024 * 1024;

/** Discord waits 3 s for the first response; past that the HTTP request is answered with an error. */
const responseWindowMs = 3000;

/**
 * A request's headers, and the whole request, must arrive within this long of its first byte, or the connection is
 * cut (408 when nothing was answered yet). Discord's requests arrive in milliseconds and an interaction still arriving
 * after 3 s has failed anyway; 10 s leaves a slow network plenty, and frees a stalled client's connection within
 * seconds instead of node's 5 minutes. Idle keep-alive connections are not timed by these (keepAliveTimeout is).
 */
export const defaultHeadersTimeoutMs = 10_000;
export const defaultRequestTimeoutMs = 10_000;

export interface InteractionsServerOptions {
  client: Client;
  port: number;
  /** Default: every interface (a load balancer in front). */
  host?: string;
  /** DISCORD_PUBLIC_KEY (hex). */
  publicKey: string;
  logger: Logger;
  /** Default `defaultHeadersTimeoutMs`; tests use small values. At most `requestTimeoutMs`. */
  headersTimeoutMs?: number;
  /** Default `defaultRequestTimeoutMs`: the whole request, body included (not the time taken to answer it). */
  requestTimeoutMs?: number;
}

export interface InteractionsServer {
  readonly port: number;
  /** http://127.0.0.1:<port>/interactions, for the local Discord and tests. */
  readonly url: string;
  /** Interactions received and answered so far (tests and logs). */
  readonly handled: number;
  /** Accepting requests and not draining. */
  readonly listening: boolean;
  /**
   * /healthz says 503 from now on, so the load balancer stops sending; requests in flight are still answered, and
   * every response from now on says `Connection: close` and closes its connection.
   */
  drain(): void;
  /** Stops accepting, waits for the requests in flight (up to 5 s), then closes. */
  close(): Promise<void>;
}

type Reply = { status: number; body: CallbackBody };

const jsonReply = (status: number, body: unknown): Reply => ({
  status,
  body: { contentType: "application/json", bytes: Buffer.from(JSON.stringify(body), "utf8") },
});

/** The body is over `maxBodyBytes` (declared or counted): refused without reading the rest. */
class BodyTooLarge extends Error {}

/** The client went away (or was cut off by a timeout) before its request arrived: there is no one to answer. */
class ClientGone extends Error {}

export async function serveInteractions(options: InteractionsServerOptions): Promise<InteractionsServer> {
  const { client, logger } = options;
  const key = publicKeyFromHex(options.publicKey);
  const bridge = new CallbackBridge(client.rest);
  // discord.js's own gateway handler calls exactly this for INTERACTION_CREATE.
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;
  let draining = false;
  let handled = 0;

  /**
   * Writes a reply. The connection is kept for the next request only when this one was read to its end and the worker
   * is not draining. Otherwise the reply says `Connection: close` and is sent at once; the rest of the body, if any,
   * is read and dropped (until it ends, or the request timeout cuts the client off) and only then does the server
   * close the connection, so the client's last bytes do not meet a closed socket, whose reset could destroy the reply
   * before the client reads it. Keeping such a connection would leave the parser mid-body: the next request on it is
   * never read.
   */
  const answer = async (request: IncomingMessage, response: ServerResponse, reply: Reply, refused = false) => {
    const keep = !draining && !refused && request.complete;
    response.writeHead(reply.status, {
      "content-type": reply.body.contentType,
      "content-length": reply.body.bytes.length,
      ...(keep ? {} : { connection: "close" }),
    });
    if (keep) {
      response.end(reply.body.bytes);
    } else {
      response.write(reply.body.bytes);
      await received(request);
      response.end();
    }
    await finished(response);
  };

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
        await answer(request, response, { status: 200, body });
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

  const headersTimeout = options.headersTimeoutMs ?? defaultHeadersTimeoutMs;
  const requestTimeout = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const shortestTimeout = Math.min(...[headersTimeout, requestTimeout].filter((ms) => ms > 0), 10_000);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      // node looks for expired requests this often (30 s by default): a timeout is enforced at most this much late.
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(shortestTimeout / 10))),
    },
    (request, response) => {
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
        .then(
          (reply) => (reply && !response.headersSent ? answer(request, response, reply) : undefined),
          (error: unknown) => {
            if (error instanceof ClientGone || response.destroyed) {
              logger.debug("an interactions request ended before it arrived");
              return;
            }
            if (error instanceof BodyTooLarge)
              return answer(request, response, jsonReply(400, { error: error.message }), true);
            logger.error({ err: error }, "interactions endpoint failed");
            return response.headersSent
              ? undefined
              : answer(request, response, jsonReply(500, { error: "internal error" }));
          },
        )
        .catch(() => {}); // the client went away
    },
  );
  // A load balancer keeps its connections open between bursts (AWS ALB: 60 s idle): outlive it, so a burst of clicks
  // does not pay for new connections.
  server.keepAliveTimeout = 65_000;
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

/** The body, read to its end; `BodyTooLarge` as soon as it is known to be over `maxBodyBytes`, `ClientGone` if cut. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBodyBytes) return Promise.reject(new BodyTooLarge("body over 1 MB"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The stream is never destroyed here: node's parser must go on reading the rest of the body (see `answer`).
    const settle = (outcome: () => void) => {
      request.off("data", onData).off("end", onEnd).off("close", onGone).off("error", onGone);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) settle(() => reject(new BodyTooLarge("body over 1 MB")));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onGone = () => settle(() => reject(new ClientGone()));
    request.on("data", onData).on("end", onEnd).on("close", onGone).on("error", onGone);
  });
}

/** Resolves once the rest of the request has arrived (and is dropped), or the request is gone. */
function received(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    request.once("end", resolve).once("close", resolve);
    request.resume();
  });
}
