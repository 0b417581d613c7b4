import { SlashCommandBuilder } from "@discordjs/builders";
import { ChannelType, type ChatInputCommandInteraction, type Interaction, PermissionFlagsBits } from "discord.js";
import {
  deleteSchedule,
  getPoll,
  getPollSettings,
  getSchedule,
  type NewPoll,
  openPolls,
  saveSchedule,
  updatePollSettings,
} from "../db/queries/polls/index.js";
import { seasonChoices } from "../discord/choices.js";
import type { BotContext, Command } from "../discord/command.js";
import { respond } from "../discord/respond.js";
import { UserError } from "../errors.js";
import { canManagePolls, maxQuestionLength, parseCustomOptions } from "../polls/custom.js";
import { pollDuration } from "../polls/duration.js";
import { predictionPoll } from "../polls/prediction.js";
import { canonicalTimeZone, formatAirTime, nextAirTime, parseAirTime, weekdays } from "../polls/schedule.js";
import { safeText, timestamp, voteIdPattern, voteReceiptView } from "../views/poll.js";
import { pollSettingsView, scheduleLine } from "../views/pollPredictions.js";
import type { View } from "../views/view.js";

const dayMs = 86_400_000;
const text = (content: string): View => ({ content, embeds: [], components: [] });

function guildOf(interaction: Interaction): string {
  if (!interaction.guildId) throw new UserError("Polls live in a server: run this in a server channel, not in DMs.");
  return interaction.guildId;
}

/** Manage Server, or the role the server chose for polls. */
async function requireManager(interaction: ChatInputCommandInteraction, ctx: BotContext, what: string): Promise<void> {
  const settings = await getPollSettings(ctx.db, guildOf(interaction));
  const roles = interaction.member?.roles;
  const roleIds = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  const manageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  if (!canManagePolls({ manageGuild, roleIds }, settings.managerRoleId)) {
    const role = settings.managerRoleId ? ` or the <@&${settings.managerRoleId}> role` : "";
    throw new UserError(`Only members with Manage Server${role} can ${what}.`);
  }
}

const closes = (o: import("@discordjs/builders").SlashCommandStringOption) =>
  o.setName("closes").setDescription("How long it stays open, e.g. 30m, 2h, 1d (default 1d)").setMaxLength(20);

/** The question and answers: typed by the member (custom), or built from the season's couples. */
async function whatToAsk(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  sub: string,
): Promise<Pick<NewPoll, "kind" | "question" | "options"> & Partial<NewPoll>> {
  if (sub !== "custom") {
    const kind = sub === "mirrorball" ? "mirrorball" : "elimination";
    const season = interaction.options.getInteger("season");
    return predictionPoll(ctx.db, { kind, season, week: interaction.options.getInteger("week") });
  }
  const parsed = parseCustomOptions(interaction.options.getString("options", true));
  if (!parsed.ok) throw new UserError(parsed.reason);
  return {
    kind: "custom" as const,
    question: interaction.options.getString("question", true).trim().slice(0, maxQuestionLength),
    options: parsed.options.map((label) => ({ label })),
    anonymous: interaction.options.getBoolean("anonymous") ?? false,
    hideResults: interaction.options.getBoolean("hide-results") ?? false,
  };
}

async function create(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const sub = interaction.options.getSubcommand();
  await requireManager(interaction, ctx, "create polls");
  const duration = pollDuration(interaction.options.getString("closes"), dayMs);
  if (!duration.ok) throw new UserError(duration.reason);
  await respond(
    interaction,
    async () => {
      const base = { guildId: guildOf(interaction), channelId: interaction.channelId, creatorId: interaction.user.id };
      const closesAt = new Date(Date.now() + duration.ms);
      const asked = await whatToAsk(interaction, ctx, sub);
      const poll = await ctx.polls.publish({ ...base, ...asked, closesAt });
      return text(`Poll #${poll.id} is up: "${safeText(poll.question, 120)}". It closes ${timestamp(closesAt, "R")}.`);
    },
    { ephemeral: true },
  );
}

async function close(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  const chosen = interaction.options.getInteger("poll");
  const pollId = chosen ?? (await openPolls(ctx.db, guildId, interaction.channelId))[0]?.id;
  if (pollId === undefined)
    throw new UserError("There is no open poll in this channel. Pick one with the `poll` option.");
  const found = await getPoll(ctx.db, pollId);
  if (!found || found.poll.guildId !== guildId) throw new UserError(`There is no poll #${pollId} in this server.`);
  if (found.poll.closedAt) throw new UserError(`Poll #${pollId} is already closed.`);
  if (found.poll.creatorId !== interaction.user.id) await requireManager(interaction, ctx, "close someone else's poll");
  await respond(
    interaction,
    async () => {
      const closed = await ctx.polls.close(pollId, interaction.user.id);
      return text(
        closed
          ? `Closed poll #${pollId}; the results are posted in <#${closed.channelId}>.`
          : `Poll #${pollId} had already closed.`,
      );
    },
    { ephemeral: true },
  );
}

