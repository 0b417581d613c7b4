import { ActionRowBuilder, ButtonBuilder, EmbedBuilder, StringSelectMenuBuilder } from "@discordjs/builders";
import type { APIEmbed } from "discord-api-types/v10";
import { ButtonStyle } from "discord-api-types/v10";
import { type Tally, textBar } from "../../polls/tally.js";
import type { PollShape } from "../../polls/types.js";
import { colors, safeText, timestamp } from "../../views/format.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import type { View } from "../../views/view.js";
import { pollChartPng } from "./chart.js";
import { pollIds } from "./ids.js";

/** Up to this many answers are buttons (one row); more become a select menu. */
export const maxButtonOptions = 5;

/** custom_id of a vote: the poll and (for buttons) the answer, so clicks work across restarts. */
function voteId(pollId: number, position?: number): string {
  return position === undefined ? pollIds.voteMenu.encode(pollId) : pollIds.voteButton.encode(pollId, position);
}

function tallyLines(result: Tally, hidden: boolean): string[] {
  return result.rows.map((row, i) => {
    const name = `**${i + 1}.** ${safeText(row.label, 120)}`;
    if (hidden) return name;
    return `${name}\n\`${textBar(row.percent)}\` ${row.votes} vote${row.votes === 1 ? "" : "s"} · ${row.percent}%`;
  });
}

/** The public poll message: question, answers with the live tally (unless hidden), deadline, and the vote controls. */
export function pollMessageView(poll: PollShape, result: Tally): View {
  const open = poll.closedAt === null;
  const lines = tallyLines(result, poll.hideResults && open);
  const when = open
    ? `Closes ${timestamp(poll.closesAt, "R")} (${timestamp(poll.closesAt, "F")}). You can change your vote until then.`
    : `Closed ${timestamp(poll.closedAt ?? poll.closesAt, "F")}: voting is locked.`;
  const counted = `${result.total} vote${result.total === 1 ? "" : "s"}${poll.hideResults && open ? " so far; results are hidden until the poll closes" : ""}`;
  const embed = new EmbedBuilder()
    .setColor(open ? colors.info : colors.mirrorball)
    .setTitle(`📊 ${safeText(poll.question, 240)}`)
    .setDescription(clip(`${fitLines(lines, 3600)}\n\n${when}`, limits.description))
    .setFooter({ text: `${counted} · poll #${poll.id}${poll.anonymous ? " · anonymous" : ""}` });
  // A closed poll keeps its controls: a member whose screen is behind gets a sentence saying voting is locked.
  return { embeds: [embed.toJSON()], components: voteControls(poll.id, result) };
}

function voteControls(pollId: number, result: Tally): View["components"] {
  if (result.rows.length <= maxButtonOptions) {
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      result.rows.map((r, i) =>
        new ButtonBuilder()
          .setCustomId(voteId(pollId, r.position))
          .setLabel(clip(`${i + 1}. ${r.label}`, 80))
          .setStyle(ButtonStyle.Primary),
      ),
    );
    return [row.toJSON()];
  }
  const menu = new StringSelectMenuBuilder()
    .setCustomId(voteId(pollId))
    .setPlaceholder("Cast or change your vote")
    .addOptions(
      result.rows.slice(0, limits.selectOptions).map((r, i) => ({
        label: clip(`${i + 1}. ${r.label}`, 100),
        value: String(r.position),
      })),
    );
  return [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON()];
}

/** The private receipt a voter gets. */
export function voteReceiptView(label: string, closesAt: Date, changed: boolean): View {
  return {
    content: `${changed ? "Vote changed. " : ""}Your pick: **${safeText(label, 120)}**. You can change it until ${timestamp(closesAt, "R")} (${timestamp(closesAt, "f")}).`,
    embeds: [],
    components: [],
  };
}

export interface ResultsInput {
  poll: PollShape;
  result: Tally;
  /** Voters per answer position, when the poll is not anonymous. */
  voters: Map<number, string[]> | null;
  /** A line about the recorded outcome of a prediction poll, if known. */
  outcome?: string;
}

/** The results message: counts, percentages, the winner(s), and the bar chart. */
export async function pollResultsView({ poll, result, voters, outcome }: ResultsInput): Promise<View> {
  const file = `poll-${poll.id}.png`;
  const leaders = result.rows.filter((r) => result.leaders.includes(r.position));
  const headline =
    result.total === 0
      ? "Nobody voted."
      : leaders.length === 1
        ? `Top pick: **${safeText(leaders[0]?.label ?? "", 120)}** with ${leaders[0]?.percent}% of ${result.total} votes.`
        : `A tie between ${leaders.map((l) => `**${safeText(l.label, 120)}**`).join(", ")} (${result.total} votes).`;
  const lines = result.rows.map(
    (r, i) => `**${i + 1}.** ${safeText(r.label, 120)} — ${r.votes} vote${r.votes === 1 ? "" : "s"} (${r.percent}%)`,
  );
  const embed: APIEmbed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(`Results: ${safeText(poll.question, 240)}`)
    .setDescription(
      clip(
        [headline, outcome ?? "", "", fitLines(lines, 3000)].filter((l, i) => l || i === 2).join("\n"),
        limits.description,
      ),
    )
    .setImage(`attachment://${file}`)
    .setFooter({ text: `Poll #${poll.id} · closed` })
    .toJSON();
  const withVoters = voters === null ? [] : result.rows.filter((r) => (voters.get(r.position)?.length ?? 0) > 0);
  const shown = withVoters.slice(0, 10);
  // Whatever room the embed has left is shared among the voter lists.
  const room = limits.embedTotal - (embed.title?.length ?? 0) - (embed.description?.length ?? 0) - 200;
  const perField = Math.min(limits.fieldValue, Math.floor(room / Math.max(1, shown.length)) - 60);
  const fields = (perField < 80 ? [] : shown).map((r) => ({
    name: `Picked ${safeText(r.label, 50)}`,
    value: mentionList(voters?.get(r.position) ?? [], perField),
  }));
  if (fields.length) embed.fields = fields;
  return {
    embeds: [embed],
    components: [],
    files: [
      { name: file, data: await pollChartPng(poll.question, result), description: "Bar chart of the poll results" },
    ],
  };
}

/** Voters as mentions (shown as names, never pinged: replies allow no mentions), as many as fit. */
function mentionList(ids: readonly string[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, id] of ids.entries()) {
    const mention = `<@${id}>`;
    if (used + mention.length + 1 > max - 20) return `${out.join(" ")} …and ${ids.length - i} more`;
    out.push(mention);
    used += mention.length + 1;
  }
  return out.join(" ") || "\u200b";
}
