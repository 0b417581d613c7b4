/**
 * From what a member typed to a slash interaction, checked against the command the bot registered as Discord's client
 * checks it before sending: subcommands, required options, choices, whole numbers and ranges, lengths, files.
 * Shared by the page's composer (through the playground server) and the console.
 */
import {
  type APIApplicationCommand,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType as T,
} from "discord.js";
import type { AttachmentInput, SlashInput, SlashOptionValue } from "../local-discord/index.js";

/** Something the member typed that Discord's client would not send: the sentence says what to change. */
export class InputError extends Error {}

/** Raw values by option name: text as typed, or a file for an attachment option. */
export type TypedOptions = Map<string, string | AttachmentInput>;

export interface TypedCommand {
  name: string;
  /** Subcommand group and subcommand names, in that order, as typed after the command. */
  path: string[];
  options: TypedOptions;
}

/** The options of the subcommand named by `path` (and its group), or of the command itself. */
export function optionsAt(command: APIApplicationCommand, path: string[]): APIApplicationCommandBasicOption[] {
  let level: APIApplicationCommandOption[] = command.options ?? [];
  for (const step of path) {
    const nested = level.find((o) => o.name === step && (o.type === T.Subcommand || o.type === T.SubcommandGroup));
    if (!nested || !("options" in nested))
      throw new InputError(`/${[command.name, ...path].join(" ")} is not a command here.`);
    level = nested.options ?? [];
  }
  const needed = level.filter((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup);
  if (needed.length > 0) {
    throw new InputError(
      `/${[command.name, ...path].join(" ")} needs one of: ${needed.map((o) => o.name).join(", ")}.`,
    );
  }
  return level as APIApplicationCommandBasicOption[];
}

/** Checks typed values and converts them to the harness's slash input. */
export function slashInput(commands: APIApplicationCommand[], typed: TypedCommand): SlashInput {
  const command = commands.find((c) => c.name === typed.name);
  if (!command) {
    throw new InputError(`There is no /${typed.name} here. Commands: ${commands.map((c) => `/${c.name}`).join(", ")}`);
  }
  const definitions = optionsAt(command, typed.path);
  const where = `/${[command.name, ...typed.path].join(" ")}`;
  const options: Record<string, SlashOptionValue> = {};
  for (const [name, raw] of typed.options) {
    const definition = definitions.find((o) => o.name === name);
    if (!definition) throw new InputError(`${where} has no option "${name}".`);
    options[name] = optionValue(definition, raw);
  }
  const missing = definitions.filter((o) => o.required && !(o.name in options)).map((o) => o.name);
  if (missing.length > 0) throw new InputError(`${where} needs ${missing.join(", ")}.`);
  const [subcommandGroup, subcommand] = typed.path.length === 2 ? typed.path : [undefined, typed.path[0]];
  return {
    name: command.name,
    ...(subcommandGroup ? { subcommandGroup } : {}),
    ...(subcommand ? { subcommand } : {}),
    options,
  };
}

function optionValue(option: APIApplicationCommandBasicOption, raw: string | AttachmentInput): SlashOptionValue {
  const { name } = option;
  if (option.type === T.Attachment) {
    if (typeof raw === "string") throw new InputError(`${name} takes a file: attach one.`);
    return raw;
  }
  if (typeof raw !== "string") throw new InputError(`${name} does not take a file.`);
  const text = raw.trim();
  if (text === "") throw new InputError(`${name} is empty.`);
  if ("choices" in option && option.choices && option.choices.length > 0) {
    // The client shows choice names and sends their values.
    const lower = text.toLowerCase();
    const choice = option.choices.find(
      (c) => c.name.toLowerCase() === lower || String(c.value).toLowerCase() === lower,
    );
    if (!choice) {
      throw new InputError(`${name} must be one of: ${option.choices.map((c) => c.name).join(", ")}.`);
    }
    return choice.value;
  }
  switch (option.type) {
    case T.Integer:
    case T.Number: {
      const value = Number(text);
      if (!Number.isFinite(value) || (option.type === T.Integer && !Number.isInteger(value))) {
        throw new InputError(`${name} must be a ${option.type === T.Integer ? "whole number" : "number"}.`);
      }
      const { min_value: low, max_value: high } = option;
      if ((low !== undefined && value < low) || (high !== undefined && value > high)) {
        throw new InputError(`${name} must be ${range(low, high)}.`);
      }
      return value;
    }
    case T.Boolean:
      if (!/^(true|false)$/i.test(text)) throw new InputError(`${name} must be True or False.`);
      return text.toLowerCase() === "true";
    case T.String: {
      const { min_length: low = 0, max_length: high = 6000 } = option;
      if (text.length < low || text.length > high) {
        throw new InputError(`${name} must be ${low}-${high} characters long (it is ${text.length}).`);
      }
      return text;
    }
    default:
      return text;
  }
}

function range(low: number | undefined, high: number | undefined): string {
  if (low !== undefined && high !== undefined) return `between ${low} and ${high}`;
  return low !== undefined ? `at least ${low}` : `at most ${high}`;
}
