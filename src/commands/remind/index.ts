import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { UserError } from "../../errors.js";
import { remindIds } from "./ids.js";
import { me, onButton } from "./me.js";
import { role } from "./role.js";

const subcommands = { me, role };

export default {
  data: new SlashCommandBuilder()
    .setName("remind")
    .setDescription("Reminders by DM before picks lock, before the show, and when results are in. Opt-in only.")
    .setIntegrationTypes(...availability.serverOnly.integrationTypes)
    .setContexts(...availability.serverOnly.contexts)
    .addSubcommand((s) => s.setName("me").setDescription("Choose which reminders I may DM you from this server."))
    .addSubcommand((s) =>
      s
        .setName("role")
        .setDescription("A role members can take to be pinged for the weekly poll (Manage Server).")
        .addRoleOption((o) => o.setName("role").setDescription("The opt-in role (leave out to stop the pings)")),
    ),

  async execute(interaction, ctx) {
    const handler = subcommands[interaction.options.getSubcommand() as keyof typeof subcommands];
    if (!handler) throw new UserError("That part of /remind is gone. Type /remind me to see your reminders.");
    await handler(interaction, ctx);
  },
  componentPrefix: remindIds.toggle.prefix,
  onComponent: onButton,
} satisfies Command;
