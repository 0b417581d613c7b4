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

const embed = {
  title: "Season 32, week 11",
  description: "1. Xochitl Gomez & Val Chmerkovskiy: 60/60\n2. Jason Mraz & Daniella Karagach: 58/60",
  fields: [{ name: "Judges", value: "Carrie Ann Inaba, Derek Hough, Bruno Tonioli" }],
};
const choices = Array.from({ length: 25 }, (_, i) => ({ name: `Choice ${i + 1}`, value: `choice-${i + 1}` }));

client.on(Events.InteractionCreate, async (interaction) => {
  try {
    if (interaction.isAutocomplete()) {
      await interaction.respond(choices);
    } else if (interaction.isChatInputCommand()) {
      await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });
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
client.once(Events.ClientReady, () => process.stdout.write("ready\n"));
await client.login(process.env.DISCORD_TOKEN);
