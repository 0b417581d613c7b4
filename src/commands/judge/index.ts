import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getJudgeRecord } from "../../lookups/judge.js";
import { judgeIds } from "./ids.js";
import { judgeView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("judge")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("A judge's record: seasons judged, average mark given, tens, and how they compare with the panel.")
    .addStringOption((o) =>
      o
        .setName("name")
        .setDescription("The judge, e.g. Carrie Ann Inaba")
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),

  async execute(interaction, { db, judges }) {
    const judge = judges.resolve(interaction.options.getString("name", true));
    await respond(interaction, async () => judgeView(await getJudgeRecord(db, judge.item.personId)));
  },

  async autocomplete(interaction, { judges }) {
    await interaction.respond(judges.suggest(interaction.options.getFocused()));
  },

  componentPrefix: judgeIds.page.prefix,
  async onComponent(interaction, { db }) {
    const page = judgeIds.page.decode(interaction.customId);
    if (!page) throw new UserError("That button does not lead anywhere. Run /judge again.");
    const draw = async () => judgeView(await getJudgeRecord(db, page[0]), page[1]);
    await respondToPress(interaction, draw);
  },
} satisfies Command;
