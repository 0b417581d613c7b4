import {
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
} from "@discordjs/builders";
import { ChannelType } from "discord.js";
import { seasonOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { maxQuestionLength } from "../../polls/custom.js";
import { weekdays } from "../../polls/schedule.js";
import { autocomplete } from "./autocomplete.js";
import { close } from "./close.js";
import { create } from "./create.js";
import { exportVotes } from "./export.js";
import { pollIds } from "./ids.js";
import { schedule } from "./schedule.js";
import { settings } from "./settings.js";
import { vote } from "./vote.js";

const closes = (o: SlashCommandStringOption) =>
  o.setName("closes").setDescription("How long it stays open, e.g. 30m, 2h, 1d (default 1d)").setMaxLength(20);
const points = (o: SlashCommandIntegerOption, name: string, description: string) =>
  o.setName(name).setDescription(description).setMinValue(0).setMaxValue(100);

/** Each subcommand's handler (./poll/): mirrorball, elimination and custom all create a poll. */
const handlers = {
  mirrorball: create,
  elimination: create,
  custom: create,
  close,
  schedule,
  unschedule: schedule,
  settings,
  export: exportVotes,
};

export default {
  data: new SlashCommandBuilder()
    .setName("poll")
    .setIntegrationTypes(...availability.serverOnly.integrationTypes)
    .setContexts(...availability.serverOnly.contexts)
    .setDescription("Community polls and predictions: who wins, who goes home, or your own question.")
    .addSubcommand((s) =>
      s
        .setName("mirrorball")
        .setDescription("Who will win the Mirrorball? The couples still dancing are the answers.")
        .addIntegerOption(seasonOption("Season (default: the latest)"))
        .addStringOption(closes),
    )
    .addSubcommand((s) =>
      s
        .setName("elimination")
        .setDescription("Who goes home this week?")
        .addIntegerOption(seasonOption("Season (default: the latest)"))
        .addIntegerOption((o) =>
          o.setName("week").setDescription("Week (default: the next one to air)").setMinValue(1).setMaxValue(20),
        )
        .addStringOption(closes),
    )
    .addSubcommand((s) =>
      s
        .setName("custom")
        .setDescription("Your own question with 2 to 25 answers.")
        .addStringOption((o) =>
          o.setName("question").setDescription("The question").setRequired(true).setMaxLength(maxQuestionLength),
        )
        .addStringOption((o) =>
          o
            .setName("options")
            .setDescription("Answers separated by | e.g. Yes | No | Maybe")
            .setRequired(true)
            .setMaxLength(2000),
        )
        .addStringOption(closes)
        .addBooleanOption((o) => o.setName("anonymous").setDescription("Do not list who picked what in the results"))
        .addBooleanOption((o) => o.setName("hide-results").setDescription("Hide the tally until the poll closes")),
    )
    .addSubcommand((s) =>
      s
        .setName("close")
        .setDescription("Close a poll now (its creator, or a poll manager).")
        .addIntegerOption((o) =>
          o
            .setName("poll")
            .setDescription("Which poll (default: the newest open one here)")
            .setMinValue(1)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("schedule")
        .setDescription("Post each week's elimination poll before the show, closing at air time.")
        .addChannelOption((o) =>
          o.setName("channel").setDescription("Where to post").setRequired(true).addChannelTypes(ChannelType.GuildText),
        )
        .addIntegerOption((o) =>
          o
            .setName("day")
            .setDescription("The show's day")
            .setRequired(true)
            .addChoices(...weekdays.map((name, value) => ({ name, value }))),
        )
        .addStringOption((o) =>
          o.setName("time").setDescription("Air time, e.g. 20:00 or 8pm").setRequired(true).setMaxLength(10),
        )
        .addStringOption((o) =>
          o
            .setName("timezone")
            .setDescription("IANA time zone, e.g. America/New_York")
            .setRequired(true)
            .setMaxLength(64)
            .setAutocomplete(true),
        )
        .addNumberOption((o) =>
          o
            .setName("hours-before")
            .setDescription("Post this many hours before air time (default 24)")
            .setMinValue(0.1)
            .setMaxValue(144),
        )
        .addIntegerOption(seasonOption("Season airing (default: the latest)")),
    )
    .addSubcommand((s) => s.setName("unschedule").setDescription("Stop the weekly polls."))
    .addSubcommand((s) =>
      s
        .setName("export")
        .setDescription("A closed poll's votes as a CSV file (Manage Server).")
        .addIntegerOption((o) =>
          o.setName("poll").setDescription("The poll's number (in its footer)").setRequired(true).setMinValue(1),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("settings")
        .setDescription("Show or change prediction points and who may manage polls.")
        .addRoleOption((o) => o.setName("manager-role").setDescription("A role that may create and close polls"))
        .addBooleanOption((o) => o.setName("clear-manager-role").setDescription("Remove the poll manager role"))
        .addIntegerOption((o) => points(o, "elimination-points", "Points for a correct elimination pick"))
        .addIntegerOption((o) => points(o, "mirrorball-points", "Points for a correct Mirrorball pick in week 1"))
        .addIntegerOption((o) => points(o, "mirrorball-floor", "Least points for a correct Mirrorball pick")),
    ),

  async execute(interaction, ctx) {
    const handler = handlers[interaction.options.getSubcommand() as keyof typeof handlers] ?? create;
    await handler(interaction, ctx);
  },
  autocomplete,
  componentPrefix: pollIds.voteMenu.prefix,
  onComponent: vote,
} satisfies Command;
