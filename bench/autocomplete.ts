import { cpus, totalmem } from "node:os";
import { pino } from "pino";
import { startBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { seedSeasons } from "../src/db/seed.js";
import { LocalDiscord } from "../tools/local-discord/index.js";

/**
 * `npm run bench:autocomplete`: how long a member waits for name suggestions, measured through the local Discord and
 * the real client (gateway dispatch -> handler -> interaction callback), for every name option.
 */
const rounds = Number(process.env.ROUNDS ?? 300);
const typedNames = ["x", "xoch", "val", "helio", "derek", "jen", "a", "mar", "zz", "carrie"];
const typedNumbers = ["", "3", "1", "2", "32"];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const discord = await LocalDiscord.start();
const guild = discord.addGuild({ name: "Bench" });
const database = await openDatabase({ pgliteDir: "memory://" });
await database.migrate();
await seedSeasons(database.db);
const config = loadConfig({ DISCORD_API_URL: discord.apiUrl, DEV_GUILD_ID: guild.id, LOG_LEVEL: "silent" });
const bot = await startBot({ config, db: database.db, token: discord.token, logger: pino({ level: "silent" }) });
const everyday = [...bot.commands.values()].filter((c) => c.scope !== "admin").map((c) => c.data.name);
await discord.waitForCommands(everyday, { guildId: guild.id });

const targets = discord
  .commands(guild.id)
  .flatMap((c) =>
    (c.options ?? [])
      .filter((o) => "autocomplete" in o && o.autocomplete)
      .map((o) => ({ command: c.name, option: o.name, type: o.type })),
  )
  .filter((t) => t.type === 3 || t.type === 4);
const rows: string[] = [];
for (const target of targets) {
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const typed = target.type === 3 ? typedNames : typedNumbers;
    const text = typed[i % typed.length] as string;
    const result = await discord.autocomplete({
      name: target.command,
      options: { [target.option]: text },
      focused: target.option,
    });
    latencies.push(result.latencyMs);
  }
  rows.push(
    `| /${target.command} ${target.option} | ${rounds} | ${percentile(latencies, 50).toFixed(2)} | ${percentile(latencies, 99).toFixed(2)} | ${Math.max(...latencies).toFixed(2)} |`,
  );
}
discord.assertNoViolations();
await bot.stop();
await discord.stop();
await database.close();

process.stdout.write(
  [
    `Autocomplete through the local Discord (node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB)`,
    "",
    "| option | requests | p50 ms | p99 ms | max ms |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
