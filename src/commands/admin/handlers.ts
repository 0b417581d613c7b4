import type { ChatInputCommandInteraction, ModalSubmitInteraction } from "discord.js";
import {
  addDance,
  coupleNamed,
  editSeasonDetails,
  newSeason,
  parseScores,
  setExits,
  setFinale,
  setSaveVote,
  setScores,
  setWeekBonus,
  splitNames,
  upsertCouple,
  upsertNight,
} from "../../admin/edits.js";
import { changeSeason, currentSeason, editLiveSeason } from "../../admin/seasons.js";
import { type RoundType, roundTypes, type SeasonFile } from "../../data/seasonFile.js";
import { listAudit } from "../../db/queries/admin.js";
import type { BotContext } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { auditView, changeView, danceModal, seasonModal } from "../../views/admin.js";

type Slash = ChatInputCommandInteraction;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function dateOrNull(text: string | null, what: string): string | null {
  const value = text?.trim() ?? "";
  if (!value) return null;
  if (!isoDate.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UserError(`${what} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-09-15.`);
  }
  return value;
}

/** Runs one edit of a season the owners run and answers with what changed. */
async function edit(
  interaction: Slash | ModalSubmitInteraction,
  ctx: BotContext,
  input: { season: number; action: string; headline: string; edit(doc: SeasonFile): SeasonFile },
): Promise<void> {
  await respond(interaction, async () => {
    const outcome = await editLiveSeason(ctx.db, {
      season: input.season,
      userId: interaction.user.id,
      action: input.action,
      edit: input.edit,
    });
    await ctx.live.changed(outcome);
    return changeView(outcome, input.headline);
  });
}

async function liveDocument(ctx: BotContext, season: number): Promise<SeasonFile> {
  const current = await currentSeason(ctx.db, season);
  if (!current) {
    throw new UserError(
      `Season ${season} is neither in data/ nor run from Discord yet: create it with /admin season, or import its file with /admin import.`,
    );
  }
  return current.document;
}

const season = (i: Slash) => i.options.getInteger("season", true);
const week = (i: Slash) => i.options.getInteger("week", true);

export const subcommands: Record<string, (interaction: Slash, ctx: BotContext) => Promise<void>> = {
  /** A modal, prefilled when the season exists: the first response, so no slow work before it. */
  async season(interaction, ctx) {
    const number = season(interaction);
    const current = await currentSeason(ctx.db, number);
    await interaction.showModal(seasonModal(number, current?.document ?? null));
  },

  async couple(interaction, ctx) {
    const celebrity = interaction.options.getString("celebrity", true).trim();
    const pro = interaction.options.getString("pro", true).trim();
    const notability = interaction.options.getString("notability");
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "couple",
      headline: `${celebrity} & ${pro}`,
      edit: (doc) => upsertCouple(doc, { celebrity, pro, notability: notability?.trim() || undefined }),
    });
  },

  async night(interaction, ctx) {
    const number = week(interaction);
    const airDate = dateOrNull(interaction.options.getString("date"), "The date");
    const guest = interaction.options.getString("guest_judge")?.trim();
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "night",
      headline: `Week ${number}${interaction.options.getString("theme") ? ` — ${interaction.options.getString("theme")}` : ""}`,
      edit: (doc) =>
        upsertNight(doc, {
          week: number,
          airDate,
          theme: interaction.options.getString("theme")?.trim() || null,
          guestJudges: guest ? [guest] : [],
        }),
    });
  },

  /** Checks the night and couples now, so the owner never fills in a form that cannot be saved. */
  async dance(interaction, ctx) {
    const number = season(interaction);
    const doc = await liveDocument(ctx, number);
    const night = doc.weeks.find((w) => w.week === week(interaction) && !w.label);
    if (!night)
      throw new UserError(`Season ${number} has no week ${week(interaction)} yet: add it with /admin night first.`);
    const named = [
      interaction.options.getString("couple", true),
      ...splitNames(interaction.options.getString("with") ?? ""),
    ];
    const couples = [...new Set(named.map((n) => coupleNamed(doc, n).celebrity))];
    const places = couples.map((c) => doc.couples.findIndex((x) => x.celebrity === c));
    const round = roundTypes.indexOf(interaction.options.getString("round") as RoundType);
    const customId = `adm:d:${number}:${night.week}:${Math.max(round, 0)}:${places.join(".")}`;
    if (customId.length > 100) throw new UserError("That is too many couples for one dance; record at most 12.");
    await interaction.showModal(danceModal({ customId, couples, week: night.week, judges: night.judges }));
  },

  async scores(interaction, ctx) {
    const couple = interaction.options.getString("couple", true);
    const scores = parseScores(interaction.options.getString("scores", true));
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "scores",
      headline: `Scores corrected: ${couple}, week ${week(interaction)}`,
      edit: (doc) =>
        setScores(doc, { week: week(interaction), couple, dance: interaction.options.getInteger("dance"), scores }),
    });
  },

  async bonus(interaction, ctx) {
    const couple = interaction.options.getString("couple", true);
    const points = interaction.options.getNumber("points", true);
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "bonus",
      headline: `Bonus: ${couple}, week ${week(interaction)}`,
      edit: (doc) =>
        setWeekBonus(doc, { week: week(interaction), couple, points, reason: interaction.options.getString("reason") }),
    });
  },

  async eliminate(interaction, ctx) {
    const couples = ["couple", "couple2"].flatMap((o) => interaction.options.getString(o) ?? []);
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "eliminate",
      headline: couples.length
        ? `Week ${week(interaction)}: ${couples.join(" and ")} eliminated`
        : `Week ${week(interaction)}: no elimination`,
      edit: (doc) => setExits(doc, { week: week(interaction), couples, outcome: "eliminated" }),
    });
  },

  async withdraw(interaction, ctx) {
    const couple = interaction.options.getString("couple", true);
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "withdraw",
      headline: `Week ${week(interaction)}: ${couple} withdrew`,
      edit: (doc) => {
        const already = doc.weeks
          .find((w) => w.week === week(interaction))
          ?.results?.filter((r) => r.outcome === "withdrew")
          .map((r) => r.couple);
        return setExits(doc, { week: week(interaction), couples: [...(already ?? []), couple], outcome: "withdrew" });
      },
    });
  },

  async save(interaction, ctx) {
    const judge = interaction.options.getString("judge", true);
    const saved = interaction.options.getString("couple", true);
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "judges' save",
      headline: `Judges' save, week ${week(interaction)}: ${judge} saves ${saved}`,
      edit: (doc) => setSaveVote(doc, { week: week(interaction), judge, saved }),
    });
  },

  async finale(interaction, ctx) {
    const placements = ["first", "second", "third", "fourth", "fifth"].flatMap((o) => {
      const name = interaction.options.getString(o);
      return name ? [[name]] : [];
    });
    await edit(interaction, ctx, {
      season: season(interaction),
      action: "finale",
      headline: `Season ${season(interaction)} finale: ${placements[0]?.[0]} wins`,
      edit: (doc) => setFinale(doc, { week: week(interaction), placements }),
    });
  },

  async log(interaction, ctx) {
    const number = interaction.options.getInteger("season");
    await respond(interaction, async () => auditView(await listAudit(ctx.db, { season: number, limit: 10 }), number), {
      ephemeral: true,
    });
  },
};

