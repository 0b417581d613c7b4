import { ActionRowBuilder, ButtonBuilder, EmbedBuilder, StringSelectMenuBuilder } from "@discordjs/builders";
import type { APIEmbed } from "discord-api-types/v10";
import { ButtonStyle } from "discord-api-types/v10";
import { autoPickRule } from "../../leagues/autopick.js";
import { roundAndPick } from "../../leagues/draft.js";
import { ruleNames, type ScoringRules } from "../../leagues/scoring.js";
import {
  available,
  type CastMember,
  type LeagueState,
  type RosterLine,
  rosterOf,
  type TeamStanding,
} from "../../leagues/state.js";
import { renderLineChart } from "../../views/charts.js";
import { chartTheme } from "../../views/chartTheme.js";
import { colors, ordinal, safeText, score, timestamp } from "../../views/format.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import type { View } from "../../views/view.js";
import { leagueIds } from "./ids.js";

const points = (n: number) => `${score(n)} pt${Math.abs(n) === 1 ? "" : "s"}`;
const signed = (n: number) => (n >= 0 ? `+${score(n)}` : `−${score(-n)}`);

export function leagueTitle(state: LeagueState): string {
  const kind = state.league.mode === "replay" ? "replay" : "live";
  return clip(`🏆 ${safeText(state.league.name, 120)} · season ${state.season.number} (${kind})`, limits.title);
}

export function rulesLines(rules: ScoringRules): string[] {
  return ruleNames.map((r) => `${signed(rules[r.key])} ${r.label}`);
}

/** What a couple shows in the menu: last week's score, or before week 1 the pro's record. */
export function candidateNote(c: CastMember, weekOneScored: boolean): string {
  if (weekOneScored) return c.lastWeek === null ? "Did not dance last week" : `Last week: ${score(c.lastWeek)}`;
  if (c.proSeasons === 0) return `${c.pro}: first season`;
  const titles = c.proTitles === 1 ? "1 title" : `${c.proTitles} titles`;
  const average = c.proAveragePlacement === null ? "" : `, average place ${c.proAveragePlacement.toFixed(1)}`;
  return `${c.pro}: ${titles} in ${c.proSeasons} season${c.proSeasons === 1 ? "" : "s"}${average}`;
}

/** Room for each team's field: 16 teams together stay well inside the embed's 6000 characters. */
const boardBudget = 4800;

function boardFields(state: LeagueState): { name: string; value: string }[] {
  const perTeam = Math.min(limits.fieldValue, Math.floor(boardBudget / Math.max(1, state.teams.length)));
  return state.teams.slice(0, limits.fields).map((team, i) => {
    const roster = rosterOf(state, team.id).map(({ couple, pick }) => {
      const gone = couple.exitWeek !== null && couple.exitWeek <= state.league.releasedWeek ? " ~~out~~" : "";
      const how =
        pick.kind === "auto" ? " *(auto)*" : pick.kind === "waiver" ? ` *(waiver, week ${pick.fromWeek})*` : "";
      return `${safeText(couple.celebrity, 60)}${how}${gone}`;
    });
    const clock = state.onClock?.id === team.id ? " ⏱️" : "";
    return {
      name: clip(`${i + 1}. ${safeText(team.name, 80)}${clock}`, limits.fieldName),
      value: fitLines([`<@${team.userId}>`, ...roster], perTeam),
    };
  });
}

function statusLine(state: LeagueState): string {
  const { league } = state;
  const last = state.weekNumbers.at(-1) ?? 0;
  const clock = league.clockEndsAt ? ` Time runs out ${timestamp(league.clockEndsAt, "R")}.` : "";
  const who = state.onClock ? `<@${state.onClock.userId}> (${safeText(state.onClock.name, 80)})` : "";
  switch (league.status) {
    case "open":
      return `Join with the button below. The creator starts the draft with 2 to 16 teams of ${league.teamSize} couples; each pick has ${league.pickSeconds} s.`;
    case "drafting": {
      const { round, pick } = roundAndPick(league.turn, state.teams.length);
      return `**Round ${round}, pick ${pick}:** ${who} is on the clock.${clock}`;
    }
    case "waivers":
      return `**Waivers after week ${league.waiverWeek}:** ${who} may claim one couple still dancing, or keep the empty slot.${clock}`;
    case "active":
      return league.mode === "replay"
        ? `The draft is done. Week ${league.releasedWeek} of ${last} scored; the owner releases the next with \`/league advance\`.`
        : `The draft is done. Week ${league.releasedWeek} scored; each week counts once its results are recorded.`;
    default:
      return `Scored to the end: all ${last} weeks. See \`/league standings\`.`;
  }
}

/** The league's one live message: join list, draft room or waivers, and the board. */
export function leagueMessageView(state: LeagueState): View {
  const { league } = state;
  const embed = new EmbedBuilder()
    .setColor(league.status === "drafting" || league.status === "waivers" ? colors.info : colors.mirrorball)
    .setTitle(leagueTitle(state))
    .setDescription(clip(statusLine(state), limits.description))
    .setFooter({ text: clip(`${autoPickRule} · league #${league.id}`, limits.footer) });
  if (league.status === "open") {
    embed.addFields(
      {
        name: `Teams (${state.teams.length}/16)`,
        value: fitLines(
          state.teams.map((t, i) => `${i + 1}. <@${t.userId}>`),
          1000,
        ),
      },
      { name: "Scoring", value: fitLines(rulesLines(state.rules), 1000) },
    );
  } else {
    embed.addFields(boardFields(state));
  }
  return { embeds: [embed.toJSON()], components: controls(state) };
}

