import { type APIApplicationCommand, ApplicationCommandOptionType as T } from "discord.js";
import { describe, expect, test } from "vitest";
import { InputError, slashInput } from "../../tools/playground/options.js";

// A command shaped like the bot's, built inline: what the composer and the console check before sending.
const leaderboard = {
  name: "leaderboard",
  description: "Judges' leaderboard",
  options: [
    { type: T.Integer, name: "season", description: "Season", min_value: 1, max_value: 40, autocomplete: true },
    { type: T.Integer, name: "week", description: "Week", min_value: 1, max_value: 20 },
  ],
} as unknown as APIApplicationCommand;
const poll = {
  name: "poll",
  description: "Polls",
  options: [
    {
      type: T.Subcommand,
      name: "custom",
      description: "Your own",
      options: [
        { type: T.String, name: "question", description: "Q", required: true, max_length: 10 },
        { type: T.Boolean, name: "anonymous", description: "A" },
        {
          type: T.String,
          name: "round",
          description: "R",
          choices: [
            { name: "Freestyle", value: "freestyle" },
            { name: "Dance-off", value: "dance-off" },
          ],
        },
      ],
    },
  ],
} as unknown as APIApplicationCommand;
const admin = {
  name: "admin",
  description: "Owners",
  options: [
    {
      type: T.Subcommand,
      name: "import",
      description: "File",
      options: [{ type: T.Attachment, name: "file", description: "f", required: true }],
    },
  ],
} as unknown as APIApplicationCommand;
const commands = [leaderboard, poll, admin];
const typed = (name: string, path: string[], options: Record<string, string>) => ({
  name,
  path,
  options: new Map(Object.entries(options)),
});

describe("checking typed options against the registered command", () => {
  test("GIVEN numbers in range WHEN checked THEN they are sent as numbers", () => {
    expect(slashInput(commands, typed("leaderboard", [], { season: "32", week: " 11 " }))).toEqual({
      name: "leaderboard",
      options: { season: 32, week: 11 },
    });
  });

  test.each([
    [{ week: "21" }, "week must be between 1 and 20."],
    [{ week: "2.5" }, "week must be a whole number."],
    [{ season: "x" }, "season must be a whole number."],
    [{ week: "" }, "week is empty."],
    [{ year: "2" }, '/leaderboard has no option "year".'],
  ])("GIVEN %o WHEN checked THEN the member reads what to change", (options, message) => {
    expect(() => slashInput(commands, typed("leaderboard", [], options))).toThrow(new InputError(message));
  });

  test("GIVEN a subcommand with choices and booleans WHEN checked THEN names map to values", () => {
    expect(
      slashInput(commands, typed("poll", ["custom"], { question: "Best?", anonymous: "True", round: "dance-off" })),
    ).toEqual({
      name: "poll",
      subcommand: "custom",
      options: { question: "Best?", anonymous: true, round: "dance-off" },
    });
    expect(slashInput(commands, typed("poll", ["custom"], { question: "Q", round: "freestyle" })).options).toEqual({
      question: "Q",
      round: "freestyle",
    });
  });

  test.each([
    [[], {}, "/poll needs one of: custom."],
    [["custom"], {}, "/poll custom needs question."],
    [["custom"], { question: "Q", round: "Waltz" }, "round must be one of: Freestyle, Dance-off."],
    [["custom"], { question: "Q", anonymous: "maybe" }, "anonymous must be True or False."],
    [["custom"], { question: "A long question" }, "question must be 0-10 characters long (it is 15)."],
    [["vote"], {}, "/poll vote is not a command here."],
  ])("GIVEN /poll %o %o WHEN checked THEN it is refused: %s", (path, options, message) => {
    expect(() => slashInput(commands, typed("poll", path, options))).toThrow(new InputError(message));
  });

  test("GIVEN an attachment option WHEN given text or a file THEN only the file is taken", () => {
    const file = { filename: "season-35.json", bytes: "{}" };
    expect(() => slashInput(commands, typed("admin", ["import"], { file: "season-35.json" }))).toThrow(
      "file takes a file: attach one.",
    );
    const input = slashInput(commands, { name: "admin", path: ["import"], options: new Map([["file", file]]) });
    expect(input.options).toEqual({ file });
  });

  test("GIVEN a command that is not registered WHEN checked THEN the ones that are are listed", () => {
    expect(() => slashInput(commands, typed("dance", [], {}))).toThrow(
      "There is no /dance here. Commands: /leaderboard, /poll, /admin",
    );
  });
});
