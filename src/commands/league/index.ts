import { SlashCommandBuilder, type SlashCommandIntegerOption } from "@discordjs/builders";
import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { seasonOption } from "../../discord/choices.js";
import type { Command, ComponentInteraction } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { UserError } from "../../errors.js";
import { ruleNames } from "../../leagues/scoring.js";
import { advance } from "./advance.js";
import { autocomplete } from "./autocomplete.js";
import { create } from "./create.js";
import { draft } from "./draft.js";
import { exportLeague } from "./export.js";
import { leagueIds } from "./ids.js";
import { join } from "./join.js";
import { pick } from "./pick.js";
import { repost } from "./repost.js";
import { scoring } from "./scoring.js";
import { standings } from "./standings.js";
import { start } from "./start.js";
import { team } from "./team.js";

const handlers: Record<string, (i: ChatInputCommandInteraction, ctx: BotContext) => Promise<void>> = {
  create,
  scoring,
  advance,
  standings,
  team,
  draft,
  export: exportLeague,
  repost,
};

const leagueOption = (o: SlashCommandIntegerOption) =>
  o
    .setName("league")
    .setDescription("Which league (default: the newest in this channel)")
    .setMinValue(1)
    .setAutocomplete(true);

/** The league's buttons and menu: each id decoded by its codec; anything else is a forged or stale id. */
async function onComponent(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  const joined = leagueIds.join.decode(id);
  if (joined) return join(interaction, ctx, joined[0]);
  const started = leagueIds.start.decode(id);
  if (started) return start(interaction, ctx, started[0]);
  const picked = leagueIds.pick.decode(id);
  if (picked) return pick(interaction, ctx, picked[0], picked[1], false);
  const kept = leagueIds.keep.decode(id);
  if (kept) return pick(interaction, ctx, kept[0], kept[1], true);
  throw new UserError("That league button is not one I made. Use the buttons on the league's message.");
}

export default {
  data: new SlashCommandBuilder()
    .setName("league")
    .setIntegrationTypes(...availability.serverOnly.integrationTypes)
    .setContexts(...availability.serverOnly.contexts)
    .setDescription("Fantasy leagues: draft couples and score them from the judges' marks.")
    .addSubcommand((s) =>
      s
        .setName("create")
        .setDescription("Open a league in this channel; members join with its button (Manage Server).")
        .addStringOption((o) =>
          o.setName("name").setDescription("The league's name").setRequired(true).setMaxLength(60),
        )
        .addIntegerOption(seasonOption("Season (default: the latest); a finished one is a replay"))
        .addIntegerOption((o) =>
          o.setName("team-size").setDescription("Couples per team (default 3)").setMinValue(1).setMaxValue(8),
        )
        .addIntegerOption((o) =>
          o
            .setName("pick-seconds")
            .setDescription("Seconds per pick before the automatic pick (default 120)")
            .setMinValue(5)
            .setMaxValue(86_400),
        ),
    )
    .addSubcommand((s) => {
      s.setName("scoring")
        .setDescription("Show the scoring, or change it before the draft (creator or Manage Server).")
        .addIntegerOption(leagueOption);
      for (const rule of ruleNames) {
        s.addIntegerOption((o) =>
          o
            .setName(rule.option)
            .setDescription(`Points ${rule.label}`.slice(0, 100))
            .setMinValue(-100)
            .setMaxValue(100),
        );
      }
      return s;
    })
    .addSubcommand((s) =>
      s
        .setName("advance")
        .setDescription("Replay: score the next week, or every week left (creator or Manage Server).")
        .addIntegerOption(leagueOption)
        .addBooleanOption((o) => o.setName("all").setDescription("Score every week left at once (no waivers)")),
    )
    .addSubcommand((s) =>
      s
        .setName("standings")
        .setDescription("Rank, team, points and this week's change, with a chart by week.")
        .addIntegerOption(leagueOption),
    )
    .addSubcommand((s) =>
      s
        .setName("team")
        .setDescription("A team's couples and their points by week.")
        .addUserOption((o) => o.setName("member").setDescription("Whose team (default: yours)"))
        .addIntegerOption(leagueOption),
    )
    .addSubcommand((s) => s.setName("draft").setDescription("The draft board.").addIntegerOption(leagueOption))
    .addSubcommand((s) =>
      s
        .setName("repost")
        .setDescription("Post the league's live message again in this channel (creator or Manage Server).")
        .addIntegerOption(leagueOption),
    )
    .addSubcommand((s) =>
      s
        .setName("export")
        .setDescription("The league's points as a CSV file (Manage Server).")
        .addIntegerOption(leagueOption),
    ),

  async execute(interaction, ctx) {
    const handler = handlers[interaction.options.getSubcommand()];
    if (!handler) throw new UserError("I do not know that part of /league; type /league to see what it does.");
    await handler(interaction, ctx);
  },
  autocomplete,
  componentPrefix: leagueIds.join.prefix,
  onComponent,
} satisfies Command;
