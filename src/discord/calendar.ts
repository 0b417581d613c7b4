import {
  type Client,
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  RESTJSONErrorCodes,
  type RESTPostAPIGuildScheduledEventJSONBody,
  Routes,
} from "discord.js";
import type { CalendarResult, EpisodeCalendar, EpisodeEventInput } from "../reminders/delivery.js";

const body = (event: EpisodeEventInput): RESTPostAPIGuildScheduledEventJSONBody => ({
  name: event.name,
  description: event.description,
  privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
  entity_type: GuildScheduledEventEntityType.External,
  entity_metadata: { location: event.location },
  scheduled_start_time: event.startsAt.toISOString(),
  scheduled_end_time: event.endsAt.toISOString(),
});

/** The server's scheduled events through Discord's REST API, with a missing permission as a result, not a crash. */
export function episodeCalendar(client: Client): EpisodeCalendar {
  const attempt = async (call: () => Promise<unknown>): Promise<CalendarResult> => {
    try {
      const made = (await call()) as { id?: string } | undefined;
      return { ok: true, eventId: made?.id ?? "" };
    } catch (error) {
      if (error instanceof DiscordAPIError) {
        if (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess) {
          return { ok: false, reason: "no-permission" };
        }
        if (error.code === RESTJSONErrorCodes.UnknownGuildScheduledEvent) return { ok: false, reason: "gone" };
      }
      throw error;
    }
  };
  return {
    create: (guildId, event) =>
      attempt(() => client.rest.post(Routes.guildScheduledEvents(guildId), { body: body(event) })),
    edit: (guildId, eventId, event) =>
      attempt(() => client.rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body: body(event) })),
    remove: (guildId, eventId) =>
      attempt(async () => {
        await client.rest.delete(Routes.guildScheduledEvent(guildId, eventId));
        return { id: eventId };
      }),
  };
}
