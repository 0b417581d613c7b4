/** Interaction callbacks and the interaction webhook (original response and follow-ups). */
import {
  type APIMessageInteractionMetadata,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from "discord.js";
import { DiscordErrors, DiscordHttpError, type FieldError } from "./errors.js";
import type { InteractionKind, InteractionRecord } from "./interaction.js";
import { checkAutocomplete, checkMessage, checkModal } from "./limits.js";
import type { MessageOrigin, MessageStore, StoredMessage } from "./messages.js";
import { objectBody, throwError } from "./rest.js";
import type { Route, RouteReply, RouteRequest } from "./router.js";

export interface InteractionRestContext {
  applicationId: string;
  messages: MessageStore;
  interactionById: (id: string) => InteractionRecord | undefined;
  interactionByToken: (token: string) => InteractionRecord | undefined;
  /** How long an interaction token works for webhooks (15 minutes on Discord). */
  interactionTokenTtlMs: number;
}

type Json = Record<string, unknown>;

/** The callback types Discord accepts for each kind of interaction. */
const ALLOWED_CALLBACKS: Record<InteractionKind, InteractionResponseType[]> = {
  command: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  component: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  modal: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

const CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback";
const WEBHOOK = "/webhooks/{webhook_id}/{webhook_token}";
const ORIGINAL = `${WEBHOOK}/messages/@original`;
const FOLLOW_UP = `${WEBHOOK}/messages/{message_id}`;

export function interactionRoutes(ctx: InteractionRestContext): Route[] {
  const byToken = (params: Record<string, string>) => ctx.interactionByToken(params.webhook_token ?? "");
  const byId = (params: Record<string, string>) => ctx.interactionById(params.interaction_id ?? "");
  const webhook = (params: Record<string, string>): InteractionRecord => {
    const record = params.webhook_id === ctx.applicationId ? byToken(params) : undefined;
    if (!record) throw DiscordErrors.unknownWebhook();
    if (!record.tokenValid(ctx.interactionTokenTtlMs)) throw DiscordErrors.invalidWebhookToken();
    // The interaction's webhook exists only once the interaction was acknowledged.
    if (!record.acknowledged) throw DiscordErrors.unknownWebhook();
    return record;
  };
  const message = (record: InteractionRecord, id = record.originalMessageId): StoredMessage => {
    const stored = id && record.owns(id) ? ctx.messages.find(id) : undefined;
    return stored ?? throwError(DiscordErrors.unknownMessage());
  };
  // Edits count against the channel's edit bucket; the channel is the edited message's.
  const editBucket = ({ params }: RouteRequest) => {
    const id = params.message_id ?? byToken(params)?.originalMessageId;
    return id ? ctx.messages.find(id)?.api.channel_id : undefined;
  };
  const reply = (stored: StoredMessage): RouteReply => ({ status: 200, body: stored.api, messageId: stored.api.id });
  const read = (kind: "get-original" | "get-follow-up", template: string): Route => ({
    method: "GET",
    template,
    auth: false,
    interaction: { kind, find: byToken },
    handle: ({ params }) => reply(message(webhook(params), params.message_id)),
  });
  const edit = (kind: "edit-original" | "edit-follow-up", template: string): Route => ({
    method: "PATCH",
    template,
    auth: false,
    limits: (body) => checkMessage(body),
    rateLimitKey: editBucket,
    interaction: { kind, find: byToken },
    handle: ({ params, body }) =>
      reply(ctx.messages.edit(message(webhook(params), params.message_id), objectBody(body), body.files)),
  });
  const remove = (kind: "delete-original" | "delete-follow-up", template: string): Route => ({
    method: "DELETE",
    template,
    auth: false,
    interaction: { kind, find: byToken },
    handle: ({ params }) => {
      ctx.messages.delete(message(webhook(params), params.message_id));
      return { status: 204 };
    },
  });
  return [
    {
      method: "POST",
      template: CALLBACK,
      auth: false,
      limits: callbackLimits,
      interaction: { kind: "callback", find: byId },
      handle: (request) => callback(ctx, byId(request.params), request),
    },
    read("get-original", ORIGINAL),
    edit("edit-original", ORIGINAL),
    remove("delete-original", ORIGINAL),
    {
      method: "POST",
      template: WEBHOOK,
      auth: false,
      limits: (body) => checkMessage(body),
      interaction: { kind: "follow-up", find: byToken },
      handle: ({ params, body }) => reply(followUp(ctx, webhook(params), objectBody(body), body)),
    },
    read("get-follow-up", FOLLOW_UP),
    edit("edit-follow-up", FOLLOW_UP),
    remove("delete-follow-up", FOLLOW_UP),
  ];
}

function callbackLimits(body: unknown): FieldError[] {
  const { type, data } = (body ?? {}) as Json;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
    case InteractionResponseType.UpdateMessage:
      return checkMessage(data, "data");
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      return checkAutocomplete(data);
    case InteractionResponseType.Modal:
      return checkModal(data);
    default:
      return [];
  }
}

function callback(
  ctx: InteractionRestContext,
  record: InteractionRecord | undefined,
  request: RouteRequest,
): RouteReply {
  const { params, body, query, receivedAt } = request;
  if (!record || record.token !== params.interaction_token) throw DiscordErrors.unknownInteraction();
  if (record.acknowledged) throw DiscordErrors.alreadyAcknowledged();
  const latencyMs = record.elapsedMs(receivedAt);
  if (!record.inWindow(latencyMs)) throw DiscordErrors.unknownInteraction();
  const json = objectBody(body);
  const type = json.type as InteractionResponseType;
  const data = (json.data ?? {}) as Json;
  const clicked = "message" in record.payload ? record.payload.message?.id : undefined;
  const updatesMessage =
    type === InteractionResponseType.DeferredMessageUpdate || type === InteractionResponseType.UpdateMessage;
  if (!ALLOWED_CALLBACKS[record.kind].includes(type) || (updatesMessage && !clicked)) {
    throw DiscordErrors.invalidFormBody([
      {
        path: "type",
        code: "INTERACTION_CALLBACK_TYPE_INVALID",
        message: `Callback type ${type} is not valid for a ${record.kind} interaction`,
      },
    ]);
  }
  const ephemeral = ((typeof data.flags === "number" ? data.flags : 0) & MessageFlags.Ephemeral) !== 0;
  const channelId = record.payload.channel?.id ?? "";
  let stored: StoredMessage | undefined;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      stored = ctx.messages.create(channelId, data, body.files, origin(record, { ephemeral }));
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      stored = ctx.messages.create(channelId, {}, [], origin(record, { ephemeral, loading: true }));
      break;
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage: {
      const target = ctx.messages.find(clicked ?? "") ?? throwError(DiscordErrors.unknownMessage());
      stored = type === InteractionResponseType.UpdateMessage ? ctx.messages.edit(target, data, body.files) : target;
      break;
    }
  }
  record.originalMessageId = stored?.api.id;
  record.acknowledge({ type, data: json.data, files: body.files, latencyMs });
  if (query.get("with_response") !== "true") return { status: 204, messageId: stored?.api.id };
  // discord.js asks for the InteractionCallbackResponse when the bot passes `withResponse: true`.
  const flags = stored?.api.flags ?? 0;
  return {
    status: 200,
    messageId: stored?.api.id,
    body: {
      interaction: {
        id: record.id,
        type: record.payload.type,
        ...(stored
          ? {
              response_message_id: stored.api.id,
              response_message_loading: (flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(stored ? { message: stored.api } : {}) },
    },
  };
}

/** A follow-up; the first one after a deferred reply fills in the "thinking…" placeholder instead, as on Discord. */
function followUp(
  ctx: InteractionRestContext,
  record: InteractionRecord,
  json: Json,
  body: RouteRequest["body"],
): StoredMessage {
  const original = record.originalMessageId ? ctx.messages.find(record.originalMessageId) : undefined;
  if (original && ((original.api.flags ?? 0) & MessageFlags.Loading) !== 0) {
    return ctx.messages.edit(original, json, body.files);
  }
  const ephemeral = ((typeof json.flags === "number" ? json.flags : 0) & MessageFlags.Ephemeral) !== 0;
  const channelId = record.payload.channel?.id ?? "";
  return ctx.messages.create(channelId, json, body.files, origin(record, { ephemeral, followUp: true }));
}

/** How a response message records the interaction behind it (`interaction_metadata`, legacy `interaction`). */
function origin(
  record: InteractionRecord,
  options: { ephemeral: boolean; loading?: boolean; followUp?: boolean },
): MessageOrigin {
  const { payload } = record;
  const user = payload.member?.user ?? payload.user;
  if (!user) throw new DiscordHttpError(500, 0, "interaction without a user");
  const base = {
    id: record.id,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(options.followUp && record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {}),
  };
  const metadata = (r: InteractionRecord): APIMessageInteractionMetadata | undefined => {
    const p = r.payload;
    if (p.type === InteractionType.ApplicationCommand) return { ...base, id: r.id, type: p.type };
    if (p.type === InteractionType.MessageComponent)
      return { ...base, id: r.id, type: p.type, interacted_message_id: p.message.id };
    return undefined;
  };
  const trigger = record.triggeredBy && metadata(record.triggeredBy);
  const command = payload.type === InteractionType.ApplicationCommand ? payload.data.name : undefined;
  return {
    type: command ? MessageType.ChatInputCommand : MessageType.Default,
    ephemeral: options.ephemeral,
    loading: options.loading,
    interactionId: record.id,
    webhookId: record.payload.application_id,
    metadata:
      payload.type === InteractionType.ModalSubmit && trigger && trigger.type !== InteractionType.ModalSubmit
        ? { ...base, type: payload.type, triggering_interaction_metadata: trigger }
        : metadata(record),
    ...(command ? { legacyInteraction: { id: record.id, type: payload.type, name: command, user } } : {}),
  };
}
