import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { commandDefinitions, loadCommands } from "../../discord/loadCommands.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { type HelpEntry, helpEntries } from "../../lookups/help.js";
import { helpIds } from "./ids.js";
import { helpView } from "./view.js";

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
  "league scoring": "/league scoring perfect-score:10 eliminated:-3",
};

let entries: Promise<HelpEntry[]> | undefined;

/** Read from the same command files the bot registers, once, so /help lists exactly what Discord offers. */
function loadEntries(): Promise<HelpEntry[]> {
  entries ??= loadCommands().then((commands) => {
    // /admin is registered only in the owners' server, so the servers' help leaves it out.
    const offered = new Map([...commands].filter(([, command]) => command.scope !== "admin"));
    return helpEntries(commandDefinitions(offered), examples);
  });
  return entries;
}

export default {
  data: new SlashCommandBuilder()
    .setName("help")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("What every command does, with an example of each."),

  async execute(interaction) {
    await respond(interaction, async () => helpView(await loadEntries()));
  },

  componentPrefix: helpIds.page.prefix,
  async onComponent(interaction) {
    const page = helpIds.page.decode(interaction.customId);
    if (!page) throw new UserError("That button does not lead anywhere. Run /help again.");
    const draw = async () => helpView(await loadEntries(), page[0]);
    await respondToPress(interaction, draw);
  },
} satisfies Command;
