import { describe, expect, test } from "vitest";
import { customId, customIdPrefix, idPart } from "../../src/discord/customId.js";

const week = customId("lb", "week", [idPart.count, idPart.count]);
const vote = customId("pv", "vote", [idPart.count, idPart.oneOf(["a", "b"])]);

describe("custom_id codecs", () => {
  test("GIVEN parts WHEN encoded and decoded THEN the same values come back", () => {
    expect(week.encode(32, 11)).toBe("lb:week:32:11");
    expect(week.decode("lb:week:32:11")).toEqual([32, 11]);
    expect(vote.decode(vote.encode(7, "b"))).toEqual([7, "b"]);
    expect(customIdPrefix("lb:week:32:11")).toBe("lb");
  });

  test.each([
    "lb:week:32",
    "lb:week:32:11:9",
    "lb:week:x:11",
    "lb:week:-1:11",
    "lb:weekly:32:11",
    "pv:week:32:11",
    "pv:vote:7:c",
  ])("GIVEN the forged or stale id %s WHEN decoded THEN it is refused", (id) => {
    expect(week.decode(id) ?? vote.decode(id)).toBeUndefined();
  });

  test("GIVEN parts that would pass Discord's 100 characters WHEN encoded THEN it throws", () => {
    const long = customId("x", "y", [
      idPart.snowflake,
      idPart.snowflake,
      idPart.snowflake,
      idPart.snowflake,
      idPart.snowflake,
    ]);
    const id = "1".repeat(20);
    expect(() => long.encode(id, id, id, id, id)).toThrow(/100/);
  });
});
