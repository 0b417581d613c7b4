/**
 * The reminders that could go out now, per kind: the subscribed members (not paused by a closed inbox) and the
 * occasion, leaving out every reminder already claimed. What is due is decided from `now`, never from the database
 * clock, so a test can run the job at any instant.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { asDate, rowsOf } from "../polls/rows.js";

const notPaused = sql`not exists (select 1 from reminder_dm_failures f where f.user_id = s.user_id)`;
const notClaimed = (kind: string, occasion: ReturnType<typeof sql>) =>
  sql`not exists (select 1 from reminder_deliveries d where d.guild_id = s.guild_id and d.user_id = s.user_id
        and d.kind = ${kind} and d.occasion = ${occasion})`;

export interface LockCandidate {
  guildId: string;
  userId: string;
  pollId: number;
  kind: "mirrorball" | "elimination";
  week: number | null;
  channelId: string;
  messageId: string | null;
  closesAt: Date;
}

/** Open prediction polls closing within `withinMs` of `now`, for subscribed members who have not picked yet. */
export async function lockCandidates(db: Database, now: Date, withinMs: number): Promise<LockCandidate[]> {
  const until = new Date(now.getTime() + withinMs);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select s.guild_id, s.user_id, p.id as poll_id, p.kind, p.week, p.channel_id, p.message_id, p.closes_at
      from reminder_subscriptions s
      join polls p on p.guild_id = s.guild_id
      where s.kind = 'lock' and p.closed_at is null and p.kind in ('mirrorball', 'elimination')
        and p.closes_at > ${now.toISOString()}::timestamptz and p.closes_at <= ${until.toISOString()}::timestamptz
        and not exists (select 1 from poll_votes v where v.poll_id = p.id and v.user_id = s.user_id)
        and ${notPaused} and ${notClaimed("lock", sql`'poll:' || p.id`)}
      order by p.closes_at limit 1000`),
  );
  return rows.map((r) => ({
    guildId: String(r.guild_id),
    userId: String(r.user_id),
    pollId: Number(r.poll_id),
    kind: r.kind as LockCandidate["kind"],
    week: r.week === null ? null : Number(r.week),
    channelId: String(r.channel_id),
    messageId: r.message_id === null ? null : String(r.message_id),
    closesAt: asDate(r.closes_at),
  }));
}

export interface ShowtimeSchedule {
  guildId: string;
  weekday: number;
  airTime: string;
  timeZone: string;
  userIds: string[];
}

/** Servers with a weekly schedule and at least one member waiting for the show's start, with those members. */
export async function showtimeSchedules(db: Database): Promise<ShowtimeSchedule[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select ps.guild_id, ps.weekday, ps.air_time, ps.time_zone, array_agg(s.user_id) as user_ids
      from poll_schedules ps
      join reminder_subscriptions s on s.guild_id = ps.guild_id and s.kind = 'showtime'
      where ${notPaused}
      group by ps.guild_id, ps.weekday, ps.air_time, ps.time_zone`),
  );
  return rows.map((r) => ({
    guildId: String(r.guild_id),
    weekday: Number(r.weekday),
    airTime: String(r.air_time),
    timeZone: String(r.time_zone),
    userIds: (r.user_ids as unknown[]).map(String),
  }));
}

export interface ResultCandidate {
  guildId: string;
  userId: string;
  pollId: number;
  season: number;
  week: number;
  /** The week's (last) air date, for the server's spoiler guard. */
  airDate: string | null;
  spoilerHours: number;
  /** "pick" reminders: the couple the member picked, who went home that week. */
  couple: string | null;
}

const resultColumns = sql`s.guild_id, s.user_id, p.id as poll_id, se.number as season, p.week,
  (select max(w.air_date)::text from weeks w where w.season_id = p.season_id and w.number = p.week) as air_date,
  coalesce(gs.spoiler_hours, 0) as spoiler_hours`;

/**
 * Scored elimination polls whose voter picked a couple that left that week. Only polls scored after the member opted
 * in, and none of them are old news: a poll resolved before the opt-in never triggers one.
 */
export async function pickCandidates(db: Database): Promise<ResultCandidate[]> {
  return resultRows(
    await db.execute(sql`
      select ${resultColumns}, o.label as couple
      from reminder_subscriptions s
      join polls p on p.guild_id = s.guild_id and p.kind = 'elimination' and p.resolved_at >= s.created_at
      join seasons se on se.id = p.season_id
      join poll_votes v on v.poll_id = p.id and v.user_id = s.user_id
      join poll_options o on o.poll_id = p.id and o.position = v.position
      left join guild_settings gs on gs.guild_id = s.guild_id
      where s.kind = 'pick'
        and exists (select 1 from week_results r join weeks w on w.id = r.week_id
          where w.season_id = p.season_id and w.number = p.week and r.couple_id = o.couple_id
            and r.outcome in ('eliminated', 'withdrew'))
        and ${notPaused} and ${notClaimed("pick", sql`'poll:' || p.id`)}
      limit 1000`),
  );
}

/** Scored elimination polls of a server: the week's results are in, once per member and week. */
export async function resultsCandidates(db: Database): Promise<ResultCandidate[]> {
  return resultRows(
    await db.execute(sql`
      select distinct on (s.guild_id, s.user_id, se.number, p.week) ${resultColumns}, null as couple
      from reminder_subscriptions s
      join polls p on p.guild_id = s.guild_id and p.kind = 'elimination' and p.resolved_at >= s.created_at
      join seasons se on se.id = p.season_id
      left join guild_settings gs on gs.guild_id = s.guild_id
      where s.kind = 'results'
        and ${notPaused} and ${notClaimed("results", sql`'results:' || se.number || ':' || p.week`)}
      order by s.guild_id, s.user_id, se.number, p.week, p.id
      limit 1000`),
  );
}

function resultRows(result: unknown): ResultCandidate[] {
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    guildId: String(r.guild_id),
    userId: String(r.user_id),
    pollId: Number(r.poll_id),
    season: Number(r.season),
    week: Number(r.week),
    airDate: r.air_date === null ? null : String(r.air_date).slice(0, 10),
    spoilerHours: Number(r.spoiler_hours),
    couple: r.couple === null ? null : String(r.couple),
  }));
}
