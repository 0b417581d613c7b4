import type { BotContext } from "../../context.js";
import { listAudit } from "../../db/queries/audit.js";
import { respond } from "../../discord/respond.js";
import type { Slash } from "./edit.js";
import { auditView } from "./view.js";

/** `/admin log`. */
export async function log(interaction: Slash, ctx: BotContext): Promise<void> {
  const number = interaction.options.getInteger("season");
  await respond(interaction, async () => auditView(await listAudit(ctx.db, { season: number, limit: 10 }), number), {
    ephemeral: true,
  });
}
