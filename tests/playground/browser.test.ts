import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, FileChooser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { ids, type Playground, startPlayground } from "../../tools/playground/index.js";
import { silentLogger } from "../support/bot.js";
import { artifactsDir, browserTestsSkipped, launchChromium, screenshot, skippedBrowserTestsLine } from "./chromium.js";
import { playgroundDatabase } from "./database.js";

// Outside CI, a machine without Chromium skips this file, and says so once.
if (browserTestsSkipped) process.stderr.write(`${skippedBrowserTestsLine}\n`);
const inChromium = describe.skipIf(browserTestsSkipped);

/**
 * The playground's clock starts here, whenever the suite runs: Wednesday 9 December 2026, 17:00 UTC (noon in New
 * York); the page shows times on it. Fast-forwards and the weekly schedule below land on the same days and hours on
 * every run.
 */
const startsAt = new Date("2026-12-09T17:00:00Z");

// The whole playground in a real browser: the page, the real bot, the local Discord and a seeded database.
let database: DatabaseHandle;
let playground: Playground;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  database = await playgroundDatabase();
  playground = await startPlayground({
    logger: silentLogger,
    port: 0,
    database,
    env: { LOG_LEVEL: "silent" },
    clockStartsAt: startsAt,
  });
  // The viewer's own zone: <t:…> timestamps are shown in it.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: "America/New_York" });
  page = await open("Ava");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await database?.close();
});

const memberId = { Ava: ids.ava, Ben: ids.ben, Morgan: ids.morgan, Olive: ids.olive } as const;

/** A tab acting as a member, on a channel (default #general), loaded. */
async function open(member: keyof typeof memberId, channel: string = ids.general): Promise<Page> {
  const tab = await context.newPage();
  tab.on("pageerror", (error) => {
    throw error;
  });
  await tab.goto(`${playground.url}?member=${memberId[member]}&channel=${channel}`);
  await tab.waitForSelector(`body[data-member="${memberId[member]}"][data-channel="${channel}"]`);
  return tab;
}

async function switchTo(tab: Page, member: keyof typeof memberId): Promise<void> {
  await tab.selectOption("#member-switcher", memberId[member]);
  await tab.waitForSelector(`body[data-member="${memberId[member]}"]`);
}

/** Types a line in the composer as a member would, key by key, and presses Enter. */
async function typeCommand(tab: Page, line: string): Promise<void> {
  await tab.click("#composer-input");
  await tab.keyboard.type(line, { delay: 5 });
  await tab.keyboard.press("Enter");
}

/** Polls a reading of the page until the assertion holds (the bot answers asynchronously, on busy machines). */
const eventually = <T>(read: () => Promise<T>, timeout = 60_000) => expect.poll(read, { timeout, interval: 100 });
const text = (locator: Locator) => () =>
  locator
    .first()
    .textContent({ timeout: 1000 })
    .catch(() => "");
const count = (locator: Locator) => () => locator.count();
/** An image's width once loaded (0 until then). */
const imageWidth = (locator: Locator) => () =>
  locator
    .first()
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0), undefined, { timeout: 1000 })
    .catch(() => 0);

/** The messages whose embed title contains `title`. */
const byTitle = (tab: Page, title: string | RegExp) =>
  tab.locator("article.message").filter({ has: tab.locator(".embed-title", { hasText: title }) });

