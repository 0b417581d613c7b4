import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { BotContext } from "../context.js";

export type ComponentInteraction = ButtonInteraction | AnySelectMenuInteraction;

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Buttons and menus whose custom_id starts with `${componentPrefix}:` are routed to `onComponent`. */
  componentPrefix?: string;
  onComponent?(interaction: ComponentInteraction, ctx: BotContext): Promise<void>;
  /** Modals whose custom_id starts with `${componentPrefix}:` are routed to `onModal`. */
  onModal?(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void>;
  /**
   * "admin": registered to ADMIN_GUILD_ID only, and refused at run time anywhere else and for anyone but the bot
   * owners. Unset: registered like every other command.
   */
  scope?: "admin";
}

/** The module shape every file in src/commands must export by default, checked when the bot loads them. */
export const commandShape = z.object({
  data: z.object({ name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u), toJSON: z.function() }),
  execute: z.function(),
  autocomplete: z.function().optional(),
  componentPrefix: z
    .string()
    .regex(/^[a-z]{1,8}$/)
    .optional(),
  onComponent: z.function().optional(),
  onModal: z.function().optional(),
  scope: z.literal("admin").optional(),
});
