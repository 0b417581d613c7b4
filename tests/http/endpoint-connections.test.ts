/**
 * The interactions endpoint's connections, seen from raw sockets as a load balancer sees them: a refused oversized body
 * closes its connection (and the next request is answered), a trickling client is cut off by the header and request
 * timeouts without holding up anyone else, and while draining every response closes its connection.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { connect, type Socket } from "node:net";
import { Client, InteractionType } from "discord.js";
import { afterEach, describe, expect, test } from "vitest";
import { type InteractionsServer, maxBodyBytes, serveInteractions } from "../../src/http/server.js";
import { silentLogger } from "../support/bot.js";

// The application's key pair, as the local Discord makes it (tools/local-discord/http-delivery.ts).
const keys = generateKeyPairSync("ed25519");
const publicKeyHex = Buffer.from(keys.publicKey.export({ format: "jwk" }).x ?? "", "base64url").toString("hex");

function signatureHeaders(body: string): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
  return `x-signature-ed25519: ${signature}\r\nx-signature-timestamp: ${timestamp}\r\n`;
}

const ping = JSON.stringify({ id: "1", application_id: "1", type: InteractionType.Ping, token: "t", version: 1 });
const oversized = JSON.stringify({ type: InteractionType.Ping, padding: "x".repeat(maxBodyBytes + 64 * 1024) });

/** Short enough for quick tests, long enough that a loaded machine still gets a 1 MB body across in time. */
const headersTimeoutMs = 500;
const requestTimeoutMs = 2000;

const running: { server: InteractionsServer; client: Client }[] = [];
afterEach(async () => {
  for (const { server, client } of running.splice(0)) {
    await server.close();
    await client.destroy();
  }
});

/** The endpoint alone, on a discord.js client that never logs in (a PING needs no more), with short timeouts. */
async function serve(timeouts = { headersTimeoutMs, requestTimeoutMs }): Promise<InteractionsServer> {
  const client = new Client({ intents: [] });
  const server = await serveInteractions({
    client,
    port: 0,
    host: "127.0.0.1",
    publicKey: publicKeyHex,
    logger: silentLogger,
    ...timeouts,
  });
  running.push({ server, client });
  return server;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One TCP connection and everything that happened on it, with a way to wait for a condition (never a sleep). */
class Connection {
  readonly socket: Socket;
  private received = Buffer.alloc(0);
  /** The server ended its side (FIN). */
  ended = false;
  closed = false;
  error: Error | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(port: number) {
    this.socket = connect(port, "127.0.0.1");
    this.socket.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.changed();
    });
    this.socket.on("end", () => {
      this.ended = true;
      this.changed();
    });
    this.socket.on("error", (error) => {
      this.error = error;
    });
    this.socket.on("close", () => {
      this.closed = true;
      this.changed();
    });
  }

  static async open(port: number): Promise<Connection> {
    const connection = new Connection(port);
    await new Promise<void>((resolve, reject) => {
      connection.socket.once("connect", resolve).once("error", reject);
    });
    return connection;
  }

  write(text: string): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  /** The complete responses received so far. */
  responses(): RawResponse[] {
    const out: RawResponse[] = [];
    let rest = this.received;
    for (;;) {
      const end = rest.indexOf("\r\n\r\n");
      if (end < 0) return out;
      const [statusLine = "", ...lines] = rest.subarray(0, end).toString("latin1").split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers["content-length"] ?? 0);
      if (rest.length < end + 4 + length) return out;
      out.push({
        status: Number(statusLine.split(" ")[1]),
        headers,
        body: rest.subarray(end + 4, end + 4 + length).toString("utf8"),
      });
      rest = rest.subarray(end + 4 + length);
    }
  }

  /** Resolves when `condition` holds; rejects if the connection closes first without it. */
  until(condition: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) {
          this.waiters.delete(check);
          resolve();
        } else if (this.closed) {
          this.waiters.delete(check);
          reject(new Error(`the connection closed before ${what}; received: ${this.received.toString("latin1")}`));
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The n-th response on this connection (1 = the first), once it has arrived. */
  async response(n = 1): Promise<RawResponse> {
    await this.until(() => this.responses().length >= n, `response ${n}`);
    const answer = this.responses()[n - 1];
    if (!answer) throw new Error(`no response ${n}`);
    return answer;
  }

  closedByServer(): Promise<void> {
    return new Promise((resolve) => (this.closed ? resolve() : this.socket.once("close", () => resolve())));
  }

  private changed(): void {
    for (const check of [...this.waiters]) check();
  }
}

