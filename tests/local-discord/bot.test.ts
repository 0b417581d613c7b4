import { deflateSync } from "node:zlib";
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  GatewayIntentBits,
  type Interaction,
  InteractionResponseType,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";

/** A 2x1 PNG, so the test can check real image bytes and the width/height Discord reports. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Discord allows about 5 edits per 5 s; a shorter window keeps the rate-limit test quick.
const EDIT_WINDOW_MS = 500;

const COUPLES = ["Xochitl & Val", "Xander & Emma", "Ilona & Alan", "Joey & Jenna"];

const commands = [
  new SlashCommandBuilder().setName("ping").setDescription("Replies pong"),
  new SlashCommandBuilder().setName("slow").setDescription("Defers, edits, follows up"),
  new SlashCommandBuilder().setName("chart").setDescription("Sends a PNG"),
  new SlashCommandBuilder()
    .setName("couple")
    .setDescription("Looks up a couple")
    .addStringOption((o) => o.setName("name").setDescription("Couple name").setRequired(true).setAutocomplete(true)),
  new SlashCommandBuilder().setName("vote").setDescription("Shows a button and a select"),
  new SlashCommandBuilder()
    .setName("bad")
    .setDescription("Sends what Discord refuses")
    .addStringOption((o) =>
      o
        .setName("what")
        .setDescription("Which mistake")
        .setRequired(true)
        .addChoices({ name: "select", value: "select" }, { name: "title", value: "title" }),
    ),
  new SlashCommandBuilder().setName("twice").setDescription("Acknowledges twice"),
  new SlashCommandBuilder().setName("late").setDescription("Answers too late"),
  new SlashCommandBuilder().setName("admin").setDescription("Needs Manage Server in the bot"),
  new SlashCommandBuilder()
    .setName("settings")
    .setDescription("Hidden from members without Manage Server")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  new SlashCommandBuilder().setName("burst").setDescription("Edits its reply many times"),
  new SlashCommandBuilder()
    .setName("nominate")
    .setDescription("Nominates a member")
    .addUserOption((o) => o.setName("who").setDescription("Member").setRequired(true))
    .addBooleanOption((o) => o.setName("public").setDescription("Announce it")),
  new SlashCommandBuilder().setName("feedback").setDescription("Shows a modal"),
  new SlashCommandBuilder()
    .setName("week")
    .setDescription("Week commands")
    .addSubcommand((s) =>
      s
        .setName("show")
        .setDescription("Shows a week")
        .addIntegerOption((o) =>
          o.setName("number").setDescription("Week").setRequired(true).setMinValue(1).setMaxValue(12),
        ),
    ),
].map((c) => c.toJSON());

/** What the inline bot caught from the API, for the tests to look at. */
const caught: DiscordAPIError[] = [];
/** Contents of the messages discord.js parsed from `withResponse` callback answers. */
const callbackMessages: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function onInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = COUPLES.filter((c) => c.toLowerCase().includes(typed)).map((c) => ({ name: c, value: c }));
    await interaction.respond(choices);
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `voted ${interaction.customId.split(":")[1]}`, components: [] });
    return;
  }
  if (interaction.isStringSelectMenu()) {
    await interaction.update({ content: `picked ${interaction.values.join(",")}` });
    return;
  }
  if (interaction.isModalSubmit()) {
    await interaction.reply({
      content: `thanks: ${interaction.fields.getTextInputValue("text")}`,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  try {
    switch (interaction.commandName) {
      case "ping": {
        const response = await interaction.reply({ content: "pong", withResponse: true });
        callbackMessages.push(response.resource?.message?.content ?? "");
        return;
      }
      case "nominate": {
        const member = interaction.options.getMember("who");
        const name = member && "displayName" in member ? member.displayName : "?";
        await interaction.reply(`${name} nominated (public: ${interaction.options.getBoolean("public")})`);
        return;
      }
      case "settings":
        await interaction.reply("settings");
        return;
      case "burst":
        await interaction.reply("0");
        for (let n = 1; n <= 6; n++) await interaction.editReply(String(n));
        return;
      case "slow":
        await interaction.deferReply();
        await sleep(30);
        await interaction.editReply({ embeds: [new EmbedBuilder().setTitle("Week 3").setDescription("Leaderboard")] });
        await interaction.fetchReply();
        await interaction.followUp({ content: "psst", flags: MessageFlags.Ephemeral });
        return;
      case "chart":
        await interaction.reply({
          embeds: [new EmbedBuilder().setTitle("Scores").setImage("attachment://chart.png")],
          files: [new AttachmentBuilder(png(), { name: "chart.png" })],
        });
        return;
      case "couple":
        await interaction.reply(`couple: ${interaction.options.getString("name", true)}`);
        return;
      case "vote": {
        const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId("vote:yes").setLabel("Yes").setStyle(ButtonStyle.Success),
          new ButtonBuilder().setCustomId("vote:no").setLabel("No").setStyle(ButtonStyle.Danger),
        );
        const select = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId("pick")
            .addOptions(COUPLES.map((c, i) => ({ label: c, value: String(i) }))),
        );
        await interaction.reply({ content: "Who wins?", components: [buttons, select] });
        return;
      }
      case "bad":
        if (interaction.options.getString("what") === "select") {
          const options = Array.from({ length: 30 }, (_, i) => ({ label: `Couple ${i}`, value: String(i) }));
          await interaction.reply({
            components: [
              // The builder would refuse this itself; raw JSON is what a careless bot sends.
              { type: 1, components: [{ type: 3, custom_id: "too-many", options }] },
            ],
          });
        } else {
          await interaction.reply({ embeds: [{ title: "t".repeat(300) }] });
        }
        return;
      case "twice":
        await interaction.reply("first");
        await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: "second" } },
          auth: false,
        });
        return;
      case "late":
        await sleep(250);
        await interaction.reply("too late");
        return;
      case "admin": {
        const allowed = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
        await interaction.reply(allowed ? "settings saved" : "you need Manage Server");
        return;
      }
      case "feedback":
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId("feedback")
            .setTitle("Feedback")
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId("text").setLabel("Your thoughts").setStyle(TextInputStyle.Paragraph),
              ),
            ),
        );
        return;
      case "week":
        await interaction.reply(
          `week ${interaction.options.getInteger("number", true)} (${interaction.options.getSubcommand()})`,
        );
        return;
    }
  } catch (error) {
    if (error instanceof DiscordAPIError) caught.push(error);
    else throw error;
  }
}