async function schedule(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  await requireManager(interaction, ctx, "change the weekly polls");
  if (interaction.options.getSubcommand() === "unschedule") {
    const removed = await deleteSchedule(ctx.db, guildId);
    await respond(interaction, async () => text(removed ? "Weekly polls are off." : "There was no weekly schedule."), {
      ephemeral: true,
    });
    return;
  }
  const timeZone = canonicalTimeZone(interaction.options.getString("timezone", true));
  if (!timeZone)
    throw new UserError(
      "That is not a time zone I know. Use an IANA name such as `America/New_York` or `Europe/London`.",
    );
  const minutes = parseAirTime(interaction.options.getString("time", true));
  if (minutes === null) throw new UserError("Write the air time as 20:00 or 8pm.");
  const weekday = interaction.options.getInteger("day", true);
  const row = {
    guildId,
    channelId: interaction.options.getChannel("channel", true).id,
    weekday,
    airTime: formatAirTime(minutes),
    timeZone,
    leadMinutes: Math.round((interaction.options.getNumber("hours-before") ?? 24) * 60),
    season: interaction.options.getInteger("season"),
    nextAirAt: nextAirTime(new Date(), weekday, minutes, timeZone),
    setBy: interaction.user.id,
  };
  await saveSchedule(ctx.db, row);
  await respond(interaction, async () => text(scheduleLine({ ...row, updatedAt: new Date() })), { ephemeral: true });
}

async function settings(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  const role = interaction.options.getRole("manager-role");
  const clearRole = interaction.options.getBoolean("clear-manager-role") ?? false;
  const changes = {
    ...(role ? { managerRoleId: role.id } : clearRole ? { managerRoleId: null } : {}),
    ...optionalInt(interaction, "elimination-points", "eliminationPoints"),
    ...optionalInt(interaction, "mirrorball-points", "mirrorballPoints"),
    ...optionalInt(interaction, "mirrorball-floor", "mirrorballFloor"),
  };
  if (Object.keys(changes).length > 0) await requireManager(interaction, ctx, "change poll settings");
  // Who counts as a poll manager is Manage Server's call alone, so the role cannot grant itself.
  if ("managerRoleId" in changes && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError("Only members with Manage Server can choose the poll manager role.");
  }
  await respond(
    interaction,
    async () => {
      const current = Object.keys(changes).length
        ? await updatePollSettings(ctx.db, guildId, changes)
        : await getPollSettings(ctx.db, guildId);
      return pollSettingsView(current, await getSchedule(ctx.db, guildId));
    },
    { ephemeral: true },
  );
}

function optionalInt(interaction: ChatInputCommandInteraction, option: string, key: string): Record<string, number> {
  const value = interaction.options.getInteger(option);
  return value === null ? {} : { [key]: value };
}

