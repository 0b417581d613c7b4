import { DiscordAPIError, type Interaction, MessageFlags } from "discord.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { clip, limits } from "../views/limits.js";
import { noPings } from "./message.js";

const apologies = {
  generic: "Something went wrong on my side while answering that. It has been logged; please try again in a moment.",
  database: "I cannot reach my database right now; please try again in a minute.",
  permissions:
    "I am missing a permission I need in this channel (Send Messages, Embed Links or Attach Files). Ask a moderator to check my role.",
} as const;

/**
 * A form the member filled in is closed once submitted: give their text back with the error, so nothing they typed
 * is lost and they can paste it into the form again.
 */
export function typedBack(interaction: Interaction): string {
  if (!interaction.isModalSubmit()) return "";
  const lines = [...interaction.fields.fields.values()].flatMap((field) =>
    "value" in field && typeof field.value === "string" && field.value.trim()
      ? [`${field.customId}: ${field.value.replace(/`/g, "'").replace(/\s+/g, " ").trim()}`]
      : [],
  );
  return lines.length ? `\nWhat you typed:\n\`\`\`\n${lines.join("\n")}\n\`\`\`` : "";
}

// Errors of a database connection that dropped or could not be made (node's and postgres.js's codes).
const unreachable = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P03",
]);

/** The database is away (an outage or a restart), found anywhere in the error's chain of causes. */
function databaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (unreachable.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}

/** Discord error codes that mean a plain thing a user can act on. */
function sentenceFor(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (databaseUnreachable(error)) return apologies.database;
  if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) return apologies.permissions;
  return apologies.generic;
}

/**
 * The one place a failed interaction is answered: expected errors show their sentence, unexpected ones are logged
 * with context and get an apology. Always ephemeral, whether the interaction was replied to, deferred or untouched.
 */
export async function answerError(interaction: Interaction, error: unknown, logger: Logger): Promise<void> {
  const context = {
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    interactionId: interaction.id,
  };
  if (error instanceof UserError) logger.debug({ ...context, reason: error.message }, "user error");
  else logger.error({ ...context, err: error }, "interaction failed");

  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]).catch(() => {});
    return;
  }
  if (!interaction.isRepliable()) return;
  const content = clip(`${sentenceFor(error)}${typedBack(interaction)}`, limits.content);
  const message = { content, allowedMentions: noPings, flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.deferred && !interaction.replied && interaction.isChatInputCommand()) {
      // A deferred command's "thinking…" message may be public: replace it with a private sentence. (For a button,
      // the deferred reply is the message the button is on, which must stay.)
      await interaction.deleteReply().catch(() => {});
      await interaction.followUp(message);
    } else if (interaction.replied || interaction.deferred) {
      await interaction.followUp(message);
    } else {
      await interaction.reply(message);
    }
  } catch (sendError) {
    logger.warn({ ...context, err: sendError }, "could not tell the user about the failure");
  }
}