function post(path: string, body: string, headers = signatureHeaders(body)): string {
  return (
    `POST ${path} HTTP/1.1\r\nHost: endpoint\r\nContent-Type: application/json\r\n${headers}` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** The body in 64 KB chunks of chunked transfer encoding, with no Content-Length. */
function postChunked(path: string, body: string): string {
  let text = `POST ${path} HTTP/1.1\r\nHost: endpoint\r\nContent-Type: application/json\r\n${signatureHeaders(body)}`;
  text += "Transfer-Encoding: chunked\r\n\r\n";
  for (let at = 0; at < body.length; at += 64 * 1024) {
    const piece = body.slice(at, at + 64 * 1024);
    text += `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`;
  }
  return `${text}0\r\n\r\n`;
}

/** A signed PING on a new connection is answered with a PONG. */
async function expectPongOnNewConnection(server: InteractionsServer): Promise<void> {
  const connection = await Connection.open(server.port);
  connection.write(post("/interactions", ping));
  const answer = await connection.response();
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ type: 1 });
  connection.socket.destroy();
}

describe("connections of POST /interactions", () => {
  test.each([
    ["chunked, with no Content-Length", () => postChunked("/interactions", oversized)],
    ["with a Content-Length", () => post("/interactions", oversized)],
  ])(
    "GIVEN a signed body over 1 MB sent %s WHEN posted THEN 400 with Connection: close, the server closes the connection, and a PING on a new one is answered",
    async (_, request) => {
      const server = await serve();
      const connection = await Connection.open(server.port);
      connection.write(request());
      const answer = await connection.response();
      expect(answer.status).toBe(400);
      expect(answer.headers.connection).toBe("close");
      await connection.closedByServer();
      // The server read the rest of the body before closing: a clean end, no reset that could lose the answer.
      expect(connection.ended).toBe(true);
      expect(connection.error).toBeUndefined();
      expect(connection.responses()).toHaveLength(1);
      await expectPongOnNewConnection(server);
    },
    15_000,
  );

  test("GIVEN a Content-Length over 1 MB and no body yet WHEN the headers arrive THEN 400 at once, and the connection is closed by the request timeout", async () => {
    const server = await serve();
    const connection = await Connection.open(server.port);
    connection.write(
      `POST /interactions HTTP/1.1\r\nHost: endpoint\r\n${signatureHeaders("")}Content-Length: ${maxBodyBytes + 1}\r\n\r\n`,
    );
    const answer = await connection.response();
    expect(answer.status).toBe(400);
    expect(answer.headers.connection).toBe("close");
    await connection.closedByServer();
    expect(connection.responses()).toHaveLength(1);
    await expectPongOnNewConnection(server);
  }, 15_000);

  test("GIVEN a refused signature or a body that is not JSON WHEN the body was read to its end THEN the connection is kept and the next request on it is answered", async () => {
    const server = await serve();
    const connection = await Connection.open(server.port);
    const notJson = "{not json";
    connection.write(post("/interactions", ping, signatureHeaders(`${ping} `)));
    connection.write(post("/interactions", notJson, signatureHeaders(notJson)));
    connection.write(post("/interactions", ping));
    await connection.response(3);
    const [badSignature, badJson, pong] = connection.responses();
    expect(badSignature?.status).toBe(401);
    expect(badJson?.status).toBe(400);
    expect(pong?.status).toBe(200);
    for (const answer of [badSignature, badJson, pong]) expect(answer?.headers.connection).toBe("keep-alive");
    expect(connection.closed).toBe(false);
    connection.socket.destroy();
  }, 15_000);

  test("GIVEN a client that trickles its body WHEN the request timeout passes THEN it is cut off (408), while a PING on another connection is answered meanwhile", async () => {
    const server = await serve();
    const slow = await Connection.open(server.port);
    const started = Date.now();
    slow.write(
      `POST /interactions HTTP/1.1\r\nHost: endpoint\r\n${signatureHeaders(ping)}Content-Length: ${ping.length}\r\n` +
        "Expect: 100-continue\r\n\r\n",
    );
    // node answers "100 Continue" once it has the headers: from then on the server is reading the body.
    expect((await slow.response()).status).toBe(100);
    // One byte every 50 ms: the body would take several seconds, far beyond the request timeout.
    let sent = 0;
    const trickle = setInterval(() => slow.write(ping[sent++] ?? ""), 50);
    slow.socket.once("close", () => clearInterval(trickle));

    await expectPongOnNewConnection(server);
    expect(slow.closed).toBe(false);

    await slow.closedByServer();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(requestTimeoutMs - 50);
    expect(sent).toBeLessThan(ping.length);
    expect(slow.responses().map((answer) => answer.status)).toEqual([100, 408]);
  }, 15_000);

  test("GIVEN a client that trickles its headers WHEN the header timeout passes THEN it is cut off (408) well before the request timeout", async () => {
    const server = await serve({ headersTimeoutMs, requestTimeoutMs: 10_000 });
    const slow = await Connection.open(server.port);
    const started = Date.now();
    slow.write("POST /interactions HTTP/1.1\r\nHost: endpoint\r\n");
    let n = 0;
    const trickle = setInterval(() => slow.write(`x-trickle-${n++}: ${"y".repeat(8)}\r\n`), 50);
    slow.socket.once("close", () => clearInterval(trickle));

    await expectPongOnNewConnection(server);
    await slow.closedByServer();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(headersTimeoutMs - 50);
    expect(elapsed).toBeLessThan(10_000);
    expect(slow.responses().map((answer) => answer.status)).toEqual([408]);
  }, 15_000);

  test("GIVEN a draining worker WHEN requests arrive on a kept connection THEN the answer says Connection: close and the server closes it", async () => {
    const server = await serve();
    const connection = await Connection.open(server.port);
    connection.write("GET /healthz HTTP/1.1\r\nHost: endpoint\r\n\r\n");
    expect((await connection.response()).headers.connection).toBe("keep-alive");

    server.drain();
    connection.write(post("/interactions", ping));
    const answer = await connection.response(2);
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe("close");
    await connection.closedByServer();
    expect(connection.ended).toBe(true);

    const health = await Connection.open(server.port);
    health.write("GET /healthz HTTP/1.1\r\nHost: endpoint\r\n\r\n");
    const draining = await health.response();
    expect(draining.status).toBe(503);
    expect(draining.headers.connection).toBe("close");
    await health.closedByServer();
  }, 15_000);

  test("GIVEN close() while a request is arriving WHEN the rest arrives THEN it is answered with Connection: close and close() returns without waiting out its 5 s", async () => {
    const server = await serve();
    const connection = await Connection.open(server.port);
    const half = Math.floor(ping.length / 2);
    // node answers "100 Continue" once it has the headers: from then on the request is being read.
    connection.write(
      `POST /interactions HTTP/1.1\r\nHost: endpoint\r\n${signatureHeaders(ping)}Content-Length: ${ping.length}\r\n` +
        "Expect: 100-continue\r\n\r\n",
    );
    expect((await connection.response()).status).toBe(100);
    connection.write(ping.slice(0, half));
    const idle = await Connection.open(server.port);
    idle.write("GET /healthz HTTP/1.1\r\nHost: endpoint\r\n\r\n");
    await idle.response();

    const started = Date.now();
    const closing = server.close();
    await idle.closedByServer(); // an idle kept connection is closed at once
    connection.write(ping.slice(half));
    const answer = await connection.response(2);
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe("close");
    await connection.closedByServer();
    await closing;
    expect(Date.now() - started).toBeLessThan(4000);
  }, 15_000);
});
