/** The callback bridge: discord.js's interaction callback becomes the HTTP response; everything else goes to Discord. */
import { makeURLSearchParams, REST, Routes } from "discord.js";
import { expect, test } from "vitest";
import { type CallbackBody, CallbackBridge } from "../../src/http/callbacks.js";

function setup() {
  const sent: string[] = [];
  const rest = new REST({ api: "http://discord.invalid/api", retries: 0 }).setToken("token");
  rest.options.makeRequest = async (url) => {
    sent.push(url);
    return new Response(JSON.stringify({ id: "1" }), {
      status: 200,
      headers: { "content-type": "application/json" },
    }) as unknown as Awaited<ReturnType<REST["options"]["makeRequest"]>>;
  };
  return { rest, sent, bridge: new CallbackBridge(rest) };
}

test("GIVEN an interaction that came over HTTP WHEN discord.js posts its callback THEN the body goes to the HTTP response and discord.js hears Discord's 204", async () => {
  const { rest, sent, bridge } = setup();
  const delivered: CallbackBody[] = [];
  bridge.expect("42", 2, async (body) => {
    delivered.push(body);
  });
  const answer = await rest.post(Routes.interactionCallback("42", "tok"), {
    body: { type: 4, data: { content: "hi" } },
    auth: false,
    query: makeURLSearchParams({ with_response: false }),
  });
  // What REST makes of Discord's 204: an empty body.
  expect((answer as ArrayBuffer).byteLength).toBe(0);
  expect(delivered.map((d) => [d.contentType, JSON.parse(d.bytes.toString("utf8"))])).toEqual([
    ["application/json", { type: 4, data: { content: "hi" } }],
  ]);
  expect(sent).toEqual([]);
  expect(bridge.pending).toBe(0);
});

test("GIVEN a callback with a file WHEN posted THEN the HTTP response is the same multipart body", async () => {
  const { rest, bridge } = setup();
  let delivered: CallbackBody | undefined;
  bridge.expect("43", 2, async (body) => {
    delivered = body;
  });
  await rest.post(Routes.interactionCallback("43", "tok"), {
    body: { type: 4, data: { attachments: [{ id: "0", filename: "chart.png" }] } },
    files: [{ name: "chart.png", data: Buffer.from("png bytes"), contentType: "image/png" }],
    auth: false,
  });
  expect(delivered?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  const form = await new Response(new Uint8Array(delivered?.bytes ?? []), {
    headers: { "content-type": delivered?.contentType ?? "" },
  }).formData();
  expect(JSON.parse(String(form.get("payload_json")))).toMatchObject({ type: 4 });
  expect(await (form.get("files[0]") as Blob).text()).toBe("png bytes");
});

test("GIVEN with_response WHEN the callback is taken THEN discord.js gets the interaction and the callback type", async () => {
  const { rest, bridge } = setup();
  bridge.expect("44", 3, async () => {});
  const answer = await rest.post(Routes.interactionCallback("44", "tok"), {
    body: { type: 7, data: { content: "updated" } },
    auth: false,
    query: makeURLSearchParams({ with_response: true }),
  });
  expect(answer).toEqual({ interaction: { id: "44", type: 3 }, resource: { type: 7 } });
});

test("GIVEN the HTTP request is gone WHEN the callback comes THEN discord.js gets Discord's Unknown interaction", async () => {
  const { rest, bridge } = setup();
  bridge.expect("45", 2, async () => {
    throw new Error("gone");
  });
  await expect(
    rest.post(Routes.interactionCallback("45", "tok"), { body: { type: 4, data: { content: "late" } }, auth: false }),
  ).rejects.toMatchObject({ code: 10062 });
});

test("GIVEN gateway interactions, withdrawn ones and every other route WHEN requested THEN they go to Discord", async () => {
  const { rest, sent, bridge } = setup();
  const withdraw = bridge.expect("46", 2, async () => {});
  withdraw();
  await rest.post(Routes.interactionCallback("46", "tok"), { body: { type: 4, data: {} }, auth: false });
  await rest.post(Routes.interactionCallback("47", "tok"), { body: { type: 4, data: {} }, auth: false });
  await rest.patch(Routes.webhookMessage("1", "tok", "@original"), { body: { content: "x" }, auth: false });
  expect(sent.map((u) => new URL(u).pathname)).toEqual([
    "/api/v10/interactions/46/tok/callback",
    "/api/v10/interactions/47/tok/callback",
    "/api/v10/webhooks/1/tok/messages/%40original",
  ]);
});
