import { Events, type Interaction } from "discord.js";
import { adminRefusal } from "../admin/access.js";
import type { BotContext } from "../context.js";
import { answerError } from "../discord/answerError.js";
import type { Command } from "../discord/command.js";
import { UserError } from "../errors.js";

function findComponentHandler(commands: Map<string, Command>, customId: string): Command | undefined {
  const prefix = customId.split(":", 1)[0];
  for (const command of commands.values()) if (command.componentPrefix === prefix) return command;
  return undefined;
}

/** Admin commands answer only the bot owners, only in the admin server, whatever Discord was told to show. */
function refuseOutsiders(command: Command, interaction: Interaction, ctx: BotContext): void {
  if (command.scope !== "admin") return;
  const refusal = adminRefusal(ctx.config, interaction);
  if (refusal) throw new UserError(refusal);
}

/** Routes every interaction to its command, and is the single place failures are answered. */
export function interactionCreate(commands: Map<string, Command>, ctx: BotContext) {
  return {
    name: Events.InteractionCreate as const,
    async execute(interaction: Interaction): Promise<void> {
      try {
        if (interaction.isChatInputCommand()) {
          const command = commands.get(interaction.commandName);
          if (!command)
            throw new UserError("I do not know that command any more; it may have been renamed. Type / to see mine.");
          refuseOutsiders(command, interaction, ctx);
          await command.execute(interaction, ctx);
        } else if (interaction.isAutocomplete()) {
          const command = commands.get(interaction.commandName);
          // Outsiders get no suggestions from an admin command (the names of an unaired season included).
          if (command?.scope !== "admin" || !adminRefusal(ctx.config, interaction)) {
            await command?.autocomplete?.(interaction, ctx);
          }
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isButton() || interaction.isAnySelectMenu()) {
          const command = findComponentHandler(commands, interaction.customId);
          if (!command?.onComponent) {
            throw new UserError(
              "That button is from an older version of me and no longer works. Run the command again.",
            );
          }
          refuseOutsiders(command, interaction, ctx);
          await command.onComponent(interaction, ctx);
        } else if (interaction.isModalSubmit()) {
          const command = findComponentHandler(commands, interaction.customId);
          if (!command?.onModal) {
            throw new UserError("That form is from an older version of me and no longer works. Run the command again.");
          }
          refuseOutsiders(command, interaction, ctx);
          await command.onModal(interaction, ctx);
        }
      } catch (error) {
        await answerError(interaction, error, ctx.logger);
      }
    },
  };
}
