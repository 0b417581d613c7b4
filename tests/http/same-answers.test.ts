/**
 * One code path: the same interactions sent to one bot process over the gateway and over HTTP get the same first
 * response (type, data, files byte for byte) and the same final message. No command knows how an interaction came.
 */
import type { APIButtonComponentWithCustomId, APIStringSelectComponent } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InteractionRecord, MessageView } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { replyOf } from "../support/replies.js";

const ownerId = "900000000000000007";
const owner = { id: ownerId, username: "owner" };
const fan = (i: number) => ({ id: String(930000000000000000n + BigInt(i)), username: `fan${i}` });
type Via = "gateway" | "http";

let t: TestBot;
beforeAll(async () => {
  // One process with both doors open: its gateway session, and its interactions endpoint.
  t = await startTestBot({ transport: "http", adminGuild: true, env: { GATEWAY: "on", BOT_OWNER_IDS: ownerId } });
});
afterAll(async () => t?.stop());

/**
 * What the member got, without what differs by nature between two interactions (ids, urls) or by timing (on busy
 * cores either one may be deferred first: then what counts is the edit that filled the deferral).
 */
function answer(ix: InteractionRecord) {
  const first = ix.initialResponse;
  const deferred = first?.type === 5 || first?.type === 6;
  const filled = ix.responses.find((r) => (r.kind === "edit-original" || r.kind === "follow-up") && r.status < 300);
  const shown = {
    kind: first && (deferred ? (first.type === 5 ? "reply" : "update") : first.type === 4 ? "reply" : first.type),
    ephemeral: (((first?.data as { flags?: number } | undefined)?.flags ?? 0) & 64) !== 0,
    body: deferred ? filled?.body : first?.data,
    files: (deferred ? (filled?.files ?? []) : (first?.files ?? [])).map(file),
    refused: ix.responses.filter((r) => r.status >= 400).length,
    final: strip(ix.finalMessage()),
  };
  // An uploaded file's CDN address carries its own new attachment id.
  return JSON.parse(JSON.stringify(shown).replace(/\/attachments\/(\d+)\/\d+\//g, "/attachments/$1/<id>/"));
}
const file = (f: { filename: string; bytes: Buffer }) => ({ filename: f.filename, bytes: f.bytes.toString("base64") });
function strip(message: MessageView | undefined) {
  if (!message) return undefined;
  const { content, embeds, components, flags } = message;
  return { content, embeds, components, flags };
}

const buttons = (m: MessageView | undefined) =>
  (m?.components ?? []).flatMap((row) =>
    "components" in row ? (row.components as APIButtonComponentWithCustomId[]) : [],
  );

async function both(run: (via: Via) => Promise<InteractionRecord>, { warm = true } = {}) {
  // Warm: the first of a kind may load a module or fill a cache, which is not what is compared.
  if (warm) await (await run("gateway")).settled({ idleMs: 100 });
  const overGateway = await (await run("gateway")).settled({ idleMs: 100 });
  const overHttp = await (await run("http")).settled({ idleMs: 100 });
  expect(overHttp.initialResponse).toBeDefined();
  expect(answer(overHttp)).toEqual(answer(overGateway));
  t.discord.assertNoViolations();
  return { overGateway, overHttp };
}

describe(`the same answer over the gateway and over HTTP (${engine})`, () => {
  test("GIVEN /leaderboard WHEN sent both ways THEN the same reply", async () => {
    await both((via) => t.discord.slash({ name: "leaderboard", options: { season: 32, week: 11 }, via }));
  });

  test("GIVEN /couple with its chart WHEN sent both ways THEN the same reply and the same PNG bytes", async () => {
    const { overHttp } = await both((via) =>
      t.discord.slash({ name: "couple", options: { name: "Xochitl Gomez" }, via }),
    );
    const files = [...(overHttp.initialResponse?.files ?? []), ...overHttp.responses.flatMap((r) => r.files)];
    expect(files.length).toBeGreaterThan(0);
  });

  test("GIVEN a week button WHEN pressed both ways on a leaderboard each THEN the same update", async () => {
    const boards: Record<Via, MessageView | undefined> = { gateway: undefined, http: undefined };
    for (const via of ["gateway", "http"] as const) {
      const ix = await t.discord.slash({ name: "leaderboard", options: { season: 32, week: 11 }, via });
      boards[via] = (await ix.settled()).finalMessage();
    }
    await both(
      (via) => {
        const board = boards[via];
        const week10 = buttons(board).find((b) => /Week 10/.test(b.label ?? ""));
        if (!board || !week10) throw new Error("no Week 10 button");
        return t.discord.click({ message: board.id, customId: week10.custom_id, via });
      },
      { warm: false },
    );
  });

  test("GIVEN autocomplete WHEN typed both ways THEN the same choices", async () => {
    await both(async (via) => {
      const result = await t.discord.autocomplete({ name: "couple", options: { name: "xoch" }, focused: "name", via });
      return result.interaction;
    });
  });

  test("GIVEN a poll WHEN two members vote, one each way THEN the same private receipt", async () => {
    const ix = await t.discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Both doors?", options: "Yes | No", closes: "1h" },
      user: t.guild.ownerId,
      via: "http",
    });
    await ix.settled();
    const poll = t.discord.channelMessages(t.guild.defaultChannelId).at(-1);
    const yes = buttons(poll)[0];
    if (!poll || !yes) throw new Error("the poll was not posted");
    let voter = 0;
    await both((via) => t.discord.click({ message: poll.id, customId: yes.custom_id, user: fan(voter++), via }));
    const menu = await t.discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Menu both doors?", options: "A | B | C | D | E | F", closes: "1h" },
      user: t.guild.ownerId,
      via: "gateway",
    });
    await menu.settled();
    const withMenu = t.discord.channelMessages(t.guild.defaultChannelId).at(-1);
    const select = (withMenu?.components?.[0] as { components?: APIStringSelectComponent[] } | undefined)
      ?.components?.[0];
    if (!withMenu || select?.type !== 3) throw new Error("the poll has no menu");
    await both((via) =>
      t.discord.select({
        message: withMenu.id,
        customId: select.custom_id,
        values: [select.options[1]?.value ?? ""],
        user: fan(voter++),
        via,
      }),
    );
  });

  test("GIVEN an owner's form WHEN opened both ways THEN the same modal; submitted over HTTP THEN the owner gets the change", async () => {
    const { overHttp } = await both((via) =>
      t.discord.slash({
        name: "admin",
        subcommand: "season",
        options: { season: 36 },
        user: owner,
        guildId: t.adminGuild?.id,
        via,
      }),
    );
    const submitted = await t.discord.submitModal({
      customId: "adm:s:36",
      fields: { premiere: "2027-09-14", hosts: "Julianne Hough", judges: "Carrie Ann Inaba, Derek Hough", title: "" },
      user: owner,
      from: overHttp,
      via: "http",
    });
    await submitted.settled();
    const reply = replyOf(submitted);
    expect(reply?.embeds?.[0]?.title ?? reply?.content).toMatch(/36/);
    t.discord.assertNoViolations();
  });

  test("GIVEN a mistake WHEN made both ways THEN the same private sentence", async () => {
    await both((via) => t.discord.slash({ name: "leaderboard", options: { season: 32, week: 19 }, via }));
  });
});