export default {
  data: new SlashCommandBuilder()
    .setName("poll")
    .setDescription("Community polls and predictions: who wins, who goes home, or your own question.")
    .addSubcommand((s) =>
      s
        .setName("mirrorball")
        .setDescription("Who will win the Mirrorball? The couples still dancing are the answers.")
        .addIntegerOption((o) =>
          o
            .setName("season")
            .setDescription("Season (default: the latest)")
            .setMinValue(1)
            .setMaxValue(99)
            .setAutocomplete(true),
        )
        .addStringOption(closes),
    )
    .addSubcommand((s) =>
      s
        .setName("elimination")
        .setDescription("Who goes home this week?")
        .addIntegerOption((o) =>
          o
            .setName("season")
            .setDescription("Season (default: the latest)")
            .setMinValue(1)
            .setMaxValue(99)
            .setAutocomplete(true),
        )
        .addIntegerOption((o) =>
          o.setName("week").setDescription("Week (default: the next one to air)").setMinValue(1).setMaxValue(20),
        )
        .addStringOption(closes),
    )
    .addSubcommand((s) =>
      s
        .setName("custom")
        .setDescription("Your own question with 2 to 25 answers.")
        .addStringOption((o) =>
          o.setName("question").setDescription("The question").setRequired(true).setMaxLength(maxQuestionLength),
        )
        .addStringOption((o) =>
          o
            .setName("options")
            .setDescription("Answers separated by | e.g. Yes | No | Maybe")
            .setRequired(true)
            .setMaxLength(2000),
        )
        .addStringOption(closes)
        .addBooleanOption((o) => o.setName("anonymous").setDescription("Do not list who picked what in the results"))
        .addBooleanOption((o) => o.setName("hide-results").setDescription("Hide the tally until the poll closes")),
    )
    .addSubcommand((s) =>
      s
        .setName("close")
        .setDescription("Close a poll now (its creator, or a poll manager).")
        .addIntegerOption((o) =>
          o
            .setName("poll")
            .setDescription("Which poll (default: the newest open one here)")
            .setMinValue(1)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("schedule")
        .setDescription("Post each week's elimination poll before the show, closing at air time.")
        .addChannelOption((o) =>
          o.setName("channel").setDescription("Where to post").setRequired(true).addChannelTypes(ChannelType.GuildText),
        )
        .addIntegerOption((o) =>
          o
            .setName("day")
            .setDescription("The show's day")
            .setRequired(true)
            .addChoices(...weekdays.map((name, value) => ({ name, value }))),
        )
        .addStringOption((o) =>
          o.setName("time").setDescription("Air time, e.g. 20:00 or 8pm").setRequired(true).setMaxLength(10),
        )
        .addStringOption((o) =>
          o
            .setName("timezone")
            .setDescription("IANA time zone, e.g. America/New_York")
            .setRequired(true)
            .setMaxLength(64)
            .setAutocomplete(true),
        )
        .addNumberOption((o) =>
          o
            .setName("hours-before")
            .setDescription("Post this many hours before air time (default 24)")
            .setMinValue(0.1)
            .setMaxValue(144),
        )
        .addIntegerOption((o) =>
          o.setName("season").setDescription("Season airing (default: the latest)").setMinValue(1).setMaxValue(99),
        ),
    )
    .addSubcommand((s) => s.setName("unschedule").setDescription("Stop the weekly polls."))
    .addSubcommand((s) =>
      s
        .setName("settings")
        .setDescription("Show or change prediction points and who may manage polls.")
        .addRoleOption((o) => o.setName("manager-role").setDescription("A role that may create and close polls"))
        .addBooleanOption((o) => o.setName("clear-manager-role").setDescription("Remove the poll manager role"))
        .addIntegerOption((o) =>
          o
            .setName("elimination-points")
            .setDescription("Points for a correct elimination pick")
            .setMinValue(0)
            .setMaxValue(100),
        )
        .addIntegerOption((o) =>
          o
            .setName("mirrorball-points")
            .setDescription("Points for a correct Mirrorball pick in week 1")
            .setMinValue(0)
            .setMaxValue(100),
        )
        .addIntegerOption((o) =>
          o
            .setName("mirrorball-floor")
            .setDescription("Least points for a correct Mirrorball pick")
            .setMinValue(0)
            .setMaxValue(100),
        ),
    ),

  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    if (sub === "close") return close(interaction, ctx);
    if (sub === "schedule" || sub === "unschedule") return schedule(interaction, ctx);
    if (sub === "settings") return settings(interaction, ctx);
    return create(interaction, ctx);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value);
    if (focused.name === "season") return interaction.respond(await seasonChoices(ctx.db, typed));
    if (focused.name === "timezone") {
      const query = typed.toLowerCase().replace(/\s+/g, "_");
      const zones = Intl.supportedValuesOf("timeZone").filter((z) => z.toLowerCase().includes(query));
      return interaction.respond(zones.slice(0, 25).map((z) => ({ name: z, value: z })));
    }
    if (focused.name === "poll" && interaction.guildId) {
      const open = await openPolls(ctx.db, interaction.guildId);
      return interaction.respond(
        open
          .filter((p) => `${p.id} ${p.question}`.toLowerCase().includes(typed.toLowerCase()))
          .map((p) => ({ name: `#${p.id} ${p.question}`.slice(0, 100), value: p.id })),
      );
    }
  },

  componentPrefix: "pv",
  async onComponent(interaction, ctx) {
    const match = voteIdPattern.exec(interaction.customId);
    const value = match?.[2] ?? (interaction.isStringSelectMenu() ? interaction.values[0] : undefined);
    if (!match || value === undefined || !/^\d{1,2}$/.test(value)) {
      throw new UserError("That vote button is not one I made. Vote with the buttons or menu on the poll message.");
    }
    const guildId = guildOf(interaction);
    await respond(
      interaction,
      async () => {
        const vote = {
          pollId: Number(match[1]),
          position: Number(value),
          userId: interaction.user.id,
          guildId,
          messageId: interaction.message.id,
        };
        const result = await ctx.polls.vote(vote);
        if (!result.stored) throw new UserError(refusals[result.reason]);
        return voteReceiptView(result.label, result.closesAt, result.changed);
      },
      { ephemeral: true },
    );
  },
} satisfies Command;

const refusals = {
  closed: "This poll has closed, so votes are locked. The results are posted in the channel.",
  unknown: "That poll no longer exists. Ask a moderator for a new one.",
  foreign: "That vote does not belong to this poll. Vote with the buttons or menu on the poll message itself.",
  option: "That answer is not part of this poll. Pick one of the answers on the poll message.",
} as const;
