import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Command, commandShape } from "./command.js";

const commandsDir = fileURLToPath(new URL("../commands/", import.meta.url));

/** The entry of each command folder: index.ts (run by tsx and vitest) or index.js (compiled). */
async function commandEntries(): Promise<string[]> {
  const folders = (await readdir(commandsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const entries: string[] = [];
  for (const folder of folders.sort()) {
    const files = await readdir(`${commandsDir}${folder}`);
    const entry = ["index.ts", "index.js"].find((f) => files.includes(f));
    if (!entry) throw new Error(`src/commands/${folder} has no index.ts: every command folder exports one command`);
    entries.push(`${folder}/${entry}`);
  }
  return entries;
}

/**
 * Every command in src/commands, one folder each (`<name>/index.ts`, its subcommands and custom_ids beside it):
 * the same list for the bot, the deploy script and the tests.
 */
export async function loadCommands(): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const file of await commandEntries()) {
    const module = (await import(pathToFileURL(`${commandsDir}${file}`).href)) as { default?: unknown };
    const checked = commandShape.safeParse(module.default);
    if (!checked.success) {
      throw new Error(
        `src/commands/${file} must export default { data, execute } (${checked.error.issues[0]?.message})`,
      );
    }
    const command = module.default as Command;
    if (commands.has(command.data.name))
      throw new Error(`src/commands/${file}: /${command.data.name} is defined twice`);
    const sharing = [...commands.values()].find(
      (c) => c.componentPrefix && c.componentPrefix === command.componentPrefix,
    );
    // Buttons are routed by prefix: two commands with one prefix would answer each other's buttons.
    if (sharing)
      throw new Error(`src/commands/${file}: button prefix "${command.componentPrefix}" is /${sharing.data.name}'s`);
    commands.set(command.data.name, command);
  }
  return commands;
}

export function commandDefinitions(commands: Map<string, Command>) {
  return [...commands.values()].map((c) => c.data.toJSON()).sort((a, b) => a.name.localeCompare(b.name));
}
