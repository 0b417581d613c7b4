import {
  type APIChatInputApplicationCommandInteraction,
  type ChatInputCommandInteraction,
  Client,
  GatewayIntentBits,
  SlashCommandBuilder,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";

const season = `${JSON.stringify({ format: "mirrorball.season/1", season: 35 }, null, 2)}\n`;
// The PNG signature and an IHDR chunk saying 3x2: enough for Discord (and the local CDN) to report the size.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from("IHDR"),
  Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]),
]);

const commands = [
  new SlashCommandBuilder()
    .setName("inspect")
    .setDescription("Reads attached files")
    .addAttachmentOption((o) => o.setName("file").setDescription("Any file").setRequired(true))
    .addAttachmentOption((o) => o.setName("extra").setDescription("Another file"))
    .addStringOption((o) => o.setName("label").setDescription("A label")),
  new SlashCommandBuilder()
    .setName("season")
    .setDescription("Takes season files only")
    .addSubcommand((s) =>
      s
        .setName("load")
        .setDescription("Loads one")
        .addAttachmentOption((o) =>
          o.setName("file").setDescription("season-NN.json").setRequired(true).setFileTypes(".json"),
        ),
    ),
].map((c) => c.toJSON());

/** What a bot sees of an attached file, and the bytes it downloads from the attachment's url. */
async function describeFile(interaction: ChatInputCommandInteraction, name: string): Promise<string> {
  const file = interaction.options.getAttachment(name);
  if (!file) return `${name}: none`;
  const response = await fetch(file.url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return [
    `${name}: ${file.name}`,
    `size ${file.size}`,
    `type ${file.contentType}`,
    `ephemeral ${file.ephemeral}`,
    `${file.width ?? "-"}x${file.height ?? "-"}`,
    `got ${response.status} ${response.headers.get("content-type")} ${bytes.length} bytes`,
    `starts ${bytes.subarray(0, 8).toString("hex")}`,
  ].join(" | ");
}

describe("attachment options in the local Discord", () => {
  let discord: LocalDiscord;
  let guild: LocalGuild;
  let client: Client;

  beforeAll(async () => {
    discord = await LocalDiscord.start();
    guild = discord.addGuild({ name: "Ballroom", channels: [{ name: "general" }, { name: "owners" }] });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    client.on("interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const lines = [await describeFile(interaction, "file")];
      if (interaction.commandName === "inspect") {
        lines.push(await describeFile(interaction, "extra"), `label: ${interaction.options.getString("label")}`);
      }
      await interaction.reply(lines.join("\n"));
    });
    await client.login(discord.token);
    await discord.waitForBot();
    await client.application?.commands.set(commands, guild.id);
    await discord.waitForCommands(["inspect", "season"], { guildId: guild.id });
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.stop();
  });

  it("GIVEN a JSON file in an attachment option WHEN the command runs THEN the bot reads its details and downloads its bytes", async () => {
    const ix = await discord.slash({
      name: "inspect",
      options: { file: { filename: "season-35.json", bytes: season }, label: "S35" },
    });
    await ix.settled();
    expect(ix.finalMessage()?.content).toBe(
      [
        `file: season-35.json | size ${Buffer.byteLength(season)} | type application/json; charset=utf-8 | ephemeral true | -x-` +
          ` | got 200 application/json; charset=utf-8 ${Buffer.byteLength(season)} bytes | starts ${Buffer.from(season).subarray(0, 8).toString("hex")}`,
        "extra: none",
        "label: S35",
      ].join("\n"),
    );
    discord.assertNoViolations();
  });

  it("GIVEN a file WHEN sent THEN the payload carries its id as the value and the file in resolved.attachments, as Discord sends it", async () => {
    const ix = await discord.slash({
      name: "inspect",
      channelId: guild.channelIds[1],
      options: { file: { filename: "chart.png", bytes: png }, extra: { filename: "notes", bytes: "hi" } },
    });
    await ix.settled();
    const { data } = ix.payload as APIChatInputApplicationCommandInteraction;
    const options = data.options ?? [];
    expect(options.map((o) => [o.name, o.type])).toEqual([
      ["file", 11],
      ["extra", 11],
    ]);
    const attachments = data.resolved?.attachments ?? {};
    const file = attachments[String((options[0] as { value: string }).value)];
    expect(file).toMatchObject({
      filename: "chart.png",
      size: png.length,
      content_type: "image/png",
      width: 3,
      height: 2,
    });
    expect(file?.ephemeral).toBe(true);
    expect(file?.url).toMatch(
      new RegExp(
        `^http://[^/]+/ephemeral-attachments/${guild.channelIds[1]}/${file?.id}/chart\\.png\\?ex=[0-9a-f]+&is=`,
      ),
    );
    // A file with no known extension has no content type, as on Discord.
    const notes = attachments[String((options[1] as { value: string }).value)];
    expect(notes).toMatchObject({ filename: "notes", size: 2 });
    expect(notes).not.toHaveProperty("content_type");
    expect(ix.finalMessage()?.content).toContain(`starts ${png.subarray(0, 8).toString("hex")}`);
    expect(ix.finalMessage()?.content).toContain(
      `file: chart.png | size ${png.length} | type image/png | ephemeral true | 3x2`,
    );
    expect(ix.finalMessage()?.content).toContain("extra: notes | size 2 | type null");
    discord.assertNoViolations();
  });

  it("GIVEN a subcommand with file_types WHEN a matching file is attached THEN it arrives; other files throw like the client refuses them", async () => {
    const ix = await discord.slash({
      name: "season",
      subcommand: "load",
      options: { file: { filename: "SEASON-35.JSON", bytes: Buffer.from(season) } },
    });
    await ix.settled();
    expect(ix.finalMessage()?.content).toMatch(/^file: SEASON-35\.JSON \| size \d+ \| type application\/json/);
    await expect(
      discord.slash({ name: "season", subcommand: "load", options: { file: { filename: "chart.png", bytes: png } } }),
    ).rejects.toThrow(/takes only \.json files, not chart\.png/);
    discord.assertNoViolations();
  });

  it("GIVEN options a user could not send WHEN the test sends them THEN the harness throws", async () => {
    await expect(discord.slash({ name: "inspect", options: {} })).rejects.toThrow(/missing required option\(s\) file/);
    await expect(discord.slash({ name: "inspect", options: { file: "season-35.json" } })).rejects.toThrow(
      /option "file" is an attachment: give it \{ filename, bytes \}/,
    );
    await expect(
      discord.slash({
        name: "inspect",
        options: { file: { filename: "a.json", bytes: "{}" }, label: { filename: "b.json", bytes: "{}" } },
      }),
    ).rejects.toThrow(/option "label" must be a string \(got the file b\.json\)/);
    await expect(
      discord.slash({ name: "inspect", options: [{ name: "file", type: 11, value: "123" }] }),
    ).rejects.toThrow(/raw option "file" cannot carry a file/);
    await expect(
      discord.slash({
        name: "inspect",
        options: { file: { filename: "huge.json", bytes: Buffer.alloc(10 * 1024 * 1024 + 1) } },
      }),
    ).rejects.toThrow(/users cannot upload over/);
    expect(discord.interactions.every((i) => i.acknowledged)).toBe(true);
  });

  it("GIVEN the local CDN WHEN asked for an attachment it does not hold, or in another channel THEN it answers 404", async () => {
    const ix = await discord.slash({ name: "inspect", options: { file: { filename: "a.txt", bytes: "abc" } } });
    await ix.settled();
    const { data } = ix.payload as APIChatInputApplicationCommandInteraction;
    const [file] = Object.values(data.resolved?.attachments ?? {});
    if (!file) throw new Error("no resolved attachment");
    expect(await (await fetch(file.url)).text()).toBe("abc");
    const elsewhere = file.url.replace(`/${guild.defaultChannelId}/`, `/${guild.channelIds[1]}/`);
    expect((await fetch(elsewhere)).status).toBe(404);
    expect((await fetch(file.url.replace(file.id, "1"))).status).toBe(404);
    discord.assertNoViolations();
  });
});