function controls(state: LeagueState): View["components"] {
  const { league } = state;
  if (league.status === "open") {
    return [
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          new ButtonBuilder()
            .setCustomId(leagueIds.join.encode(league.id))
            .setLabel("Join")
            .setStyle(ButtonStyle.Primary),
          new ButtonBuilder()
            .setCustomId(leagueIds.start.encode(league.id))
            .setLabel("Start the draft")
            .setStyle(ButtonStyle.Success),
        )
        .toJSON(),
    ];
  }
  if (league.status !== "drafting" && league.status !== "waivers") return [];
  const weekOne = league.releasedWeek >= 1;
  const options = available(state)
    .slice(0, limits.selectOptions)
    .map((c) => ({
      label: clip(`${c.celebrity} & ${c.pro}`, 100),
      value: String(c.id),
      description: clip(candidateNote(c, weekOne), 100),
    }));
  const rows: View["components"] = [];
  if (options.length > 0) {
    const menu = new StringSelectMenuBuilder()
      .setCustomId(leagueIds.pick.encode(league.id, league.turn))
      .setPlaceholder(league.status === "waivers" ? "Claim a couple" : "Pick a couple")
      .addOptions(options);
    rows.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON());
  }
  if (league.status === "waivers") {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          new ButtonBuilder()
            .setCustomId(leagueIds.keep.encode(league.id, league.turn))
            .setLabel("Keep the empty slot")
            .setStyle(ButtonStyle.Secondary),
        )
        .toJSON(),
    );
  }
  return rows;
}

/** /league draft: the board as it stands, privately, without controls. */
export function draftBoardView(state: LeagueState): View {
  const view = leagueMessageView(state);
  return { ...view, components: [] };
}

export function rulesView(state: LeagueState, changed: boolean): View {
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`Scoring · ${safeText(state.league.name, 120)}`, limits.title))
    .setDescription(
      clip(
        [
          changed ? "Saved. These rules count from the first week scored." : "",
          ...rulesLines(state.rules),
          "",
          state.league.status === "open"
            ? "The creator or a Manage Server member can change them with `/league scoring` until the draft starts."
            : "The draft has started, so these rules are fixed.",
        ]
          .filter((l, i) => l || i > 0)
          .join("\n"),
        limits.description,
      ),
    );
  return { embeds: [embed.toJSON()], components: [] };
}

/** /league standings: rank, team, points and this week's change, with a chart of the running totals by week. */
export async function standingsView(state: LeagueState, standings: TeamStanding[]): Promise<View> {
  const released = state.league.releasedWeek;
  const lines = standings.map(
    (s) =>
      `**${ordinal(s.rank)}** ${safeText(s.team.name, 80)} (<@${s.team.userId}>) — **${points(s.total)}**${released ? ` (${signed(s.change)} week ${released})` : ""}`,
  );
  const embed: APIEmbed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(leagueTitle(state))
    .setDescription(
      clip(
        [
          released
            ? `Standings after week ${released} of ${state.weekNumbers.at(-1) ?? released}.`
            : "No week scored yet.",
          "",
          fitLines(lines, 3500),
        ].join("\n"),
        limits.description,
      ),
    )
    .toJSON();
  if (released === 0) return { embeds: [embed], components: [] };
  const file = `league-${state.league.id}.png`;
  const data = await renderLineChart({
    title: `${state.league.name}: points by week`.slice(0, 80),
    labels: Array.from({ length: released }, (_, i) => `W${i + 1}`),
    yTitle: "Points",
    lines: standings.slice(0, 16).map((s, i) => ({
      label: s.team.name.slice(0, 40),
      values: s.byWeek,
      color: chartTheme.bars[i % chartTheme.bars.length],
    })),
  });
  return {
    embeds: [{ ...embed, image: { url: `attachment://${file}` } }],
    components: [],
    files: [{ name: file, data, description: "Each team's running points total by week" }],
  };
}

/** /league team: a roster with each couple's points by week. */
export function teamView(state: LeagueState, teamName: string, userId: string, lines: RosterLine[]): View {
  const released = state.league.releasedWeek;
  const body = lines.map((l) => {
    const weeks = [...l.weeks.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([w, p]) => `W${w} ${score(p)}`)
      .join(" · ");
    const gone = l.couple.exitWeek !== null && l.couple.exitWeek <= released ? ` (out week ${l.couple.exitWeek})` : "";
    const from = l.pick.fromWeek > 1 ? ` (waiver from week ${l.pick.fromWeek})` : "";
    return `**${safeText(l.couple.celebrity, 60)} & ${safeText(l.couple.pro, 60)}**${gone}${from} — ${points(l.total)}\n${weeks || "no week scored yet"}`;
  });
  const total = lines.reduce((a, l) => a + l.total, 0);
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`${safeText(teamName, 80)} · ${safeText(state.league.name, 80)}`, limits.title))
    .setDescription(
      clip(
        [
          `<@${userId}> · **${points(total)}** after week ${released}`,
          "",
          fitLines(body, 3800) || "No couples yet.",
        ].join("\n"),
        limits.description,
      ),
    );
  return { embeds: [embed.toJSON()], components: [] };
}
