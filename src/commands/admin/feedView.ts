import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { FeedChangeRow } from "../../db/queries/feed.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import type { View } from "../../views/view.js";
import { adminIds } from "./ids.js";

const colour = 0xc9a227;
const held = 0xed4245;

export type FeedDecision =
  | { kind: "waiting" }
  | { kind: "applied"; by: string; revision: number }
  | { kind: "skipped"; by: string }
  | { kind: "superseded" };

const who = (id: string) => (/^\d+$/.test(id) ? `<@${id}>` : "the feed by itself");

/**
 * A revision of the season's article as the owners review it: what it changes, line by line, why it is held if it
 * is, the revision's link, and Apply and Skip while it waits.
 */
export function feedChangeView(change: FeedChangeRow, decision: FeedDecision = { kind: "waiting" }): View {
  const status = {
    waiting: change.holds.length > 0 ? "Held: check the article before applying." : "Waiting for an owner.",
    applied: decision.kind === "applied" ? `Applied by ${who(decision.by)} as revision ${decision.revision}.` : "",
    skipped: decision.kind === "skipped" ? `Skipped by ${who(decision.by)}; nothing changed.` : "",
    superseded: "Replaced by a newer revision of the article.",
  }[decision.kind];
  const fields = change.holds.length
    ? [{ name: "⚠️ Looks wrong", value: fitLines(change.holds, limits.fieldValue) }]
    : [];
  return {
    embeds: [
      {
        title: clip(`Season ${change.season} · Wikipedia revision ${change.revid}`, limits.title),
        url: change.link,
        description: clip(`${fitLines(change.changes, limits.description - 300)}\n\n${status}`, limits.description),
        color: change.holds.length && decision.kind === "waiting" ? held : colour,
        fields,
        footer: {
          text: clip(`Change set ${change.id} · read against season revision ${change.baseRevision}`, limits.footer),
        },
      },
    ],
    components:
      decision.kind === "waiting"
        ? [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.Button,
                  style: change.holds.length ? ButtonStyle.Danger : ButtonStyle.Success,
                  label: change.holds.length ? "Apply anyway" : "Apply",
                  custom_id: adminIds.applyFeed.encode(change.id),
                },
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Secondary,
                  label: "Skip",
                  custom_id: adminIds.skipFeed.encode(change.id),
                },
              ],
            },
          ]
        : [],
  };
}
