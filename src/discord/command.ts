import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { CoupleNameIndex } from "../lookups/nameIndex.js";

export type ComponentInteraction = ButtonInteraction | AnySelectMenuInteraction;

/** What every handler gets: the database and the in-memory indexes, nothing global. */
export interface BotContext {
  db: Database;
  names: CoupleNameIndex;
  logger: Logger;
  config: Config;
}

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Buttons and menus whose custom_id starts with `${componentPrefix}:` are routed to `onComponent`. */
  componentPrefix?: string;
  onComponent?(interaction: ComponentInteraction, ctx: BotContext): Promise<void>;
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
});
