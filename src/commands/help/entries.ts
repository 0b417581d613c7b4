import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { ApplicationCommandOptionType, PermissionFlagsBits } from "discord-api-types/v10";

export interface HelpEntry {
  name: string;
  /** "/season [number]", "/settings spoilers hours" */
  usage: string;
  description: string;
  example: string;
  /** The permission a member needs, when the command asks for one. */
  needs: string | null;
}

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;
type Option = NonNullable<Definition["options"]>[number];

const isSubcommand = (o: Option) =>
  o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;

function usageOf(path: string, options: readonly Option[]): string {
  const args = options.map((o) => {
    const required = "required" in o && o.required;
    return required ? o.name : `[${o.name}]`;
  });
  return [`/${path}`, ...args].join(" ");
}

/** A usage line per command, or per subcommand: written from the definitions Discord is given, so it cannot drift. */
export function helpEntries(
  definitions: readonly Definition[],
  examples: Readonly<Record<string, string>>,
): HelpEntry[] {
  const entries: HelpEntry[] = [];
  for (const d of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) {
    const needs =
      d.default_member_permissions && BigInt(d.default_member_permissions) & PermissionFlagsBits.ManageGuild
        ? "Manage Server"
        : null;
    const options = d.options ?? [];
    const subs = options.filter(isSubcommand);
    const variants =
      subs.length > 0
        ? subs.map((s) => ({
            path: `${d.name} ${s.name}`,
            description: s.description,
            options: ("options" in s ? (s.options ?? []) : []) as Option[],
          }))
        : [{ path: d.name, description: d.description, options }];
    for (const v of variants) {
      entries.push({
        name: v.path,
        usage: usageOf(v.path, v.options),
        description: v.description,
        example: examples[v.path] ?? exampleFrom(v.path, v.options),
        needs,
      });
    }
  }
  return entries;
}

/** For a command with no written example: its required options, named. */
function exampleFrom(path: string, options: readonly Option[]): string {
  const required = options.filter((o) => "required" in o && o.required).map((o) => `${o.name}:…`);
  return [`/${path}`, ...required].join(" ");
}

/** Checks an example against a definition: the command exists and every `name:` it uses is one of its options. */
export function exampleProblems(example: string, definitions: readonly Definition[]): string[] {
  const [head, ...rest] = example.split(" ");
  const definition = definitions.find((d) => `/${d.name}` === head);
  if (!definition) return [`${example}: no command ${head}`];
  let options = definition.options ?? [];
  const sub = options.find((o) => isSubcommand(o) && o.name === rest[0]);
  if (sub) {
    options = ("options" in sub ? (sub.options ?? []) : []) as Option[];
    rest.shift();
  } else if (options.some(isSubcommand)) return [`${example}: /${definition.name} needs a subcommand`];
  const problems: string[] = [];
  const used = [...rest.join(" ").matchAll(/(?:^|\s)([a-z_-]+):/g)].map((m) => m[1] as string);
  for (const name of used) if (!options.some((o) => o.name === name)) problems.push(`${example}: no option ${name}`);
  for (const o of options) {
    if ("required" in o && o.required && !used.includes(o.name)) problems.push(`${example}: misses ${o.name}`);
  }
  return problems;
}

/** A group of /help: a title and the commands (or subcommands) in it, by name ("poll mirrorball"). */
export interface HelpGroup {
  title: string;
  commands: readonly string[];
}

/**
 * Sorts the entries into the groups, in the groups' order, and the moderators' commands into one list. Every entry
 * must have its place: a command added without one is an error the tests see, not a line /help silently drops.
 */
export function groupEntries(
  entries: readonly HelpEntry[],
  groups: readonly HelpGroup[],
  moderators: readonly string[],
  unlisted: readonly string[] = [],
): { groups: { title: string; entries: HelpEntry[] }[]; moderators: HelpEntry[] } {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const take = (name: string): HelpEntry => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`/help names /${name}, which is not a registered command`);
    byName.delete(name);
    return entry;
  };
  const page = {
    groups: groups.map((g) => ({ title: g.title, entries: g.commands.map(take) })),
    moderators: moderators.map(take),
  };
  for (const name of unlisted) byName.delete(name);
  if (byName.size > 0) throw new Error(`/help has no place for ${[...byName.keys()].map((n) => `/${n}`).join(", ")}`);
  return page;
}
