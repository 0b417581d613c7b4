/** REST routes for everything but interactions: gateway info, the application, commands, channels, guilds. */
import { type APIApplication, type APIMessage, type APIUser, ChannelType, MessageType } from "discord.js";
import type { ParsedBody } from "./body.js";
import type { CommandStore } from "./commands.js";
import { DiscordErrors, DiscordHttpError } from "./errors.js";
import { checkCommand, checkCommandList, checkMessage } from "./limits.js";
import type { MessageStore, StoredMessage } from "./messages.js";
import type { Route, RouteReply } from "./router.js";
import type { World } from "./world.js";

export interface RestContext {
  applicationId: string;
  botUser: APIUser;
  world: World;
  messages: MessageStore;
  commands: CommandStore;
  gatewayUrl: () => string;
  /** The shard count GET /gateway/bot recommends. */
  recommendedShards: () => number;
  maxConcurrency: number;
  application: () => APIApplication;
  /** Runs before a message is created in a channel; throws Discord's refusal (a closed DM, a channel out of reach). */
  checkSend?: (channelId: string) => void;
}

type Json = Record<string, unknown>;

const ok = (body: unknown, status = 200): RouteReply => ({ status, body });
const noContent: RouteReply = { status: 204 };

/** The JSON body as an object, or Discord's 50035 when it is not one. */
export function objectBody(body: ParsedBody): Json {
  if (typeof body.json === "object" && body.json !== null && !Array.isArray(body.json)) return body.json as Json;
  throw DiscordErrors.invalidFormBody([
    { path: "", code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" },
  ]);
}

export function restRoutes(ctx: RestContext): Route[] {
  return [...infoRoutes(ctx), ...commandRoutes(ctx), ...channelRoutes(ctx), ...guildRoutes(ctx)];
}

function infoRoutes(ctx: RestContext): Route[] {
  return [
    {
      method: "GET",
      template: "/gateway/bot",
      auth: true,
      handle: () =>
        ok({
          url: ctx.gatewayUrl(),
          shards: ctx.recommendedShards(),
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: ctx.maxConcurrency,
          },
        }),
    },
    { method: "GET", template: "/gateway", auth: false, handle: () => ok({ url: ctx.gatewayUrl() }) },
    { method: "GET", template: "/users/@me", auth: true, handle: () => ok(ctx.botUser) },
    {
      method: "GET",
      template: "/users/{user_id}",
      auth: true,
      handle: ({ params }) => ok(ctx.world.findUser(params.user_id ?? "") ?? throwError(DiscordErrors.unknownUser())),
    },
    { method: "GET", template: "/applications/@me", auth: true, handle: () => ok(ctx.application()) },
  ];
}

function commandRoutes(ctx: RestContext): Route[] {
  // Global and guild command routes behave alike; the guild id (or null) picks the scope.
  const scope = (params: Record<string, string>): string | null => {
    if (params.application_id !== ctx.applicationId) {
      throw new DiscordHttpError(403, 20012, "You are not authorized to perform this action on this application");
    }
    const guildId = params.guild_id ?? null;
    if (guildId !== null && !ctx.world.findGuild(guildId)) throw new DiscordHttpError(403, 50001, "Missing Access");
    return guildId;
  };
  const commandArray = (body: ParsedBody): Json[] => {
    if (!Array.isArray(body.json)) {
      throw DiscordErrors.invalidFormBody([{ path: "", code: "LIST_TYPE_CONVERT", message: "Must be an array." }]);
    }
    return body.json as Json[];
  };
  return [
    "/applications/{application_id}/commands",
    "/applications/{application_id}/guilds/{guild_id}/commands",
  ].flatMap((list): Route[] => {
    const single = `${list}/{command_id}`;
    const find = (params: Record<string, string>) =>
      ctx.commands.list(scope(params)).find((c) => c.id === params.command_id) ??
      throwError(DiscordErrors.unknownCommand());
    return [
      { method: "GET", template: list, auth: true, handle: ({ params }) => ok(ctx.commands.list(scope(params))) },
      {
        method: "PUT",
        template: list,
        auth: true,
        limits: checkCommandList,
        handle: ({ params, body }) => ok(ctx.commands.put(scope(params), commandArray(body))),
      },
      {
        method: "POST",
        template: list,
        auth: true,
        limits: (body) => checkCommand(body),
        handle: ({ params, body }) => {
          const { command, created } = ctx.commands.create(scope(params), objectBody(body));
          return ok(command, created ? 201 : 200);
        },
      },
      { method: "GET", template: single, auth: true, handle: ({ params }) => ok(find(params)) },
      {
        method: "PATCH",
        template: single,
        auth: true,
        limits: (body) => checkCommand(body, "", true),
        handle: ({ params, body }) => ok(ctx.commands.edit(scope(params), find(params).id, objectBody(body))),
      },
      {
        method: "DELETE",
        template: single,
        auth: true,
        handle: ({ params }) => {
          ctx.commands.delete(scope(params), find(params).id);
          return noContent;
        },
      },
    ];
  });
}

