/**
 * The core end-to-end suites (lookups, navigation, polls, admin import) again, every interaction delivered over HTTP:
 * signed POSTs from the local Discord, round robin across three GATEWAY=off workers sharing one PostgreSQL (on PGlite,
 * which opens in one process only, one process serving its endpoint). Each suite runs in its own block with its own
 * bot, exactly as in its own file; tests/support/bot.ts reads the transport.
 */
import { describe } from "vitest";

process.env.MIRRORBALL_TEST_TRANSPORT = "http";

describe("over HTTP: lookups", async () => {
  await import("./lookups.test.js");
});
describe("over HTTP: navigation", async () => {
  await import("./lookups-navigation.test.js");
});
describe("over HTTP: polls", async () => {
  await import("./poll.test.js");
});
describe("over HTTP: admin import", async () => {
  await import("./admin-import.test.js");
});
