/** The HTTP worker settings: what goes together, each refusal one line naming the variable. */
import { expect, test } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const key = "AB".repeat(32);
const pg = "postgres://postgres@127.0.0.1:5432/mirrorball";

test("GIVEN nothing set WHEN loaded THEN the gateway is on and no endpoint is served", () => {
  const config = loadConfig({});
  expect(config.GATEWAY).toBe("on");
  expect(config.INTERACTIONS_PORT).toBeUndefined();
  expect(config.DISCORD_PUBLIC_KEY).toBeUndefined();
});

test("GIVEN an HTTP-only worker's settings WHEN loaded THEN they are taken, the key in lower case", () => {
  const config = loadConfig({ GATEWAY: "OFF", INTERACTIONS_PORT: "8080", DISCORD_PUBLIC_KEY: key, DATABASE_URL: pg });
  expect(config).toMatchObject({ GATEWAY: "off", INTERACTIONS_PORT: 8080, DISCORD_PUBLIC_KEY: key.toLowerCase() });
});

test.each([
  [{ INTERACTIONS_PORT: "8080" }, /^DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT/],
  [{ INTERACTIONS_PORT: "8080", DISCORD_PUBLIC_KEY: "abc" }, /^DISCORD_PUBLIC_KEY must be the 64 hex characters/],
  [{ INTERACTIONS_PORT: "http", DISCORD_PUBLIC_KEY: key }, /^INTERACTIONS_PORT must be a port number/],
  [{ INTERACTIONS_PORT: "70000", DISCORD_PUBLIC_KEY: key }, /^INTERACTIONS_PORT must be a port number/],
  [{ GATEWAY: "maybe" }, /^GATEWAY must be "on" or "off"/],
  [{ GATEWAY: "off", DATABASE_URL: pg }, /^INTERACTIONS_PORT must be set when GATEWAY=off/],
  [
    { GATEWAY: "off", INTERACTIONS_PORT: "8080", DISCORD_PUBLIC_KEY: key },
    /^DATABASE_URL must be set when GATEWAY=off/,
  ],
])("GIVEN %o WHEN loaded THEN one line names the variable and what to set", (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
  try {
    loadConfig(env);
  } catch (error) {
    expect(String((error as Error).message).split("\n")).toHaveLength(1);
  }
});

test("GIVEN the embedded database and one process WHEN it also serves the endpoint THEN that is allowed", () => {
  expect(loadConfig({ INTERACTIONS_PORT: "0", DISCORD_PUBLIC_KEY: key }).GATEWAY).toBe("on");
});
