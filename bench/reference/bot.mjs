/**
 * The store-nothing reference: a plain discord.js bot, run as its own `node` process like Mirrorball, that answers
 * every interaction the benchmarks send with a fixed reply of the same kind (a message with an embed, a private
 * receipt, an updated message, autocomplete choices) and touches no database. Its figures are the ceiling of
 * discord.js, Node and the local Discord on this machine. Default client options, as a newcomer would write it.
 *
 * Environment: DISCORD_TOKEN, DISCORD_API_URL, SHARD_COUNT (auto or a number).
 */
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";

const shards = process.env.SHARD_COUNT && process.env.SHARD_COUNT !== "auto" ? Number(process.env.SHARD_COUNT) : 0;
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL },
  ...(shards ? { shards: [...Array(shards).keys()], shardCount: shards } : { shards: "auto" }),
});

// Replies the size of Mirrorball's (a leaderboard page is ~3.5 KB of embed; a couple's chart ~18 KB of palette PNG), so
// the comparison is about storing and computing, not about message size.
const line = "Xochitl Gomez & Val Chmerkovskiy · Tango · 10 10 10 · 30/30";
const embed = {
  title: "Season 32, week 11: the judges' leaderboard",
  description: Array.from({ length: 24 }, (_, i) => `${i + 1}. ${line}`).join("\n"),
  fields: Array.from({ length: 6 }, (_, i) => ({
    name: `Dance ${i + 1}`,
    value: `${line}\n${line}\n${line}\n${line}`,
  })),
  footer: { text: "Page 1 of 1" },
};
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(18_000, 7)]);
const charted = new Set(["couple", "compare"]);
const choices = Array.from({ length: 25 }, (_, i) => ({ name: `Choice ${i + 1}`, value: `choice-${i + 1}` }));

client.on(Events.InteractionCreate, async (interaction) => {
  try {
    if (interaction.isAutocomplete()) {
      await interaction.respond(choices);
    } else if (interaction.isChatInputCommand()) {
      const files = charted.has(interaction.commandName) ? [{ attachment: png, name: "chart.png" }] : [];
      await interaction.reply({ embeds: [embed], files, allowedMentions: { parse: [] } });
    } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
      if (interaction.customId.startsWith("pv:")) {
        await interaction.reply({ content: "Your vote is in.", flags: MessageFlags.Ephemeral });
      } else {
        await interaction.update({ embeds: [embed] });
      }
    }
  } catch (error) {
    process.stderr.write(`reference: ${error}\n`);
  }
});
// A clean exit on the benchmark's SIGTERM, so node's exit hooks run (--cpu-prof writes its profile then).
process.on("SIGTERM", () => process.exit(0));
client.once(Events.ClientReady, () => process.stdout.write("ready\n"));
await client.login(process.env.DISCORD_TOKEN);
