import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIMessageTopLevelComponent,
} from "discord-api-types/v10";

/** A message the bot sends, as plain API JSON: the same shape for replies, edits and the console. */
export interface View {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: { name: string; data: Buffer; description?: string }[];
  /** Roles this message may ping (an opt-in role the members chose); nobody else is ever pinged. */
  pingRoleIds?: string[];
}

export type TopLevel = APIMessageTopLevelComponent;

/**
 * Sends and edits channel messages outside an interaction (poll messages, results, the night's leaderboard); the
 * bot's implementation is src/discord/messenger.ts, tests may record instead.
 */
export interface Messenger {
  send(channelId: string, view: View): Promise<string>;
  edit(channelId: string, messageId: string, view: View): Promise<void>;
}