inChromium(`the playground in Chromium (embedded database)`, { timeout: 120_000 }, () => {
  test("GIVEN the page WHEN / is typed THEN the commands the bot registered are listed, with descriptions", async () => {
    await page.click("#composer-input");
    await page.keyboard.type("/");
    const registered = playground.session.discord.visibleCommands(ids.fans, ids.ava).map((c) => `/${c.name}`);
    await page.locator(".suggestion-name").first().waitFor();
    expect(await page.locator(".suggestion-name").allTextContents()).toEqual(registered);
    // A fan does not see the Manage Server commands, nor /admin (registered in the owners' server only).
    expect(registered).not.toContain("/settings");
    expect(registered).not.toContain("/admin");
    await page.keyboard.type("leaderboard ");
    await eventually(text(page.locator(".suggestion-name"))).toBe("season");
    await screenshot(page, "01-slash-options");
    await page.fill("#composer-input", "");
  });

  test("GIVEN /leaderboard season:32 week:11 typed WHEN Enter THEN the finale's standings show", async () => {
    await typeCommand(page, "/leaderboard season:32 week:11");
    const reply = byTitle(page, "Season 32 · Week 11");
    await eventually(count(reply)).toBe(1);
    // The whole cast ranked in the description; the first field holds the winner's dances.
    expect(await reply.locator(".embed-description").textContent()).toContain(
      "🥇 1. Xochitl Gomez & Val Chmerkovskiy — 120 (week 10 60/60 + this week 60/60)",
    );
    expect(await reply.locator(".embed-field-name").first().textContent()).toBe(
      "🥇 1. Xochitl Gomez & Val Chmerkovskiy",
    );
    expect(await reply.locator(".reply-context").textContent()).toContain("Ava used /leaderboard");
    // Markdown is rendered, not shown raw.
    expect(await reply.locator(".embed-description strong").nth(1).textContent()).toBe("120");
    await screenshot(page, "02-leaderboard-finale");
  });

  test("GIVEN the finale WHEN ◀ Week 10 is clicked THEN the same message turns to week 10 in place", async () => {
    const before = await page.locator("article.message").count();
    const reply = byTitle(page, "Season 32 · Week 11");
    await reply.locator("button.button", { hasText: "Week 10" }).click();
    await eventually(count(byTitle(page, "Season 32 · Week 10"))).toBe(1);
    expect(await byTitle(page, "Season 32 · Week 11").count()).toBe(0);
    expect(await page.locator("article.message").count()).toBe(before);
    // The finale's "next week" button is disabled in Discord's way; week 10 can go forward again.
    expect(
      await byTitle(page, "Season 32 · Week 10").locator("button.button", { hasText: "Week 11" }).isEnabled(),
    ).toBe(true);
    await screenshot(page, "03-leaderboard-week-10");
  });

  test("GIVEN /couple name: typed WHEN the bot's autocomplete is picked THEN the couple and their chart show", async () => {
    await page.click("#composer-input");
    await page.keyboard.type("/couple name:xochitl", { delay: 5 });
    const choice = page.locator(".suggestion-name", { hasText: "Xochitl Gomez" }).first();
    await choice.waitFor({ timeout: 60_000 });
    await screenshot(page, "04-couple-autocomplete");
    await page.keyboard.press("Enter"); // picks the highlighted choice, as in Discord
    expect(await page.inputValue("#composer-input")).toMatch(/^\/couple name:Xochitl Gomez.* $/);
    await page.keyboard.press("Enter"); // sends
    const reply = byTitle(page, /Xochitl Gomez/);
    await eventually(count(reply)).toBe(1);
    const chart = reply.locator("img.embed-image, img.attachment-image").first();
    await eventually(imageWidth(chart)).toBeGreaterThan(100);
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, "05-couple-chart");
  });

  test("GIVEN an out-of-range week WHEN Enter THEN the composer says so and nothing is sent", async () => {
    const commands = () => playground.session.discord.interactions.filter((i) => i.kind === "command").length;
    const sent = commands();
    await typeCommand(page, "/leaderboard season:32 week:40");
    await eventually(text(page.locator("#composer-error"))).toBe("week: the value must be between 1 and 20.");
    expect(commands()).toBe(sent);
    await page.fill("#composer-input", "");
  });

  test("GIVEN a poll WHEN two members vote and the clock is fast-forwarded THEN both tabs see the tally, then the results and chart", async () => {
    // Morgan moderates: Manage Server lets her create polls.
    await switchTo(page, "Morgan");
    await typeCommand(page, "/poll custom question:Best dance tonight? options:Tango | Waltz | Jive closes:2h");
    const poll = byTitle(page, "Best dance tonight?");
    await eventually(count(poll)).toBe(1);
    expect(await poll.locator(".timestamp").first().textContent()).toBe("in 2 hours");

    await switchTo(page, "Ava");
    const ben = await open("Ben");
    await page
      .locator("article.message", { has: page.locator(".embed-title", { hasText: "Best dance" }) })
      .locator("button", { hasText: "1. Tango" })
      .click();
    const receipt = page.locator("article.message.ephemeral", { hasText: "Your pick: Tango" });
    await receipt.waitFor({ timeout: 60_000 });
    expect(await receipt.locator(".ephemeral-note").textContent()).toContain("Only you can see this");
    await byTitle(ben, "Best dance tonight?").locator("button", { hasText: "2. Waltz" }).click();
    await ben.locator("article.message.ephemeral", { hasText: "Your pick: Waltz" }).waitFor({ timeout: 60_000 });
    // Each receipt is its member's alone.
    expect(await ben.locator("article.message", { hasText: "Your pick: Tango" }).count()).toBe(0);
    expect(await page.locator("article.message", { hasText: "Your pick: Waltz" }).count()).toBe(0);
    // The live tally is an edit of the poll message, seen by both tabs.
    for (const tab of [page, ben]) {
      await eventually(text(byTitle(tab, "Best dance tonight?").locator(".embed-footer"))).toContain("2 votes");
    }
    await screenshot(page, "06-poll-votes-ava");
    await screenshot(ben, "07-poll-votes-ben");

    await page.click("[data-forward='3600000']");
    await eventually(text(byTitle(page, "Best dance tonight?").locator(".timestamp"))).toMatch(
      /in (1 hour|59 minutes)/,
    );
    await page.click("[data-forward='next']");
    for (const tab of [page, ben]) {
      const results = byTitle(tab, "Results: Best dance tonight?");
      await eventually(count(results)).toBe(1);
      expect(await results.locator(".embed-description").textContent()).toContain("A tie between Tango, Waltz");
      // Voters are mentions, shown as names.
      await eventually(text(results)).toContain("@Ava");
      expect(await results.textContent()).not.toMatch(/<@\d/);
      await eventually(imageWidth(results.locator("img.embed-image"))).toBeGreaterThan(100);
      await eventually(text(byTitle(tab, /^📊 Best dance tonight/).locator(".embed-description"))).toContain("Closed");
    }
    await byTitle(page, "Results: Best dance tonight?").locator("img.embed-image").scrollIntoViewIfNeeded();
    await screenshot(page, "08-poll-results");
    await ben.close();
  });

  test("GIVEN a poll of six answers WHEN a member picks from its menu and a moderator closes it THEN the vote counts in the results", async () => {
    await switchTo(page, "Morgan");
    await typeCommand(page, "/poll custom question:Best pro? options:Val | Jenna | Witney | Mark | Daniella | Sasha");
    const poll = byTitle(page, "Best pro?");
    await eventually(count(poll)).toBe(1);
    await switchTo(page, "Ben");
    await poll.locator(".select-face").click();
    await poll.locator(".select-option", { hasText: "5. Daniella" }).click();
    await page.locator("article.message.ephemeral", { hasText: "Your pick: Daniella" }).waitFor({ timeout: 60_000 });
    await eventually(text(poll.locator(".embed-footer"))).toContain("1 vote");
    await screenshot(page, "09-poll-menu");
    // The moderator closes it by hand: its results go up at once.
    await switchTo(page, "Morgan");
    await typeCommand(page, "/poll close");
    await page.keyboard.press("Enter"); // the first Enter picked the subcommand; this one sends
    await eventually(count(byTitle(page, "Results: Best pro?"))).toBe(1);
    expect(await text(byTitle(page, "Results: Best pro?").locator(".embed-description"))()).toContain(
      "Top pick: Daniella",
    );
  });

  test("GIVEN /poll schedule WHEN its channel and day are picked from the lists THEN the weekly polls are scheduled and the clock shows them next", async () => {
    await switchTo(page, "Morgan");
    await page.click("#composer-input");
    await page.keyboard.type("/poll schedule channel:#show", { delay: 5 });
    await page.locator(".suggestion-name", { hasText: "#show-night" }).waitFor();
    await page.keyboard.press("Enter"); // picks the channel
    await page.keyboard.type("day:tue", { delay: 5 });
    await page.locator(".suggestion-name", { hasText: "Tuesday" }).waitFor();
    await page.keyboard.press("Enter"); // picks the day
    await page.keyboard.type("time:20:00 timezone:UTC hours-before:24", { delay: 5 });
    expect(await page.inputValue("#composer-input")).toBe(
      "/poll schedule channel:#show-night day:Tuesday time:20:00 timezone:UTC hours-before:24",
    );
    await page.keyboard.press("Enter");
    const reply = page.locator("article.message.ephemeral", { hasText: "Weekly polls in" });
    await reply.waitFor({ timeout: 60_000 });
    // The channel is a mention, shown by name.
    expect(await reply.textContent()).toContain("Weekly polls in #show-night: every Tuesday at 20:00 (UTC)");
    // Wednesday afternoon (the clock started on Wednesday, moved on two hours above): no poll is open, and the polls of
    // Tuesday's show go up 24 hours before it, on Monday at 20:00 UTC, 3 pm in New York.
    await eventually(text(page.locator("#clock-next"))).toBe("Next: the weekly polls are posted, Mon 3:00 PM");
    await screenshot(page, "10-poll-schedule");
  });

  test("GIVEN the bot owner in the admin server WHEN /admin season opens its form and it is submitted THEN the season is created, exported and imported back as a file", async () => {
    await switchTo(page, "Olive");
    await page.locator(".server-icon", { hasText: "MO" }).click();
    await page.waitForSelector(`body[data-channel="${ids.admin}"]`);
    await typeCommand(page, "/admin season season:36");
    const modal = page.locator("#modal");
    await eventually(text(modal.locator("h2"))).toBe("New season 36");
    await modal.locator("input[name='premiere']").fill("2026-09-15");
    await modal.locator("input[name='hosts']").fill("Alfonso Ribeiro, Julianne Hough");
    await modal.locator("input[name='judges']").fill("Carrie Ann Inaba, Derek Hough, Bruno Tonioli");
    await screenshot(page, "11-admin-modal");
    await modal.locator("button[type='submit']").click();
    await page.locator("#modal-backdrop").waitFor({ state: "hidden", timeout: 60_000 });
    const reply = byTitle(page, "Season 36");
    await eventually(text(reply.locator(".embed-description"))).toBe("New season 36: 0 couples, 0 weeks, 0 dances.");
    await screenshot(page, "12-admin-saved");
    // Export the season's file (an attachment in the reply), change it, and import it back through the file option.
    await typeCommand(page, "/admin export season:36 ");
    const exported = page.locator("a.attachment-file", { hasText: "season-36.json" });
    await exported.waitFor({ timeout: 60_000 });
    const link = new URL(String(await exported.getAttribute("href")), playground.url);
    // The file of a reply only Olive can see is Olive's alone.
    expect((await fetch(link.href.replace(ids.olive, ids.ava))).status).toBe(404);
    const season = (await (await fetch(link)).json()) as { hosts: string[] };
    expect(season.hosts).toEqual(["Alfonso Ribeiro", "Julianne Hough"]);
    const edited = join(artifactsDir, "season-36.json");
    const couple = { celebrity: "Ava Star", pro: "Val Chmerkovskiy", placement: null, result: "Still dancing" };
    const changed = { ...season, hosts: [...season.hosts, "Tom Bergeron"], couples: [couple] };
    await writeFile(edited, JSON.stringify(changed, null, 2));
    // Listening before anything is typed, so the file chooser is intercepted however busy the machine is.
    const chooser = new Promise<FileChooser>((resolve) => page.once("filechooser", resolve));
    await page.click("#composer-input");
    await page.keyboard.type("/admin imp", { delay: 5 });
    await page.keyboard.press("Enter"); // picks the subcommand
    await page.locator(".suggestion-name", { hasText: "file" }).waitFor();

    await page.keyboard.press("Enter"); // picks the required option, which asks for a file
    await (await chooser).setFiles(edited);
    expect(await page.inputValue("#composer-input")).toBe("/admin import file:season-36.json ");
    await page.keyboard.press("Enter"); // sends
    const dryRun = byTitle(page, "Dry run: season-36.json");
    await eventually(text(dryRun.locator(".embed-description"))).toContain("Tom Bergeron");
    await screenshot(page, "13-admin-import-dry-run");
    await dryRun.locator("button.success", { hasText: "Confirm" }).click();
    await eventually(count(byTitle(page, "Dry run: season-36.json"))).toBe(0);

    // Saved in the database: the audit log the owners read lists it.
    // Enter first picks the highlighted subcommand, as in Discord; the second sends.
    await typeCommand(page, "/admin log");
    await page.keyboard.press("Enter");
    await eventually(text(byTitle(page, "Changes to the live seasons").locator(".embed-main"))).toContain(
      "season 36 r2 · import",
    );
    expect(await text(byTitle(page, "Changes to the live seasons").locator(".embed-field-value"))()).toContain(
      "by @Olive",
    );
  });

  test("GIVEN hostile or rich markdown WHEN rendered by the page THEN it is text, spoilers hide, times use the viewer's zone", async () => {
    // A string, so the test runner does not rewrite the page's own module import.
    const rendered = (await page.evaluate(`(async () => {
      const { markdown } = await import("/markdown.js");
      const ctx = { user: () => "Ava", role: () => "Moderator", channel: () => "general", now: () => 0 };
      const box = document.createElement("div");
      box.appendChild(markdown(${JSON.stringify(
        '<img src=x onerror="window.hacked=1"> [click](javascript:alert(1)) ||secret|| <@1180000000000000101> <t:0:t> <t:3600:R> **bold** `<i>code</i>`',
      )}, ctx));
      return {
        html: box.innerHTML,
        text: box.textContent,
        images: box.querySelectorAll("img").length,
        links: [...box.querySelectorAll("a")].map((a) => a.getAttribute("href")),
        spoiler: box.querySelector(".spoiler")?.textContent,
      };
    })()`)) as { html: string; text: string; images: number; links: string[]; spoiler?: string };
    expect(rendered.images).toBe(0);
    expect(rendered.links).toEqual([]);
    expect(rendered.text).toContain('<img src=x onerror="window.hacked=1">');
    expect(rendered.text).toContain("@Ava");
    expect(rendered.text).not.toContain("<@");
    expect(rendered.text).toContain("7:00 PM"); // 1970-01-01 00:00 UTC in New York
    expect(rendered.text).toContain("in 1 hour");
    expect(rendered.spoiler).toBe("secret");
    expect(rendered.html).toContain("<strong>bold</strong>");
    expect(rendered.html).toContain("&lt;i&gt;code&lt;/i&gt;");
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });
});

