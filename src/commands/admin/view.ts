import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord-api-types/v10";
import type { ChangeOutcome, DryRun } from "../../admin/seasons.js";
import type { AuditEntry } from "../../db/queries/audit.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import type { View } from "../../views/view.js";
import { adminIds } from "./ids.js";

const colour = 0xc9a227;

/** An owner by mention; the release, the feed or a shell user (`cli:name`) by name. */
const author = (userId: string) => (/^\d{17,20}$/.test(userId) ? `<@${userId}>` : `\`${userId}\``);

/** What an owner's change did, for the owners' channel. */
export function changeView(outcome: ChangeOutcome, headline: string): View {
  const notes = [
    outcome.loaded
      ? "Every server sees it now; closed polls about this season were re-scored."
      : "Saved as a draft: it reaches the servers once it has its first couple (/admin couple).",
  ];
  if (outcome.completedNights.length) {
    notes.push(`Week ${outcome.completedNights.join(", ")} now has every score: results channels get its leaderboard.`);
  }
  return {
    embeds: [
      {
        title: clip(headline, limits.title),
        description: fitLines(outcome.changes, limits.description - 200),
        color: colour,
        footer: {
          text: clip(`Season ${outcome.season} · revision ${outcome.revision} · ${notes.join(" ")}`, limits.footer),
        },
      },
    ],
    components: [],
  };
}

/** The dry run of an import, with the buttons that apply or drop it (their custom_id carries the pending id). */
export function dryRunView(dry: DryRun): View {
  const lead = dry.replacesData
    ? `Season ${dry.season} is loaded from data/; applying this file replaces it, and from then on it is run from Discord.`
    : `What ${dry.fileName} would change in season ${dry.season}:`;
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: "Confirm",
        custom_id: adminIds.confirmImport.encode(dry.id),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Cancel",
        custom_id: adminIds.cancelImport.encode(dry.id),
      },
    ],
  };
  return {
    embeds: [
      {
        title: clip(`Dry run: ${dry.fileName}`, limits.title),
        description: clip(
          `${lead}\n\n${fitLines(dry.changes, limits.description - lead.length - 10)}`,
          limits.description,
        ),
        color: colour,
        footer: { text: "Nothing has changed yet. Confirm applies it to every server; Cancel drops it." },
      },
    ],
    components: [row],
  };
}

export function importClosedView(text: string): View {
  return { content: text, embeds: [], components: [] };
}

/** Who changed what and when, newest first. */
export function auditView(entries: AuditEntry[], season: number | null): View {
  const title = season === null ? "Changes to the live seasons" : `Changes to season ${season}`;
  if (entries.length === 0) {
    return { embeds: [{ title, description: "No changes recorded yet.", color: colour }], components: [] };
  }
  const fields = entries.slice(0, 10).map((e) => ({
    name: clip(
      `<t:${Math.floor(e.at.getTime() / 1000)}:f> · season ${e.season} r${e.revision} · ${e.action}`,
      limits.fieldName,
    ),
    value: fitLines([`by ${author(e.userId)}`, ...e.changes.slice(0, 6).map((c) => `• ${c}`)], 1000),
  }));
  return { embeds: [{ title, fields, color: colour }], components: [] };
}

function textInput(input: {
  id: string;
  label: string;
  value?: string | null | undefined;
  placeholder?: string;
  required?: boolean;
  long?: boolean;
  max?: number;
}) {
  return {
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.TextInput as const,
        custom_id: input.id,
        label: clip(input.label, 45),
        style: input.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: input.required ?? false,
        max_length: input.max ?? 300,
        ...(input.value ? { value: clip(input.value, input.max ?? 300) } : {}),
        ...(input.placeholder ? { placeholder: clip(input.placeholder, 100) } : {}),
      },
    ],
  };
}

/** Create or edit a season: the details that take several fields. */
export function seasonModal(
  season: number,
  current: { premiere: string | null; hosts: string[]; judges: string[]; title?: string | undefined } | null,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: adminIds.seasonForm.encode(season),
    title: current ? `Season ${season}` : `New season ${season}`,
    components: [
      textInput({
        id: "premiere",
        label: "Premiere date (YYYY-MM-DD)",
        value: current?.premiere,
        placeholder: "2026-09-15",
        max: 10,
      }),
      textInput({ id: "hosts", label: "Hosts, separated by commas", value: current?.hosts.join(", "), required: true }),
      textInput({
        id: "judges",
        label: "Judges in score order, separated by commas",
        value: current?.judges.join(", "),
        required: true,
      }),
      textInput({ id: "title", label: "Title (optional)", value: current?.title, max: 200 }),
    ],
  };
}

/** The song and scores of one dance: custom_id carries season, week, round and the couples' places in the season. */
export function danceModal(input: {
  customId: string;
  couples: string[];
  week: number;
  judges: string[];
}): APIModalInteractionResponseCallbackData {
  return {
    custom_id: input.customId,
    title: clip(`Week ${input.week}: ${input.couples.join(" & ")}`, 45),
    components: [
      textInput({ id: "style", label: "Dance style", placeholder: "Cha-cha-cha", required: true, max: 120 }),
      textInput({ id: "song", label: "Song", placeholder: "Dancing Queen", max: 300 }),
      textInput({ id: "artist", label: "Artist", placeholder: "ABBA", max: 300 }),
      textInput({
        id: "scores",
        label: `Scores: ${input.judges.join(", ")}`,
        placeholder: `${input.judges.map(() => "8").join(" ")}   (empty: not scored; - for a judge who gave none)`,
        max: 60,
      }),
      textInput({ id: "bonus", label: "Bonus points (optional)", placeholder: "0", max: 5 }),
    ],
  };
}
