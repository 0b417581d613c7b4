import { describe, expect, test } from "vitest";
import { pollChartPng } from "../../../src/commands/poll/chart.js";
import { pollIds } from "../../../src/commands/poll/ids.js";
import { pollMessageView, pollResultsView } from "../../../src/commands/poll/view.js";
import { parseCustomOptions } from "../../../src/polls/custom.js";
import { parseDuration, pollDuration } from "../../../src/polls/duration.js";
import { tally } from "../../../src/polls/tally.js";
import { barChartSize } from "../../../src/views/chart.js";
import { safeText } from "../../../src/views/format.js";
import { limits } from "../../../src/views/limits.js";

const poll = (over: Partial<Parameters<typeof pollMessageView>[0]> = {}) => ({
  id: 42,
  question: "Who will win?",
  closesAt: new Date("2030-01-01T00:00:00Z"),
  closedAt: null,
  hideResults: false,
  anonymous: false,
  ...over,
});
const options = (n: number, label = (i: number) => `Couple ${i}`) =>
  Array.from({ length: n }, (_, position) => ({ position, label: label(position) }));

function embedSize(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}) {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

describe("custom poll answers and durations", () => {
  test.each([
    ["Yes | No | Maybe", ["Yes", "No", "Maybe"]],
    ["Red; Blue", ["Red", "Blue"]],
    ["Tango, Waltz, Jive", ["Tango", "Waltz", "Jive"]],
    ["Salsa, with a twist | Rumba", ["Salsa, with a twist", "Rumba"]],
  ])("GIVEN %s WHEN parsed THEN the answers are %j", (text, expected) => {
    expect(parseCustomOptions(text)).toEqual({ ok: true, options: expected });
  });

  test.each([
    ["Only one"],
    [Array.from({ length: 26 }, (_, i) => `A${i}`).join("|")],
    ["Yes | yes"],
    [`${"x".repeat(81)} | No`],
  ])("GIVEN the answers %s WHEN parsed THEN a sentence says what to fix", (text) => {
    const parsed = parseCustomOptions(text);
    expect(parsed.ok).toBe(false);
  });

  test.each([
    ["90s", 90_000],
    ["45m", 2_700_000],
    ["1d12h", 129_600_000],
    ["30", 1_800_000],
    ["soon", null],
  ])("GIVEN %s WHEN read as a duration THEN it is %s ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test("GIVEN a duration under 5 seconds or over 4 weeks WHEN checked THEN it is refused", () => {
    expect(pollDuration("1s", 0).ok).toBe(false);
    expect(pollDuration("5w", 0).ok).toBe(false);
    expect(pollDuration(null, 1000)).toEqual({ ok: true, ms: 1000 });
  });
});

describe("poll message", () => {
  test("GIVEN 4 answers WHEN drawn THEN they are buttons whose ids carry the poll and the answer", () => {
    const view = pollMessageView(poll(), tally(options(4), new Map()));
    const row = view.components[0];
    expect(row?.components).toHaveLength(4);
    const ids = (row?.components ?? []).map((c) => ("custom_id" in c ? c.custom_id : ""));
    expect(ids).toEqual(["pv:42:0", "pv:42:1", "pv:42:2", "pv:42:3"]);
    expect(pollIds.voteButton.decode("pv:42:3")).toEqual([42, 3]);
    expect(pollIds.voteMenu.decode("pv:42:3")).toBeUndefined();
  });

  test("GIVEN a 16-couple cast WHEN drawn THEN it is one select menu with 16 choices within every limit", () => {
    const view = pollMessageView(
      poll(),
      tally(
        options(16, (i) => `Celebrity ${i} & Professional ${i}`),
        new Map([[3, 9]]),
      ),
    );
    expect(view.components).toHaveLength(1);
    const menu = view.components[0]?.components[0] as { custom_id: string; options: unknown[] };
    expect(menu.custom_id).toBe("pv:42");
    expect(menu.options).toHaveLength(16);
    expect(embedSize(view.embeds[0] ?? {})).toBeLessThanOrEqual(limits.embedTotal);
  });

  test("GIVEN hidden results WHEN the open poll is drawn THEN only the number of votes shows", () => {
    const view = pollMessageView(poll({ hideResults: true }), tally(options(3), new Map([[0, 5]])));
    expect(view.embeds[0]?.description).not.toContain("%");
    expect(view.embeds[0]?.footer?.text).toContain("5 votes so far");
  });

  test("GIVEN a closed poll WHEN drawn THEN it says voting is locked (its controls stay, and are refused when clicked)", () => {
    const view = pollMessageView(poll({ closedAt: new Date() }), tally(options(3), new Map()));
    expect(view.components).toHaveLength(1);
    expect(view.embeds[0]?.description).toContain("voting is locked");
  });

  test("GIVEN text that tries to ping or format WHEN made safe THEN mentions are broken and markdown escaped", () => {
    const safe = safeText("@everyone <@123> **bold**\nnext line", 100);
    expect(safe).not.toMatch(/@everyone|<@123>/);
    expect(safe).toContain("\\*\\*bold\\*\\*");
    expect(safe).not.toContain("\n");
  });
});

describe("results", () => {
  test("GIVEN thousands of voters on 25 long answers WHEN the results are drawn THEN the embed fits Discord's limits", async () => {
    const opts = options(25, (i) => `${"Answer ".repeat(11)}${i}`);
    const counts = new Map(opts.map((o) => [o.position, 400]));
    const voters = new Map(
      opts.map((o) => [
        o.position,
        Array.from({ length: 400 }, (_, i) => `${100000000000000000n + BigInt(o.position * 1000 + i)}`),
      ]),
    );
    const view = await pollResultsView({ poll: poll({ closedAt: new Date() }), result: tally(opts, counts), voters });
    const embed = view.embeds[0] ?? {};
    expect(embedSize(embed)).toBeLessThanOrEqual(limits.embedTotal);
    expect(embed.description?.length).toBeLessThanOrEqual(limits.description);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(limits.fieldValue);
    expect(view.files?.[0]?.name).toBe("poll-42.png");
    expect(embed.image?.url).toBe("attachment://poll-42.png");
  });

  test("GIVEN a tally WHEN charted THEN the image is a PNG one bar row per answer high", async () => {
    const png = await pollChartPng(
      "Who goes home?",
      tally(
        options(3),
        new Map([
          [0, 2],
          [1, 1],
        ]),
      ),
    );
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(barChartSize(3).width);
    expect(png.readUInt32BE(20)).toBe(barChartSize(3).height);
  });
});
