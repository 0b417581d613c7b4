import { describe, expect, it } from "vitest";
import { ATTACHMENT_SIZE_LIMIT, parseRawBody } from "../../tools/local-discord/body.js";
import { DiscordHttpError } from "../../tools/local-discord/errors.js";

/** The bytes and content type a client sends for this form, encoded by node's own FormData. */
async function encode(form: FormData): Promise<{ raw: Buffer; contentType: string }> {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { raw: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "" };
}

async function refusal(raw: Buffer, contentType: string): Promise<DiscordHttpError> {
  const error = await parseRawBody(raw, contentType).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiscordHttpError);
  return error as DiscordHttpError;
}

describe("the local Discord's request bodies", () => {
  it("GIVEN a multipart message with two files WHEN parsed THEN payload_json is the JSON and each files[n] keeps its bytes, name and type", async () => {
    const form = new FormData();
    form.append("payload_json", JSON.stringify({ content: "Week 3", attachments: [{ id: 0 }, { id: 1 }] }));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    form.append("files[0]", new Blob([png], { type: "image/png" }), "chart.png");
    form.append("files[1]", new Blob(["season,week\n32,3\n"], { type: "text/csv" }), "scores.csv");
    form.append("ignored", "a field Discord does not read");
    const { raw, contentType } = await encode(form);

    const body = await parseRawBody(raw, contentType);

    expect(body.multipart).toBe(true);
    expect(body.json).toEqual({ content: "Week 3", attachments: [{ id: 0 }, { id: 1 }] });
    expect(body.files.map((f) => [f.field, f.index, f.filename, f.contentType])).toEqual([
      ["files[0]", 0, "chart.png", "image/png"],
      ["files[1]", 1, "scores.csv", "text/csv"],
    ]);
    expect(body.files[0]?.bytes.equals(png)).toBe(true);
    expect(body.files[1]?.bytes.toString("utf8")).toBe("season,week\n32,3\n");
  });

  it("GIVEN a file over Discord's upload limit WHEN parsed THEN it is refused with 413 and code 40005", async () => {
    const form = new FormData();
    form.append("payload_json", "{}");
    form.append("files[0]", new Blob([Buffer.alloc(ATTACHMENT_SIZE_LIMIT + 1)]), "huge.bin");
    const { raw, contentType } = await encode(form);

    const error = await refusal(raw, contentType);

    expect([error.status, error.body.code]).toEqual([413, 40005]);
  });

  it("GIVEN a multipart body with no boundary or a broken payload_json WHEN parsed THEN it is a 400 form error, not a crash", async () => {
    const noBoundary = await refusal(Buffer.from("whatever"), "multipart/form-data");
    expect([noBoundary.status, noBoundary.body.code]).toEqual([400, 50035]);

    const form = new FormData();
    form.append("payload_json", "{not json");
    const { raw, contentType } = await encode(form);
    const broken = await refusal(raw, contentType);
    expect(broken.status).toBe(400);
  });

  it("GIVEN JSON or an empty body WHEN parsed THEN it is that JSON, or null", async () => {
    expect(await parseRawBody(Buffer.from('{"a":1}'), "application/json")).toEqual({
      json: { a: 1 },
      files: [],
      multipart: false,
    });
    expect((await parseRawBody(Buffer.alloc(0), "")).json).toBeNull();
  });
});
