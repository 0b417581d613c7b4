/** The interactions endpoint's own rules: signatures, replays, sizes, PING, health. */
import { InteractionResponseType, InteractionType } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";

let t: TestBot;
let url: string;
beforeAll(async () => {
  t = await startTestBot({ transport: "http", workers: 1 });
  url = t.bot.interactions?.url ?? "";
});
afterAll(async () => t?.stop());

const ping = JSON.stringify({ id: "1", application_id: "1", type: InteractionType.Ping, token: "t", version: 1 });

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe(`POST /interactions (${engine})`, () => {
  test("GIVEN a signed PING WHEN posted THEN the answer is a PONG", async () => {
    const answer = await post(ping, t.discord.signatureHeaders(ping));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ type: InteractionResponseType.Pong });
  });

  test.each([
    ["no signature headers", () => ({})],
    ["a signature of other bytes", () => t.discord.signatureHeaders(`${ping} `)],
    [
      "a signature that is not hex",
      () => ({ ...t.discord.signatureHeaders(ping), "x-signature-ed25519": "zz".repeat(64) }),
    ],
    [
      "a timestamp other than the signed one",
      () => {
        const signed = t.discord.signatureHeaders(ping);
        return { ...signed, "x-signature-timestamp": String(Number(signed["x-signature-timestamp"]) - 1) };
      },
    ],
    ["a correctly signed request ten minutes old (a replay)", () => t.discord.signatureHeaders(ping, nowS() - 600)],
    ["a correctly signed request from ten minutes ahead", () => t.discord.signatureHeaders(ping, nowS() + 600)],
  ])("GIVEN %s WHEN posted THEN it is refused with 401", async (_, headers) => {
    const answer = await post(ping, headers());
    expect(answer.status).toBe(401);
  });

  test("GIVEN a signed body that is not JSON WHEN posted THEN 400", async () => {
    const body = "{not json";
    expect((await post(body, t.discord.signatureHeaders(body))).status).toBe(400);
  });

  test("GIVEN a signed body over 1 MB WHEN posted THEN 400, before any signature work", async () => {
    const body = JSON.stringify({ type: 1, padding: "x".repeat(1024 * 1024) });
    expect((await post(body, t.discord.signatureHeaders(body))).status).toBe(400);
    expect((await post(body, {})).status).toBe(400);
  });

  test("GIVEN a signed JSON body that is no interaction WHEN posted THEN 400", async () => {
    const body = JSON.stringify({ hello: "world" });
    expect((await post(body, t.discord.signatureHeaders(body))).status).toBe(400);
  });

  test("GIVEN Discord's validation probes WHEN the local Discord sends them THEN the PING is answered and the bad signature refused", async () => {
    const result = await t.discord.validateInteractionsEndpoint(url);
    expect(result.ping).toEqual({ status: 200, body: { type: 1 } });
    expect(result.badSignature.status).toBe(401);
  });

  test("GIVEN other paths and methods WHEN requested THEN 404 and 405; GET /healthz is 200", async () => {
    const base = url.replace(/\/interactions$/, "");
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
  });

  test("GIVEN a draining worker WHEN the load balancer checks it THEN /healthz says 503 and interactions in flight are still answered", async () => {
    const base = url.replace(/\/interactions$/, "");
    const ix = await t.discord.slash({ name: "season", options: { number: 32 } });
    t.bot.interactions?.drain();
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    await ix.settled();
    expect(ix.finalMessage()?.embeds?.[0]?.title).toBe("Season 32");
    t.discord.assertNoViolations();
  });
});

function nowS(): number {
  return Math.floor(Date.now() / 1000);
}