function channelRoutes(ctx: RestContext): Route[] {
  const channel = (id = "") => ctx.world.findChannel(id) ?? throwError(DiscordErrors.unknownChannel());
  // Ephemeral messages are invisible to the channel API, exactly as on Discord.
  const message = (channelId = "", messageId = ""): StoredMessage => {
    const stored = ctx.messages.find(messageId);
    if (!stored || stored.ephemeral || stored.api.channel_id !== channelId) throw DiscordErrors.unknownMessage();
    return stored;
  };
  const messagePath = "/channels/{channel_id}/messages/{message_id}";
  return [
    {
      method: "GET",
      template: "/channels/{channel_id}",
      auth: true,
      handle: ({ params }) => ok(channel(params.channel_id).api),
    },
    {
      method: "GET",
      template: "/channels/{channel_id}/messages",
      auth: true,
      handle: ({ params, query }) => {
        channel(params.channel_id);
        return ok(listMessages(ctx.messages.inChannel(params.channel_id ?? ""), query).map((m) => m.api));
      },
    },
    {
      method: "POST",
      template: "/channels/{channel_id}/messages",
      auth: true,
      limits: (body) => checkMessage(body),
      handle: ({ params, body }) => {
        ctx.checkSend?.(params.channel_id ?? "");
        const target = channel(params.channel_id);
        const json = objectBody(body);
        const reply = json.message_reference !== undefined;
        const stored = ctx.messages.create(target.api.id, json, body.files, {
          type: reply ? MessageType.Reply : MessageType.Default,
        });
        if (reply) stored.api.message_reference = json.message_reference as APIMessage["message_reference"];
        return { ...ok(stored.api), messageId: stored.api.id };
      },
    },
    {
      method: "GET",
      template: messagePath,
      auth: true,
      handle: ({ params }) => ok(message(params.channel_id, params.message_id).api),
    },
    {
      method: "PATCH",
      template: messagePath,
      auth: true,
      limits: (body) => checkMessage(body),
      rateLimitKey: ({ params }) => params.channel_id,
      handle: ({ params, body }) => {
        const stored = message(params.channel_id, params.message_id);
        ctx.messages.edit(stored, objectBody(body), body.files);
        return { ...ok(stored.api), messageId: stored.api.id };
      },
    },
    {
      method: "DELETE",
      template: messagePath,
      auth: true,
      handle: ({ params }) => {
        ctx.messages.delete(message(params.channel_id, params.message_id));
        return noContent;
      },
    },
  ];
}

function guildRoutes(ctx: RestContext): Route[] {
  const guild = (id = "") => ctx.world.findGuild(id) ?? throwError(DiscordErrors.unknownGuild());
  return [
    {
      method: "GET",
      template: "/guilds/{guild_id}",
      auth: true,
      handle: ({ params }) => ok(ctx.world.guildObject(guild(params.guild_id))),
    },
    {
      method: "GET",
      template: "/guilds/{guild_id}/channels",
      auth: true,
      handle: ({ params }) =>
        ok(
          guild(params.guild_id)
            .channelIds.map((id) => ctx.world.channel(id).api)
            .filter((c) => c.type !== ChannelType.DM),
        ),
    },
    {
      method: "GET",
      template: "/guilds/{guild_id}/members/{user_id}",
      auth: true,
      handle: ({ params }) => {
        const found = guild(params.guild_id);
        if (!found.members.has(params.user_id ?? "")) throw DiscordErrors.unknownMember();
        return ok(ctx.world.member(found, params.user_id ?? ""));
      },
    },
  ];
}

/** GET /channels/{id}/messages: newest first, `limit` (default 50, max 100), `before`/`after` by id. */
function listMessages(all: StoredMessage[], query: URLSearchParams): StoredMessage[] {
  const limit = Math.min(Math.max(Number(query.get("limit") ?? 50) || 50, 1), 100);
  const before = query.get("before");
  const after = query.get("after");
  const newestFirst = [...all].reverse();
  const filtered = newestFirst.filter(
    (m) => (!before || BigInt(m.api.id) < BigInt(before)) && (!after || BigInt(m.api.id) > BigInt(after)),
  );
  return filtered.slice(0, limit);
}

export function throwError(error: DiscordHttpError): never {
  throw error;
}
