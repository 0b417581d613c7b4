import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { polls, pollVotes } from "../../src/db/schema/index.js";
import { type InteractionRecord, LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";
import { engine } from "../support/database.js";
import {
  type BotChild,
  buildOnce,
  type ProcessDatabase,
  seededProcessDatabase,
  spawnBot,
  stopBot,
} from "../support/process.js";

/**
 * Nothing lost at speed: the bot process is killed with SIGKILL in the middle of a vote storm, started again on the
 * same database, and every vote whose member got a receipt must be counted, with the answer they picked; the only
 * other votes stored may be clicks that were on their way when the process died (committed, receipt not yet sent).
 */
let discord: LocalDiscord;
let guild: LocalGuild;
let database: ProcessDatabase;
let bot: BotChild | undefined;

beforeAll(async () => {
  buildOnce();
  discord = await LocalDiscord.start();
  guild = discord.addGuild({ name: "Kill Switch" });
  database = await seededProcessDatabase();
});

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill("SIGKILL");
  await discord?.stop();
  await database?.drop();
});

const member = (i: number) => ({ id: String(610000000000000000n + BigInt(i)), username: `voter${i}` });
const isReceipt = (record: InteractionRecord) => {
  const first = record.initialResponse;
  const content = (first?.data as { content?: string; flags?: number } | undefined)?.content ?? "";
  // The private receipt (src/views/poll.ts voteReceiptView): "Your pick: **…**" or "Vote changed. Your pick: …".
  return first?.type === 4 && /^(Vote changed\. )?Your pick: /.test(content);
};

describe(`SIGKILL in a vote storm (${engine})`, () => {
  test("GIVEN a poll with votes pouring in WHEN the bot is killed and started again THEN every receipted vote is counted and nothing else", async () => {
    const env = { ...database.env, DEV_GUILD_ID: guild.id };
    bot = await spawnBot(discord, env);
    await discord.waitForCommands(["poll"], { guildId: guild.id, timeoutMs: 60_000 });
    const create = await discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Best dance of the night?", options: "Tango | Waltz | Jive", closes: "2h" },
      user: guild.ownerId,
      target: bot.sessions,
    });
    await create.settled({ timeoutMs: 30_000 });
    const message = discord.channelMessages(guild.defaultChannelId).at(-1);
    const buttons = (message?.components?.[0] as { components?: { custom_id: string }[] } | undefined)?.components;
    if (!message || !buttons?.length) throw new Error(`no poll message: ${create.finalMessage()?.content}`);

    // The storm: 40 members clicking at a time until the process dies under them.
    const clicks = new Map<string, { position: number; record: InteractionRecord }>();
    const target = bot.sessions;
    let next = 0;
    let dead = false;
    const storm = async () => {
      while (!dead && next < 5000) {
        const i = next++;
        const position = i % buttons.length;
        const user = member(i);
        try {
          const record = await discord.click({
            message: message.id,
            customId: buttons[position]?.custom_id ?? "",
            user,
            target,
          });
          clicks.set(user.id, { position, record });
          await record.firstResponse().catch(() => {});
        } catch {
          return; // no session left to send to: the process is gone
        }
      }
    };
    const workers = Array.from({ length: 40 }, storm);
    // Kill once a good number of receipts went out, with plenty of clicks still in flight.
    const deadline = Date.now() + 120_000;
    while ([...clicks.values()].filter((c) => isReceipt(c.record)).length < 150) {
      if (Date.now() > deadline) throw new Error(`too few receipts before the kill:\n${bot.output()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    bot.child.kill("SIGKILL");
    dead = true;
    await bot.exited;
    await Promise.all(workers);
    // Whatever was on its way has had Discord's 3 s by now: nothing more can arrive from the dead process.
    await Promise.all([...clicks.values()].map((c) => c.record.firstResponse().catch(() => {})));
    const receipted = new Map(
      [...clicks.entries()].filter(([, c]) => isReceipt(c.record)).map(([user, c]) => [user, c.position]),
    );
    expect(receipted.size).toBeGreaterThanOrEqual(150);

    // Started again on the same database: it serves, and a new vote is stored and receipted.
    bot = await spawnBot(discord, env);
    const after = member(9999);
    const late = await discord.click({
      message: message.id,
      customId: buttons[0]?.custom_id ?? "",
      user: after,
      target: bot.sessions,
    });
    await late.firstResponse();
    expect(isReceipt(late)).toBe(true);
    await stopBot(bot);

    const handle = await database.open();
    try {
      const pollId = Number(/^\w+:(\d+)/.exec(buttons[0]?.custom_id ?? "")?.[1]);
      const [poll] = await handle.db.select().from(polls).where(eq(polls.id, pollId));
      expect(poll?.closedAt).toBeNull();
      const stored = new Map(
        (await handle.db.select().from(pollVotes).where(eq(pollVotes.pollId, pollId))).map((v) => [
          v.userId,
          v.position,
        ]),
      );
      // Every receipt is a counted vote, with the answer the member picked.
      for (const [user, position] of receipted) expect(stored.get(user), `vote of ${user}`).toBe(position);
      // Nothing else: each other stored vote is a click made before the kill (or the late one), with its own answer.
      for (const [user, position] of stored) {
        if (receipted.has(user)) continue;
        if (user === after.id) {
          expect(position).toBe(0);
          continue;
        }
        const click = clicks.get(user);
        expect(click, `stored vote of ${user}, who never clicked`).toBeDefined();
        expect(isReceipt(click?.record as InteractionRecord)).toBe(false);
        expect(position).toBe(click?.position);
      }
      expect(stored.size).toBeLessThanOrEqual(clicks.size + 1);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
