/** The local Discord as an Interactions Endpoint URL client: signing, round robin, probes, and checking the response. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { checkSignature, publicKeyFromHex } from "../../src/http/signature.js";
import { LocalDiscord } from "../../tools/local-discord/index.js";

type Handler = (body: Record<string, unknown>, raw: Buffer, request: IncomingMessage, response: ServerResponse) => void;

let discord: LocalDiscord;
const servers: Server[] = [];

/** A stand-in endpoint that checks the signature like a bot would, then answers as `handler` says. */
async function endpoint(handler: Handler, { checkSignatures = true } = {}): Promise<string> {
  const key = publicKeyFromHex(discord.publicKey);
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const signature = request.headers["x-signature-ed25519"] as string | undefined;
    const timestamp = request.headers["x-signature-timestamp"] as string | undefined;
    if (checkSignatures && !checkSignature(key, { signature, timestamp }, raw).ok) {
      response.writeHead(401).end();
      return;
    }
    const body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    if (body.type === 1) {
      response.writeHead(200, { "content-type": "application/json" }).end('{"type":1}');
      return;
    }
    handler(body, raw, request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`;
}

const reply =
  (content: string): Handler =>
  (_body, _raw, _request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ type: 4, data: { content } }));
  };

beforeAll(async () => {
  discord = await LocalDiscord.start();
  discord.addGuild({ name: "Delivery" });
  const put = await fetch(`${discord.apiUrl}/v10/applications/${discord.applicationId}/commands`, {
    method: "PUT",
    headers: { authorization: `Bot ${discord.token}`, "content-type": "application/json" },
    body: JSON.stringify([{ name: "hello", description: "Says hello", type: 1 }]),
  });
  expect(put.status).toBe(200);
});
afterEach(async () => {
  await discord.setInteractionsEndpoints([]);
  discord.takeViolations();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
afterAll(async () => discord?.stop());

describe("the local Discord delivering interactions over HTTP", () => {
  test("GIVEN two endpoints WHEN four interactions are sent THEN they alternate, each signed with the application's key", async () => {
    const a = await endpoint(reply("from A"));
    const b = await endpoint(reply("from B"));
    await discord.setInteractionsEndpoints([a, b]);
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const ix = await discord.slash({ name: "hello" });
      await ix.settled({ idleMs: 20 });
      answers.push(ix.finalMessage()?.content ?? "");
    }
    expect(answers).toEqual(["from A", "from B", "from A", "from B"]);
    discord.assertNoViolations();
  });

  test("GIVEN an endpoint that refuses connections WHEN it is in the rotation THEN the next one gets the interaction", async () => {
    const a = await endpoint(reply("from A"));
    const dead = await endpoint(reply("never"));
    await discord.setInteractionsEndpoints([dead, a]);
    const last = servers.at(-1) as Server;
    last.closeAllConnections();
    await new Promise((resolve) => last.close(resolve));
    const ix = await discord.slash({ name: "hello" });
    await ix.settled({ idleMs: 20 });
    expect(ix.finalMessage()?.content).toBe("from A");
    discord.assertNoViolations();
  });

  test("GIVEN a response with files WHEN the endpoint answers multipart THEN the callback and its file are taken", async () => {
    const url = await endpoint((_body, _raw, _request, response) => {
      const form = new FormData();
      form.set(
        "payload_json",
        JSON.stringify({ type: 4, data: { content: "a file", attachments: [{ id: "0", filename: "a.txt" }] } }),
      );
      form.set("files[0]", new Blob(["hello bytes"], { type: "text/plain" }), "a.txt");
      const encoded = new Response(form);
      void encoded.arrayBuffer().then((bytes) => {
        response.writeHead(200, { "content-type": encoded.headers.get("content-type") ?? "" });
        response.end(Buffer.from(bytes));
      });
    });
    await discord.setInteractionsEndpoints([url]);
    const ix = await discord.slash({ name: "hello" });
    const first = await ix.firstResponse();
    expect(first.files.map((f) => f.bytes.toString("utf8"))).toEqual(["hello bytes"]);
    await ix.settled({ idleMs: 20 });
    expect(ix.finalMessage()?.attachments.map((a) => a.filename)).toEqual(["a.txt"]);
    discord.assertNoViolations();
  });

  test("GIVEN a response Discord would refuse WHEN it arrives THEN it is checked like a REST callback and recorded as a violation", async () => {
    const url = await endpoint(reply("x".repeat(2001)));
    await discord.setInteractionsEndpoints([url]);
    const ix = await discord.slash({ name: "hello" });
    await expect(ix.firstResponse()).rejects.toThrow(/no response/);
    expect(ix.responses.map((r) => [r.kind, r.status])).toEqual([["callback", 400]]);
    const kinds = discord.takeViolations().map((v) => v.kind);
    expect(kinds).toContain("invalid-body");
    expect(kinds).toContain("unanswered");
  });

  test("GIVEN an endpoint answering 500 WHEN an interaction arrives THEN it is an endpoint violation and the member gets nothing", async () => {
    const url = await endpoint((_body, _raw, _request, response) => response.writeHead(500).end());
    await discord.setInteractionsEndpoints([url]);
    const ix = await discord.slash({ name: "hello", callbackWindowMs: 1500 });
    await expect(ix.firstResponse()).rejects.toThrow(/no response/);
    expect(discord.takeViolations().map((v) => v.kind)).toEqual(["endpoint", "unanswered"]);
  });

  test("GIVEN an endpoint that accepts anything WHEN it is saved THEN Discord's bad-signature probe makes the save fail", async () => {
    const careless = await endpoint(reply("hi"), { checkSignatures: false });
    await expect(discord.setInteractionsEndpoints([careless])).rejects.toThrow(/bad signature.*401/);
    expect(discord.interactionsEndpoints).toEqual([]);
  });

  test("GIVEN an endpoint that does not PONG WHEN it is saved THEN the save fails", async () => {
    const server = createServer((_request, response) => response.writeHead(200).end("{}"));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`;
    await expect(discord.setInteractionsEndpoints([url])).rejects.toThrow(/PONG/);
  });

  test("GIVEN the application WHEN read over REST THEN its verify_key is the public key that signs", async () => {
    const app = await fetch(`${discord.apiUrl}/v10/applications/@me`, {
      headers: { authorization: `Bot ${discord.token}` },
    });
    expect(((await app.json()) as { verify_key: string }).verify_key).toBe(discord.publicKey);
  });
});
