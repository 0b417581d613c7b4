import { SlashCommandBuilder } from "@discordjs/builders";
import { findSeason, recordResult, resolveSeasonPolls } from "../db/queries/polls/index.js";
import type { BotContext, Command } from "../discord/command.js";
import { respond } from "../discord/respond.js";
import { UserError } from "../errors.js";
import { ordinal } from "../views/format.js";

const places = ["winner", "second", "third", "fourth", "fifth"] as const;

function coupleIn(ctx: BotContext, name: string, season: number): number {
  return ctx.names.resolve(name, season).entry.coupleId;
}

export default {
  data: new SlashCommandBuilder()
    .setName("record")
    .setDescription("Bot owners: record a week's eliminations or the finale placements; matching polls are scored.")
    .addSubcommand((s) =>
      s
        .setName("eliminations")
        .setDescription("Who went home in a week (recording a week again corrects it).")
        .addIntegerOption((o) =>
          o.setName("season").setDescription("Season").setRequired(true).setMinValue(1).setMaxValue(99),
        )
        .addIntegerOption((o) =>
          o.setName("week").setDescription("Week").setRequired(true).setMinValue(1).setMaxValue(20),
        )
        .addStringOption((o) =>
          o
            .setName("eliminated")
            .setDescription('Celebrities, separated by | (or "none" for no elimination)')
            .setRequired(true)
            .setMaxLength(500),
        ),
    )
    .addSubcommand((s) => {
      s.setName("finale").setDescription("The finale placements (recording again corrects them).");
      s.addIntegerOption((o) =>
        o.setName("season").setDescription("Season").setRequired(true).setMinValue(1).setMaxValue(99),
      );
      for (const [i, place] of places.entries()) {
        s.addStringOption((o) =>
          o
            .setName(place)
            .setDescription(`The couple in ${ordinal(i + 1)} place (celebrity or pro)`)
            .setRequired(i < 2)
            .setMaxLength(100)
            .setAutocomplete(true),
        );
      }
      return s;
    }),

  async execute(interaction, ctx) {
    if (!ctx.config.BOT_OWNER_IDS.includes(interaction.user.id)) {
      throw new UserError("Only the bot's owners can record results. Ask them, or wait for data/ to be updated.");
    }
    const number = interaction.options.getInteger("season", true);
    const season = await findSeason(ctx.db, number);
    if (!season) throw new UserError(`I have no season ${number}; load its season file first (npm run db:seed).`);
    const finale = interaction.options.getSubcommand() === "finale";
    let couples: { coupleId: number; placement?: number }[];
    if (finale) {
      couples = places.flatMap((place, i) => {
        const name = interaction.options.getString(place);
        return name ? [{ coupleId: coupleIn(ctx, name, number), placement: i + 1 }] : [];
      });
    } else {
      const typed = interaction.options.getString("eliminated", true).trim();
      const names = /^none$/i.test(typed)
        ? []
        : typed
            .split(/[|,]/)
            .map((n) => n.trim())
            .filter(Boolean);
      couples = [...new Set(names.map((n) => coupleIn(ctx, n, number)))].map((coupleId) => ({ coupleId }));
    }
    if (new Set(couples.map((c) => c.coupleId)).size !== couples.length)
      throw new UserError("A couple is named twice.");
    await respond(
      interaction,
      async () => {
        const week = finale ? null : interaction.options.getInteger("week", true);
        await recordResult(ctx.db, { seasonId: season.id, week, recordedBy: interaction.user.id, couples });
        const resolved = await resolveSeasonPolls(ctx.db, [season.id]);
        const changed = resolved.filter((r) => r.entries > 0).length;
        const what = finale ? `the season ${number} finale` : `season ${number} week ${week}`;
        return {
          content: `Recorded ${what}. ${resolved.length} closed poll${resolved.length === 1 ? "" : "s"} checked, ${changed} re-scored.`,
          embeds: [],
          components: [],
        };
      },
      { ephemeral: true },
    );
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(
      ctx.names.suggest(String(interaction.options.getFocused()), 25, interaction.options.getInteger("season")),
    );
  },
} satisfies Command;
