import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import type { NewPoll } from "../../db/queries/polls/index.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { maxQuestionLength, parseCustomOptions } from "../../polls/custom.js";
import { pollDuration } from "../../polls/duration.js";
import { predictionPoll } from "../../polls/prediction.js";
import { safeText, timestamp } from "../../views/format.js";
import { guildOf, requireManager, text } from "./access.js";

const dayMs = 86_400_000;

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

/** /poll mirrorball, elimination and custom: the poll goes up in the channel, the creator gets a private receipt. */
export async function create(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
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
