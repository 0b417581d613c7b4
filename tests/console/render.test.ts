import { expect, test } from "vitest";
import { parseCommandLine, renderMessage } from "../../tools/console/render.js";

test("GIVEN a command line WHEN parsed THEN values may contain spaces", () => {
  const parsed = parseCommandLine("/couple name:Xochitl Gomez season:32");
  expect(parsed.name).toBe("couple");
  expect(parsed.path).toEqual([]);
  expect([...parsed.options]).toEqual([
    ["name", "Xochitl Gomez"],
    ["season", "32"],
  ]);
});

test("GIVEN bare words after the name WHEN parsed THEN they are the subcommand path", () => {
  const parsed = parseCommandLine("/poll custom question:Best dance? options:Tango, Waltz");
  expect(parsed).toMatchObject({ name: "poll", path: ["custom"] });
  expect(parsed.options.get("options")).toBe("Tango, Waltz");
  expect(parseCommandLine("/predictions me").path).toEqual(["me"]);
});

test("GIVEN a message with an embed and buttons WHEN rendered THEN a member's view is printed as text", () => {
  const text = renderMessage({
    embeds: [
      {
        title: "Season 32 · Week 11",
        description: "Judges",
        fields: [{ name: "1. Xochitl", value: "120" }],
        footer: { text: "note" },
      },
    ],
    components: [
      {
        type: 1,
        components: [
          { type: 2, label: "◀ Week 10" },
          { type: 2, label: "▶", disabled: true },
        ],
      },
    ],
    flags: 64,
  });
  expect(text).toBe(
    [
      "(only you can see this)",
      "# Season 32 · Week 11",
      "Judges",
      "",
      "## 1. Xochitl",
      "120",
      "",
      "— note",
      "[◀ Week 10] [▶ (disabled)]",
    ].join("\n"),
  );
});
