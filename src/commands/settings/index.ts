import { SlashCommandBuilder } from "@discordjs/builders";
import { ChannelType, InteractionContextType, PermissionFlagsBits } from "discord.js";
import type { Command } from "../../discord/command.js";
import { UserError } from "../../errors.js";
import { resultsChannelSetting } from "./results-channel.js";
import { show } from "./show.js";
import { spoilers } from "./spoilers.js";

/** One handler per subcommand, each in its own file beside this one. */
const subcommands = { spoilers, "results-channel": resultsChannelSetting, show };

export default {
  data: new SlashCommandBuilder()
    .setName("settings")
    .setDescription("This server's Mirrorball settings (members with Manage Server only).")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName("spoilers")
        .setDescription("Hide the newest week's /results behind spoiler bars for some hours after it airs.")
        .addIntegerOption((o) =>
          o
            .setName("hours")
            .setDescription("Hours after the show airs (0 turns the guard off)")
            .setRequired(true)
            .setMinValue(0)
            .setMaxValue(168),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("results-channel")
        .setDescription("Post each night's leaderboard in a channel once its scores are in (no channel: stop).")
        .addChannelOption((o) =>
          o
            .setName("channel")
            .setDescription("Where to post it")
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    )
    .addSubcommand((s) => s.setName("show").setDescription("What this server has chosen.")),

  async execute(interaction, ctx) {
    if (!interaction.inGuild()) throw new UserError("Settings belong to a server: run /settings inside one.");
    // Discord hides the command from others, but a server can override that: check again here.
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError("Only members with the Manage Server permission can change Mirrorball's settings.");
    }
    const handler = subcommands[interaction.options.getSubcommand() as keyof typeof subcommands];
    if (!handler) throw new UserError("I do not know that setting any more. Type /settings to see the current ones.");
    await handler(interaction, ctx);
  },
} satisfies Command;
