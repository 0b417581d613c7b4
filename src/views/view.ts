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
}

export type TopLevel = APIMessageTopLevelComponent;
