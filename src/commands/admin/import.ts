import type { Attachment, ChatInputCommandInteraction } from "discord.js";
import { cancelImport, confirmImport, stageImport } from "../../admin/seasons.js";
import type { BotContext } from "../../context.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { adminIds } from "./ids.js";
import { changeView, dryRunView, importClosedView } from "./view.js";

/** A season file is well under this; anything larger is not one. */
const maxFileBytes = 5 * 1024 * 1024;
/** Discord's CDN answers in well under a second; a download hung longer than this is not coming. */
const downloadTimeoutMs = 15_000;

/** `/admin import file:` validate, show the dry run, keep it for the Confirm button. */
export async function importFile(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const file = interaction.options.getAttachment("file", true);
  if (!file.name.toLowerCase().endsWith(".json")) {
    throw new UserError(`${file.name} is not a season file: attach a .json file in the data/ format (season-35.json).`);
  }
  if (file.size > maxFileBytes)
    throw new UserError(`${file.name} is ${Math.round(file.size / 1024)} KB: a season file is far smaller.`);
  await respond(interaction, async () => {
    const text = await download(file);
    const dry = await stageImport(ctx.db, { fileName: file.name, text, userId: interaction.user.id });
    return dryRunView(dry);
  });
}

/** The attached file's text from Discord's CDN; a failed or hung download is the owner's to retry, not a crash. */
async function download(file: Attachment): Promise<string> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(file.url, { signal: AbortSignal.timeout(downloadTimeoutMs) });
    text = await response.text();
  } catch (error) {
    throw new UserError(`I could not download ${file.name} from Discord; attach it again.`, { cause: error });
  }
  if (!response.ok)
    throw new UserError(`I could not download ${file.name} (HTTP ${response.status}); attach it again.`);
  return text;
}

/** Confirm applies a dry run, Cancel drops it. */
export async function importButton(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const confirm = adminIds.confirmImport.decode(interaction.customId);
  const cancel = adminIds.cancelImport.decode(interaction.customId);
  const id = (confirm ?? cancel)?.[0];
  if (!id) throw new UserError("That button does not belong to an import; run /admin import again.");
  if (cancel) {
    // Taken out in one step: when a Confirm wins the race, this press is refused instead of saying nothing changed.
    const pending = await cancelImport(ctx.db, id);
    await respond(
      interaction,
      async () => importClosedView(`Import of ${pending.fileName} cancelled; nothing changed.`),
      {
        update: true,
      },
    );
    return;
  }
  await respond(
    interaction,
    async () => {
      const outcome = await confirmImport(ctx.db, { id, userId: interaction.user.id });
      await ctx.live.changed(outcome);
      return changeView(outcome, `Season ${outcome.season} imported`);
    },
    { update: true },
  );
}
