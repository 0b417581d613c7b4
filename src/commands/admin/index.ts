import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from "@discordjs/builders";
import { InteractionContextType } from "discord.js";
import { roundTypes } from "../../data/seasonFile.js";
import type { Command } from "../../discord/command.js";
import { UserError } from "../../errors.js";
import { adminAutocomplete } from "./autocomplete.js";
import { bonus } from "./bonus.js";
import { couple } from "./couple.js";
import { dance, danceForm } from "./dance.js";
import { eliminate } from "./eliminate.js";
import { exportFile } from "./export.js";
import { feedButton } from "./feed.js";
import { finale } from "./finale.js";
import { adminIds } from "./ids.js";
import { importButton, importFile } from "./import.js";
import { log } from "./log.js";
import { night } from "./night.js";
import { save } from "./save.js";
import { scores } from "./scores.js";
import { season, seasonForm } from "./season.js";
import { withdraw } from "./withdraw.js";

/** One handler per subcommand, each in its own file beside this one. */
const subcommands = {
  season,
  couple,
  night,
  dance,
  scores,
  bonus,
  eliminate,
  withdraw,
  save,
  finale,
  import: importFile,
  export: exportFile,
  log,
};

type Sub = SlashCommandSubcommandBuilder;

const withSeason = (s: Sub, autocomplete = true) =>
  s.addIntegerOption((o) =>
    o
      .setName("season")
      .setDescription("Season number")
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(200)
      .setAutocomplete(autocomplete),
  );
const withWeek = (s: Sub) =>
  withSeason(s).addIntegerOption((o) =>
    o.setName("week").setDescription("Week number").setRequired(true).setMinValue(1).setMaxValue(20),
  );
const name = (s: Sub, option: string, description: string, required = true) =>
  s.addStringOption((o) =>
    o.setName(option).setDescription(description).setRequired(required).setMaxLength(120).setAutocomplete(true),
  );

/** The bot owners' tools to run the season on the air; registered to ADMIN_GUILD_ID only. */
export default {
  scope: "admin",
  data: new SlashCommandBuilder()
    .setName("admin")
    .setDescription("Bot owners: run the season on the air (couples, scores, results, files).")
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      withSeason(s.setName("season").setDescription("Create a season, or edit its premiere, hosts and judges."), false),
    )
    .addSubcommand((s) => {
      withSeason(s.setName("couple").setDescription("Add a couple, or change a couple's pro or notability."));
      name(s, "celebrity", "The celebrity");
      name(s, "pro", "Their pro partner");
      return s.addStringOption((o) => o.setName("notability").setDescription("Known for…").setMaxLength(200));
    })
    .addSubcommand((s) =>
      withWeek(s.setName("night").setDescription("Add a night (or change its date, theme, guest judge)."))
        .addStringOption((o) => o.setName("date").setDescription("Air date, YYYY-MM-DD").setMaxLength(10))
        .addStringOption((o) => o.setName("theme").setDescription("The night's theme").setMaxLength(200))
        .addStringOption((o) =>
          o.setName("guest_judge").setDescription("A guest judge on the panel").setMaxLength(120).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) => {
      withWeek(s.setName("dance").setDescription("Record a dance: style, song and scores in a form."));
      s.addStringOption((o) =>
        o
          .setName("round")
          .setDescription("The kind of dance")
          .setRequired(true)
          .addChoices(...roundTypes.map((r) => ({ name: r, value: r }))),
      );
      name(s, "couple", "Who danced it");
      return s.addStringOption((o) =>
        o.setName("with").setDescription("Other couples in it (team dances), separated by |").setMaxLength(500),
      );
    })
    .addSubcommand((s) => {
      withWeek(s.setName("scores").setDescription("Correct the judges' scores of a dance."));
      name(s, "couple", "Whose dance");
      return s
        .addStringOption((o) =>
          o.setName("scores").setDescription('In the panel\'s order, e.g. "8 9 9"').setRequired(true).setMaxLength(60),
        )
        .addIntegerOption((o) =>
          o
            .setName("dance")
            .setDescription("Which of their dances that week (1 = first)")
            .setMinValue(1)
            .setMaxValue(10),
        );
    })
    .addSubcommand((s) => {
      withWeek(s.setName("bonus").setDescription("A couple's bonus points for the week (0 removes them)."));
      name(s, "couple", "Who");
      return s
        .addNumberOption((o) =>
          o.setName("points").setDescription("Points").setRequired(true).setMinValue(-30).setMaxValue(30),
        )
        .addStringOption((o) => o.setName("reason").setDescription("What for").setMaxLength(200));
    })
    .addSubcommand((s) => {
      withWeek(s.setName("eliminate").setDescription("Who went home (none given: no elimination). Again corrects it."));
      name(s, "couple", "Eliminated couple", false);
      return name(s, "couple2", "A second eliminated couple", false);
    })
    .addSubcommand((s) =>
      name(withWeek(s.setName("withdraw").setDescription("A couple withdrew.")), "couple", "Who withdrew"),
    )
    .addSubcommand((s) => {
      withWeek(s.setName("save").setDescription("A judge's vote in the judges' save."));
      name(s, "judge", "The judge");
      return name(s, "couple", "The couple they saved");
    })
    .addSubcommand((s) => {
      withWeek(s.setName("finale").setDescription("The finale's placements (again corrects them)."));
      for (const [i, place] of ["first", "second", "third", "fourth", "fifth"].entries()) {
        name(s, place, `The couple in place ${i + 1}`, i < 2);
      }
      return s;
    })
    .addSubcommand((s) =>
      s
        .setName("import")
        .setDescription("Load a season file (data/ format): dry run first, then Confirm.")
        .addAttachmentOption((o) => o.setName("file").setDescription("season-NN.json").setRequired(true)),
    )
    .addSubcommand((s) => withSeason(s.setName("export").setDescription("The season's file as it stands.")))
    .addSubcommand((s) =>
      s
        .setName("log")
        .setDescription("Who changed what and when.")
        .addIntegerOption((o) =>
          o.setName("season").setDescription("Only this season").setMinValue(1).setMaxValue(200),
        ),
    ),

  async execute(interaction, ctx) {
    const handler = subcommands[interaction.options.getSubcommand() as keyof typeof subcommands];
    if (!handler)
      throw new UserError("I do not know that admin command any more. Type /admin to see the current ones.");
    await handler(interaction, ctx);
  },

  autocomplete: adminAutocomplete,
  componentPrefix: "adm",
  async onComponent(interaction, ctx) {
    if (await feedButton(interaction, ctx)) return;
    await importButton(interaction, ctx);
  },
  async onModal(interaction, ctx) {
    const seasonDetails = adminIds.seasonForm.decode(interaction.customId);
    if (seasonDetails) return seasonForm(interaction, ctx, ...seasonDetails);
    const danceDetails = adminIds.danceForm.decode(interaction.customId);
    if (danceDetails) return danceForm(interaction, ctx, danceDetails);
    throw new UserError("That form does not belong to any admin command; run the command again.");
  },
} satisfies Command;
