/**
 * Guild scheduled events (GET/POST /guilds/{guild}/scheduled-events, GET/PATCH/DELETE …/{event}) with the rules
 * Discord applies beyond the body's schema: Manage Events (or Create Events, for the bot's own events), an external
 * event needs a location and an end, a start in the future and an end after it. Events are kept per guild for tests.
 */
import {
  type APIGuildScheduledEvent,
  type APIUser,
  GuildScheduledEventEntityType,
  GuildScheduledEventStatus,
  PermissionFlagsBits,
} from "discord.js";
import { DiscordErrors, DiscordHttpError, type FieldError } from "./errors.js";
import { objectBody, throwError } from "./rest.js";
import type { Route, RouteRequest } from "./router.js";
import type { GuildState, World } from "./world.js";

type Json = Record<string, unknown>;

const unknownEvent = () => new DiscordHttpError(404, 10070, "Unknown Guild Scheduled Event");
const missingPermissions = () => new DiscordHttpError(403, 50013, "Missing Permissions");

export class ScheduledEvents {
  private readonly byGuild = new Map<string, Map<string, APIGuildScheduledEvent>>();
  /** Every create, edit and delete the bot made, in order (tests check nothing was done twice). */
  readonly log: { action: "create" | "edit" | "delete"; guildId: string; eventId: string }[] = [];

  constructor(
    private readonly world: World,
    private readonly nextId: () => string,
    private readonly botUser: APIUser,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(guildId: string): APIGuildScheduledEvent[] {
    return [...(this.byGuild.get(guildId)?.values() ?? [])];
  }

  routes(): Route[] {
    const list = "/guilds/{guild_id}/scheduled-events";
    const single = `${list}/{guild_scheduled_event_id}`;
    return [
      {
        method: "GET",
        template: list,
        auth: true,
        handle: ({ params }) => ({ status: 200, body: this.list(this.guild(params).id) }),
      },
      {
        method: "POST",
        template: list,
        auth: true,
        handle: ({ params, body }) => {
          const guild = this.guild(params);
          if (!this.may(guild, PermissionFlagsBits.CreateEvents)) throw missingPermissions();
          const json = objectBody(body);
          const event: APIGuildScheduledEvent = {
            id: this.nextId(),
            guild_id: guild.id,
            channel_id: null,
            creator_id: this.botUser.id,
            creator: this.botUser,
            name: String(json.name),
            description: (json.description as string | null | undefined) ?? null,
            scheduled_start_time: String(json.scheduled_start_time),
            scheduled_end_time: (json.scheduled_end_time as string | null | undefined) ?? null,
            privacy_level: json.privacy_level as APIGuildScheduledEvent["privacy_level"],
            status: GuildScheduledEventStatus.Scheduled,
            entity_type: json.entity_type as GuildScheduledEventEntityType.External,
            entity_id: null,
            entity_metadata: (json.entity_metadata as { location: string } | undefined) ?? null,
            user_count: 0,
            image: null,
            recurrence_rule: null,
          } as APIGuildScheduledEvent;
          this.validate(event, true);
          this.events(guild.id).set(event.id, event);
          this.log.push({ action: "create", guildId: guild.id, eventId: event.id });
          return { status: 200, body: event };
        },
      },
      { method: "GET", template: single, auth: true, handle: (request) => ({ status: 200, body: this.find(request) }) },
      {
        method: "PATCH",
        template: single,
        auth: true,
        handle: (request) => {
          const event = this.find(request);
          this.mayChange(this.guild(request.params), event);
          const json = objectBody(request.body);
          const changed = { ...event } as Json;
          for (const key of [
            "name",
            "description",
            "scheduled_start_time",
            "scheduled_end_time",
            "entity_metadata",
            "privacy_level",
          ]) {
            if (key in json) changed[key] = json[key];
          }
          const next = changed as unknown as APIGuildScheduledEvent;
          this.validate(next, "scheduled_start_time" in json);
          this.events(event.guild_id).set(event.id, next);
          this.log.push({ action: "edit", guildId: event.guild_id, eventId: event.id });
          return { status: 200, body: next };
        },
      },
      {
        method: "DELETE",
        template: single,
        auth: true,
        handle: (request) => {
          const event = this.find(request);
          this.mayChange(this.guild(request.params), event);
          this.events(event.guild_id).delete(event.id);
          this.log.push({ action: "delete", guildId: event.guild_id, eventId: event.id });
          return { status: 204 };
        },
      },
    ];
  }

  private events(guildId: string): Map<string, APIGuildScheduledEvent> {
    let events = this.byGuild.get(guildId);
    if (!events) {
      events = new Map();
      this.byGuild.set(guildId, events);
    }
    return events;
  }

  private guild(params: Record<string, string>): GuildState {
    return this.world.findGuild(params.guild_id ?? "") ?? throwError(DiscordErrors.unknownGuild());
  }

  private find({ params }: RouteRequest): APIGuildScheduledEvent {
    return this.events(this.guild(params).id).get(params.guild_scheduled_event_id ?? "") ?? throwError(unknownEvent());
  }

  private may(guild: GuildState, bit: bigint): boolean {
    const has = this.world.permissions(guild, this.world.botUser.id);
    return (has & (PermissionFlagsBits.ManageEvents | bit | PermissionFlagsBits.Administrator)) !== 0n;
  }

  /** Manage Events changes any event; Create Events only the bot's own. */
  private mayChange(guild: GuildState, event: APIGuildScheduledEvent): void {
    const has = this.world.permissions(guild, this.world.botUser.id);
    if ((has & (PermissionFlagsBits.ManageEvents | PermissionFlagsBits.Administrator)) !== 0n) return;
    if ((has & PermissionFlagsBits.CreateEvents) !== 0n && event.creator_id === this.botUser.id) return;
    throw missingPermissions();
  }

  private validate(event: APIGuildScheduledEvent, startChanged: boolean): void {
    const errors: FieldError[] = [];
    const start = Date.parse(event.scheduled_start_time);
    const end = event.scheduled_end_time ? Date.parse(event.scheduled_end_time) : Number.NaN;
    if (event.entity_type === GuildScheduledEventEntityType.External) {
      if (!event.entity_metadata?.location) {
        errors.push({
          path: "entity_metadata.location",
          code: "BASE_TYPE_REQUIRED",
          message: "This field is required",
        });
      }
      if (!event.scheduled_end_time) {
        errors.push({ path: "scheduled_end_time", code: "BASE_TYPE_REQUIRED", message: "This field is required" });
      }
    }
    if (startChanged && start <= this.now().getTime()) {
      errors.push({
        path: "scheduled_start_time",
        code: "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
        message: "Cannot schedule event in the past.",
      });
    }
    if (!Number.isNaN(end) && end <= start) {
      errors.push({
        path: "scheduled_end_time",
        code: "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
        message: "Cannot schedule event to end before starting.",
      });
    }
    if (errors.length > 0) throw DiscordErrors.invalidFormBody(errors);
  }
}
