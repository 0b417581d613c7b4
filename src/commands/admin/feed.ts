/** The season feed's Apply and Skip buttons in the owners' channel. */
import type { BotContext } from "../../context.js";
import { getFeedChange } from "../../db/queries/feed.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { feedChangeView } from "./feedView.js";
import { adminIds } from "./ids.js";

/** True when the press was one of the feed's buttons (and it was answered). */
export async function feedButton(interaction: ComponentInteraction, ctx: BotContext): Promise<boolean> {
  const apply = adminIds.applyFeed.decode(interaction.customId);
  const skip = adminIds.skipFeed.decode(interaction.customId);
  const id = (apply ?? skip)?.[0];
  if (id === undefined) return false;
  if (!ctx.feed) throw new UserError("The season feed is off here (LIVE_FEED=off): nothing to apply.");
  const feed = ctx.feed;
  await respond(
    interaction,
    async () => {
      if (apply) {
        const outcome = await feed.apply(id, interaction.user.id);
        const change = await getFeedChange(ctx.db, id);
        if (!change) throw new UserError("That change is no longer known.");
        return feedChangeView(change, { kind: "applied", by: interaction.user.id, revision: outcome.revision });
      }
      const skipped = await feed.skip(id, interaction.user.id);
      if (!skipped) {
        throw new UserError(
          "That change was already applied, skipped, or replaced by a newer revision of the article.",
        );
      }
      return feedChangeView(skipped, { kind: "skipped", by: interaction.user.id });
    },
    { update: true },
  );
  return true;
}
