import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { commandDefinitions, loadCommands } from "../../discord/loadCommands.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { groupEntries, type HelpGroup, helpEntries } from "./entries.js";
import { helpIds } from "./ids.js";
import { type HelpPage, helpView } from "./view.js";

/** One worked example per command (or subcommand); tests check each against the command's definition. */
export const examples: Readonly<Record<string, string>> = {
  season: "/season number:32",
  results: "/results season:32 week:6",
  leaderboard: "/leaderboard season:32 week:11",
  couple: "/couple name:Xochitl Gomez",
  compare: "/compare a:Xochitl Gomez b:Charity Lawson",
  pro: "/pro name:Val Chmerkovskiy",
  judge: "/judge name:Carrie Ann Inaba",
  dance: "/dance style:Argentine tango season:32",
  records: "/records season:32",
  help: "/help",
  "settings spoilers": "/settings spoilers hours:12",
  "settings show": "/settings show",
  "league create": "/league create name:Ballroom Blitz season:32 team-size:3 pick-seconds:120",
  "poll custom": "/poll custom question:Best dance tonight? options:Tango | Waltz | Jive",
  "poll elimination": "/poll elimination closes:2h",
};

/** /help's groups, by what people do; the owners' /admin is never listed, nor /help itself. */
export const helpGroups: readonly HelpGroup[] = [
  {
    title: "🌟 Show night",
    commands: [
      "leaderboard",
      "results",
      "poll mirrorball",
      "poll elimination",
      "poll custom",
      "predictions leaderboard",
      "predictions me",
    ],
  },
  { title: "🔎 Look-ups", commands: ["couple", "compare", "season", "pro", "judge", "dance", "records"] },
  { title: "🏆 Leagues", commands: ["league standings", "league team", "league draft", "league scoring"] },
  { title: "🔔 Reminders", commands: ["remind me"] },
];

/** Named in one line for moderators: commands that need Manage Server, a poll manager or a league's creator. */
export const moderatorCommands: readonly string[] = [
  "settings show",
  "settings spoilers",
  "settings results-channel",
  "poll schedule",
  "poll unschedule",
  "poll settings",
  "poll close",
  "league create",
  "league advance",
  "league repost",
  "remind role",
  "poll export",
  "predictions export",
  "league export",
];

let page: Promise<HelpPage> | undefined;

/** Read from the same command files the bot registers, once, so /help lists exactly what Discord offers. */
function loadPage(): Promise<HelpPage> {
  page ??= loadCommands().then((commands) => {
    // /admin is registered only in the owners' server, so the servers' help leaves it out.
    const offered = new Map([...commands].filter(([, command]) => command.scope !== "admin"));
    return groupEntries(helpEntries(commandDefinitions(offered), examples), helpGroups, moderatorCommands, ["help"]);
  });
  return page;
}

export default {
  data: new SlashCommandBuilder()
    .setName("help")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("What every command does, with an example of each."),

  async execute(interaction) {
    await respond(interaction, async () => helpView(await loadPage()));
  },

  componentPrefix: helpIds.page.prefix,
  async onComponent(interaction) {
    // /help was pages once: a page button on an old message still answers, with the one page there is now.
    if (!helpIds.page.decode(interaction.customId)) {
      throw new UserError("That button does not lead anywhere. Run /help again.");
    }
    await respondToPress(interaction, async () => helpView(await loadPage()));
  },
} satisfies Command;