/** Modals: `adm:s:<season>` (season details) and `adm:d:<season>:<week>:<round>:<couple places>` (a dance). */
export async function onModal(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  const field = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const names = (id: string) => splitNames(field(id));
  const seasonForm = /^adm:s:(\d{1,3})$/.exec(interaction.customId);
  if (seasonForm) {
    const number = Number(seasonForm[1]);
    const details = {
      season: number,
      premiere: dateOrNull(field("premiere"), "The premiere date"),
      hosts: names("hosts"),
      judges: names("judges"),
      title: field("title") || undefined,
    };
    await respond(interaction, async () => {
      const outcome = await changeSeason(ctx.db, {
        season: number,
        userId: interaction.user.id,
        action: "season",
        edit: (doc) => (doc ? editSeasonDetails(doc, details) : newSeason(details)),
      });
      await ctx.live.changed(outcome);
      return changeView(outcome, `Season ${number}`);
    });
    return;
  }
  const danceForm = /^adm:d:(\d{1,3}):(\d{1,2}):(\d{1,2}):(\d{1,3}(?:\.\d{1,3})*)$/.exec(interaction.customId);
  if (!danceForm) throw new UserError("That form does not belong to any admin command; run the command again.");
  const [number, night, round] = [Number(danceForm[1]), Number(danceForm[2]), roundTypes[Number(danceForm[3])]];
  if (!round) throw new UserError("That form names an unknown round; run /admin dance again.");
  const places = (danceForm[4] as string).split(".").map(Number);
  const scoresText = field("scores");
  const bonusText = field("bonus");
  const bonus = bonusText ? Number(bonusText) : undefined;
  if (bonus !== undefined && !Number.isFinite(bonus))
    throw new UserError(`Bonus "${bonusText}" is not a number of points.`);
  await edit(interaction, ctx, {
    season: number,
    action: "dance",
    headline: `Week ${night}: ${field("style")}`,
    edit: (doc) => {
      const couples = places.map((p) => {
        const couple = doc.couples[p];
        if (!couple) throw new UserError("A couple of that form is no longer in the season; run /admin dance again.");
        return couple.celebrity;
      });
      return addDance(doc, {
        week: night,
        round,
        style: field("style") || null,
        song: field("song") || null,
        artist: field("artist") || null,
        couples,
        scores: scoresText ? parseScores(scoresText) : null,
        bonus,
      });
    },
  });
}