inChromium("the composer's reading of a typed line (in the page)", { timeout: 120_000 }, () => {
  test("GIVEN lines as typed WHEN read against the registered commands THEN values keep their spaces and the checks are Discord's", async () => {
    const commands = playground.session.discord.visibleCommands(ids.fans, ids.morgan);
    const read = (await page.evaluate(`(async () => {
      const { parseLine, checkLine } = await import("/composer.js");
      const commands = ${JSON.stringify(commands)};
      const lines = [
        "/couple name:Xochitl Gomez season:32",
        "/poll custom question:Best dance tonight? options:Tango | Waltz closes:2h",
        "/leaderboard season:32 we",
        "/leaderboard week:0",
        "/poll custom options:A | B",
        "/poll",
        "/poll ",
      ];
      return lines.map((line) => {
        const parsed = parseLine(line, commands);
        const check = checkLine(parsed, {}, {});
        return { path: parsed.path, options: parsed.options, current: parsed.current.kind, error: check.error ?? null };
      });
    })()`)) as { path: string[]; options: { name: string; value: string }[]; current: string; error: string | null }[];
    expect(read[0]?.options).toEqual([
      { name: "name", value: "Xochitl Gomez" },
      { name: "season", value: "32" },
    ]);
    expect(read[0]?.error).toBeNull();
    expect(read[1]?.path).toEqual(["custom"]);
    expect(read[1]?.options.map((o) => o.value.trim())).toEqual(["Best dance tonight?", "Tango | Waltz", "2h"]);
    expect(read[2]?.current).toBe("optionName"); // "we" begins "week"
    expect(read[3]?.error).toBe("week: the value must be between 1 and 20.");
    expect(read[4]?.error).toBe("Fill in question.");
    expect(read[5]?.current).toBe("command");
    expect(read[6]?.current).toBe("subcommand");
  });
});
