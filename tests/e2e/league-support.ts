import type { APIMessage } from "discord.js";
import { eq, sql } from "drizzle-orm";
import { leaguePicks, leagues } from "../../src/db/schema/index.js";
import type { InteractionRecord } from "../../tools/local-discord/index.js";
import type { TestBot } from "../support/bot.js";

/** Helpers shared by the league's end-to-end files: members, the league message and its controls. */
export const member = (i: number) => ({ id: String(920000000000000000n + BigInt(i)), username: `dancer${i}` });
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Waits until the member has their answer: after a deferral (a busy machine) the edit or follow-up that fills it,
 * then until the bot is quiet. `settled()` alone can return between a deferral and its edit.
 */
export async function done<T extends InteractionRecord | undefined>(ix: T): Promise<T> {
  if (!ix) return ix;
  await ix.answered().catch(() => undefined);
  await ix.settled();
  return ix;
}

/** What the member reads: a private sentence sent after a deferral (busy machine), else the response itself. */
export const text = (ix: InteractionRecord) => ix.followUps.at(-1)?.content ?? ix.finalMessage()?.content ?? "";

type Component = {
  custom_id?: string;
  type: number;
  options?: { label: string; value: string; description?: string }[];
};
type Row = { components: Component[] };

export function controlsOf(message: APIMessage | undefined): Component[] {
  return ((message?.components ?? []) as unknown as Row[]).flatMap((r) => r.components);
}

export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export class LeagueDriver {
  constructor(
    readonly t: TestBot,
    readonly leagueId: number,
    readonly messageId: string,
  ) {}

  /** The owner of the test server (Manage Server) creates a league; its message is the channel's newest. */
  static async create(t: TestBot, options: Record<string, string | number>): Promise<LeagueDriver> {
    const before = t.discord.channelMessages(t.guild.defaultChannelId).length;
    const ix = await t.discord.slash({ name: "league", subcommand: "create", options, user: t.guild.ownerId });
    await done(ix);
    const message = t.discord.channelMessages(t.guild.defaultChannelId)[before];
    const id = Number(/league #(\d+)/.exec(message?.embeds[0]?.footer?.text ?? "")?.[1]);
    if (!message || !id) throw new Error(`no league message: ${text(ix)}`);
    return new LeagueDriver(t, id, message.id);
  }

  message() {
    return this.t.discord.message(this.messageId);
  }

  control(kind: string): Component {
    const found = controlsOf(this.message()).find((c) => c.custom_id?.startsWith(`lg:${kind}:`));
    if (!found) throw new Error(`no ${kind} control on the league message`);
    return found;
  }

  async row() {
    const [row] = await this.t.database.db.select().from(leagues).where(eq(leagues.id, this.leagueId));
    if (!row) throw new Error("league gone");
    return row;
  }

  picks() {
    return this.t.database.db
      .select()
      .from(leaguePicks)
      .where(eq(leaguePicks.leagueId, this.leagueId))
      .orderBy(leaguePicks.turn);
  }

  async click(kind: string, user: { id: string; username: string } | string): Promise<InteractionRecord> {
    const ix = await this.t.discord.click({
      message: this.messageId,
      customId: this.control(kind).custom_id ?? "",
      user,
    });
    await done(ix);
    return ix;
  }

  /** Picks the couple whose label starts with `celebrity` from the menu as it is now. */
  async pick(user: { id: string; username: string }, celebrity?: string): Promise<InteractionRecord> {
    const menu = this.control("pick");
    const option = celebrity ? menu.options?.find((o) => o.label.startsWith(celebrity)) : menu.options?.[0];
    if (!option) throw new Error(`${celebrity} is not in the menu`);
    const ix = await this.t.discord.select({
      message: this.messageId,
      customId: menu.custom_id ?? "",
      values: [option.value],
      user,
    });
    await done(ix);
    return ix;
  }

  /** Waits until the league is on `turn` in the database and its message shows that turn's menu. */
  async waitForTurn(turn: number): Promise<void> {
    await waitFor(`turn ${turn}`, async () => ((await this.row()).turn === turn ? true : undefined));
    await waitFor(`the message on turn ${turn}`, () =>
      controlsOf(this.message()).some((c) => c.custom_id === `lg:pick:${this.leagueId}:${turn}`) ? true : undefined,
    );
  }

  /** The clock of the team on it runs out now (as if `pick-seconds` had passed). */
  async expireClock(): Promise<void> {
    await this.t.database.db
      .update(leagues)
      .set({ clockEndsAt: sql`now() - interval '1 second'` })
      .where(eq(leagues.id, this.leagueId));
  }

  async slash(
    subcommand: string,
    options: Record<string, string | number | boolean>,
    user: { id: string; username: string } | string,
  ) {
    const ix = await this.t.discord.slash({
      name: "league",
      subcommand,
      options: { league: this.leagueId, ...options },
      user,
    });
    await done(ix);
    return ix;
  }
}