describe("local Discord with a real discord.js client", () => {
  let discord: LocalDiscord;
  let guild: LocalGuild;
  let client: Client;

  beforeAll(async () => {
    discord = await LocalDiscord.start({ editRateLimit: { limit: 5, windowMs: EDIT_WINDOW_MS } });
    guild = discord.addGuild({ name: "Ballroom" });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    client.on("interactionCreate", (interaction) => void onInteraction(interaction));
    const ready = new Promise<void>((resolve) => client.once("clientReady", () => resolve()));
    await client.login(discord.token);
    await ready;
    await client.application?.commands.set(commands, guild.id);
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.stop();
  });

  it("logs in, becomes ready and caches the guild and its channel", async () => {
    await discord.waitForBot();
    expect(client.user?.id).toBe(discord.botUserId);
    expect(client.application?.id).toBe(discord.applicationId);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe("Ballroom");
    expect(cached?.channels.cache.get(guild.defaultChannelId)?.isTextBased()).toBe(true);
    expect(discord.sessions).toHaveLength(1);
  });

  it("stores command registrations with ids and counts the PUTs", () => {
    const registered = discord.commands(guild.id);
    expect(registered.map((c) => c.name)).toContain("couple");
    expect(registered.every((c) => /^\d+$/.test(c.id))).toBe(true);
    expect(discord.commandPuts(guild.id)).toBe(1);
    expect(discord.commandPuts()).toBe(0);
  });

  it("records a reply and its latency", async () => {
    const ix = await discord.slash({ name: "ping" });
    const first = await ix.firstResponse();
    expect(first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(first.latencyMs).toBeGreaterThanOrEqual(0);
    expect(first.latencyMs).toBeLessThan(3000);
    await ix.settled();
    expect(ix.finalMessage()?.content).toBe("pong");
    expect(callbackMessages).toEqual(["pong"]);
    expect(discord.channelMessages(guild.defaultChannelId).at(-1)?.content).toBe("pong");
  });

  it("handles deferReply, editReply and an ephemeral follow-up", async () => {
    const ix = await discord.slash({ name: "slow" });
    expect((await ix.firstResponse()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await ix.settled();
    expect(ix.responses.map((r) => `${r.kind}:${r.status}`)).toEqual([
      "callback:204",
      "edit-original:200",
      "get-original:200",
      "follow-up:200",
    ]);
    const final = ix.finalMessage();
    expect(final?.embeds[0]?.title).toBe("Week 3");
    expect((final?.flags ?? 0) & MessageFlags.Loading).toBe(0);
    expect(ix.followUps).toHaveLength(1);
    expect(ix.followUps[0]?.content).toBe("psst");
    expect(discord.channelMessages(guild.defaultChannelId).some((m) => m.content === "psst")).toBe(false);
  });

  it("captures multipart attachment bytes and resolves attachment:// in embeds", async () => {
    const ix = await (await discord.slash({ name: "chart" })).settled();
    const message = ix.finalMessage();
    const attachment = message?.attachments[0];
    expect(attachment?.filename).toBe("chart.png");
    expect(attachment?.bytes.equals(png())).toBe(true);
    expect([attachment?.width, attachment?.height]).toEqual([2, 1]);
    expect(message?.embeds[0]?.image?.url).toBe(attachment?.url);
    const served = await fetch(attachment?.url ?? "");
    expect(Buffer.from(await served.arrayBuffer()).equals(png())).toBe(true);
  });

  it("answers autocomplete with choices", async () => {
    const { choices, latencyMs } = await discord.autocomplete({
      name: "couple",
      options: { name: "xo" },
      focused: "name",
    });
    expect(choices.map((c) => c.name)).toEqual(["Xochitl & Val"]);
    expect(latencyMs).toBeLessThan(3000);
    const raw = await discord.autocomplete({
      name: "couple",
      options: [{ name: "name", type: 3, value: "j", focused: true }],
    });
    expect(raw.choices.map((c) => c.value)).toEqual(["Joey & Jenna"]);
    const picked = await (
      await discord.slash({ name: "couple", options: [{ name: "name", type: 3, value: "Joey & Jenna" }] })
    ).settled();
    expect(picked.finalMessage()?.content).toBe("couple: Joey & Jenna");
  });

  it("updates a message on a button click and on a select", async () => {
    const vote = await (await discord.slash({ name: "vote" })).settled();
    const message = vote.finalMessage();
    if (!message) throw new Error("no vote message");
    const picked = await (await discord.select({ message, customId: "pick", values: ["2"] })).settled();
    expect((await picked.firstResponse()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(discord.message(message.id)?.content).toBe("picked 2");
    const click = await (await discord.click({ message, customId: "vote:yes" })).settled();
    expect(click.finalMessage()?.id).toBe(message.id);
    expect(click.finalMessage()?.content).toBe("voted yes");
    expect(click.finalMessage()?.components).toEqual([]);
    await expect(discord.click({ message, customId: "vote:no" })).rejects.toThrow(/no component/);
  });

  it("shows a modal and receives its submission", async () => {
    const shown = await discord.slash({ name: "feedback" });
    expect((await shown.firstResponse()).type).toBe(InteractionResponseType.Modal);
    const submitted = await (
      await discord.submitModal({ customId: "feedback", fields: { text: "Great show" } })
    ).settled();
    expect(submitted.finalMessage()?.content).toBe("thanks: Great show");
    expect((submitted.finalMessage()?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it("passes subcommands and typed options, and checks them like the Discord client", async () => {
    const ix = await (await discord.slash({ name: "week", subcommand: "show", options: { number: 3 } })).settled();
    expect(ix.finalMessage()?.content).toBe("week 3 (show)");
    const pro = discord.addMember(guild.id, { user: { username: "val" }, nick: "Val" });
    const nominated = await (
      await discord.slash({ name: "nominate", options: { who: pro.id, public: true } })
    ).settled();
    expect(nominated.finalMessage()?.content).toBe("Val nominated (public: true)");
    await expect(discord.slash({ name: "week", subcommand: "show", options: { number: 13 } })).rejects.toThrow(
      /out of range/,
    );
    await expect(discord.slash({ name: "week" })).rejects.toThrow(/needs a subcommand/);
    await expect(discord.slash({ name: "nope" })).rejects.toThrow(/not registered/);
  });

  it("gives each interaction the member's permissions", async () => {
    const admin = discord.addMember(guild.id, {
      user: { username: "producer" },
      permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
    });
    const allowed = await (await discord.slash({ name: "admin", user: admin.id })).settled();
    expect(allowed.finalMessage()?.content).toBe("settings saved");
    const denied = await (await discord.slash({ name: "admin", user: { username: "fan" } })).settled();
    expect(denied.finalMessage()?.content).toBe("you need Manage Server");
    const owner = await (await discord.slash({ name: "admin", user: guild.ownerId })).settled();
    expect(owner.finalMessage()?.content).toBe("settings saved");
    await expect(discord.slash({ name: "settings", user: { username: "fan" } })).rejects.toThrow(
      /lacks the permissions/,
    );
    await (await discord.slash({ name: "settings", user: admin.id })).settled();
    discord.assertNoViolations();
  });

  it("sends rate-limit headers that keep discord.js under the edit limit", async () => {
    const started = Date.now();
    // discord.js holds the sixth edit until the window resets, so "done" means quiet for longer than a window.
    const ix = await (await discord.slash({ name: "burst" })).settled({ idleMs: EDIT_WINDOW_MS + 200 });
    expect(ix.finalMessage()?.content).toBe("6");
    expect(ix.responses.filter((r) => r.kind === "edit-original").map((r) => r.status)).toEqual([
      200, 200, 200, 200, 200, 200,
    ]);
    // Five edits per window: the sixth waited for the next window instead of getting a 429.
    expect(Date.now() - started).toBeGreaterThanOrEqual(EDIT_WINDOW_MS / 2);
    expect(discord.rateLimitHits).toEqual([]);
  });

  it("refuses bodies Discord would refuse, with 50035, and records them", async () => {
    caught.length = 0;
    // A short window, because neither bad reply is accepted: both interactions also go unanswered.
    const select = await discord.slash({ name: "bad", options: { what: "select" }, callbackWindowMs: 300 });
    await vi.waitFor(() => expect(caught).toHaveLength(1), { timeout: 5000 });
    const title = await discord.slash({ name: "bad", options: { what: "title" }, callbackWindowMs: 300 });
    await vi.waitFor(() => expect(caught).toHaveLength(2), { timeout: 5000 });
    expect(caught.map((e) => [e.status, e.code])).toEqual([
      [400, 50035],
      [400, 50035],
    ]);
    await expect(select.firstResponse()).rejects.toThrow(/no response/);
    await expect(title.firstResponse()).rejects.toThrow(/no response/);
    const violations = discord.takeViolations();
    const invalid = violations.filter((v) => v.kind === "invalid-body");
    expect(invalid.map((v) => v.errors[0]?.path)).toEqual([
      "data.components.0.components.0.options",
      "data.embeds.0.title",
    ]);
    expect(violations.filter((v) => v.kind === "unanswered")).toHaveLength(2);
    expect(() => {
      discord.assertNoViolations();
    }).not.toThrow();
  });

  it("answers a second acknowledgement with 40060", async () => {
    caught.length = 0;
    await discord.slash({ name: "twice" });
    await vi.waitFor(() => expect(caught.map((e) => e.code)).toEqual([40060]), { timeout: 5000 });
    expect(discord.takeViolations().map((v) => v.kind)).toEqual(["already-acknowledged"]);
  });

  it("rejects a first response after the window with 10062", async () => {
    caught.length = 0;
    const ix = await discord.slash({ name: "late", callbackWindowMs: 100 });
    await expect(ix.firstResponse()).rejects.toThrow(/no response within 100 ms/);
    // The bot's reply comes after the window closed: wait for it rather than for a quiet spell.
    await vi.waitFor(() => expect(caught.map((e) => e.code)).toEqual([10062]), { timeout: 5000 });
    expect(
      discord
        .takeViolations()
        .map((v) => v.kind)
        .sort(),
    ).toEqual(["unanswered", "unknown-interaction"]);
  });
});
