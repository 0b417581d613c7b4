import { expect, test } from "vitest";
import { ConfigError, loadConfig, requireToken } from "../../src/config.js";

test("GIVEN an empty environment WHEN loaded THEN the defaults apply", () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    DISCORD_API_URL: "https://discord.com/api",
    PGLITE_DIR: ".data/pglite",
    BOT_OWNER_IDS: [],
  });
  expect(() => requireToken(config)).toThrow(/^DISCORD_TOKEN is not set/);
});

test.each([
  [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL must start with postgres:\/\//],
  [{ DEV_GUILD_ID: "abc" }, /^DEV_GUILD_ID must be a Discord id/],
  [{ BOT_OWNER_IDS: "123456789012345678, nope" }, /^BOT_OWNER_IDS/],
  [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL/],
  [{ DISCORD_API_URL: "not a url" }, /^DISCORD_API_URL must be a URL/],
])("GIVEN %o WHEN loaded THEN one line names the variable", (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

test("owner ids are split on commas", () => {
  expect(loadConfig({ BOT_OWNER_IDS: "123456789012345678,223456789012345678" }).BOT_OWNER_IDS).toHaveLength(2);
});
