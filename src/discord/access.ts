import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import { UserError } from "../errors.js";

/** The server the command runs in, for members with Manage Server only; otherwise a private sentence. */
export function requireManageServer(interaction: ChatInputCommandInteraction, what: string): string {
  if (!interaction.inGuild()) throw new UserError(`${what} belongs to a server: run it inside one.`);
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError(`Only members with the Manage Server permission can ${what.toLowerCase()}.`);
  }
  return interaction.guildId;
}
