/**
 * The compiled season files (compiled/season32.json, season33.json, season34.json):
 * season 32 in full (news recaps + MCM), seasons 33 and 34 as skeletons (couples, themes, dates, finale dances).
 */
import { type McmRow, mcmExitWeek, mcmHometown, mcmWeekly, splitPartner } from "./mcm.js";
import {
  type BonusInput,
  type CoupleInput,
  compact,
  FORMAT,
  isoDate,
  type PerformanceInput,
  type ResultInput,
  type RoundType,
  resultText,
  type SeasonInput,
  type SourceInput,
  type WeekInput,
  type WeeklyScoreInput,
} from "./model.js";
import { canonicalName, cleanText, nameKey } from "./people.js";

type Scores = Record<string, number>;

interface CompiledDance {
  celebrity: string;
  night?: string;
  professional: string;
  round: string;
  style: string | null;
  song: string | null;
  artist: string | null;
  scores?: Scores | null;
  total?: number | null;
  bonus_points?: number;
  score_provenance?: string | null;
  note?: string;
  sources?: string[];
}

interface CompiledGroupDance {
  round: string;
  name?: string;
  team?: string;
  note?: string;
  style?: string | null;
  song?: string | null;
  artist?: string | null;
  members?: string[];
  couples?: string[];
  winner?: string;
  bonus_points?: number;
  scores?: Scores | null;
  score_provenance?: string;
  sources?: string[];
}

interface CompiledWeek {
  week: number;
  theme: string | null;
  air_date?: string;
  /** Season 35: "aired", or "scheduled (...)" for a week not aired when the sources were saved. */
  status?: string;
  episodes?: { no: string; title: string; air_date: string }[];
  judges?: string[] | null;
  judges_scoring?: number[];
  guest_judge?: string | string[] | null;
  eliminated: string[] | null;
  in_jeopardy_or_bottom?: string[] | null;
  notes: string[];
  dances: CompiledDance[];
  group_dances?: CompiledGroupDance[];
  mcm_weekly_judge_scores?: Record<string, number[]> | null;
  sources?: string[];
}

export interface CompiledSeason {
  season: number;
  premiere?: string;
  finale?: string;
  hosts?: string[];
  regular_judges?: string[];
  couples: {
    celebrity: string;
    professional: string;
    notability?: string;
    placement: number | null;
    result_mcm: string | null;
    /** Season 35: "Eliminated 1st (Week 1 (Night 1), 2026-09-15)", or null while the couple is still dancing. */
    result?: string | null;
  }[];
  weeks: CompiledWeek[];
  sources_general?: string[];
  sources?: string[];
  provenance_note?: string;
  notes?: string[];
  judge_order_note?: string;
}

/** Facts the compiled files state only in prose, kept here as data. */
const SEASON_FACTS: Record<number, { judges: string[]; hosts: string[]; finaleWeek: number; carryOver?: number[] }> = {
  31: {
    judges: ["Carrie Ann Inaba", "Len Goodman", "Derek Hough", "Bruno Tonioli"],
    hosts: ["Tyra Banks", "Alfonso Ribeiro"],
    finaleWeek: 10,
  },
  32: {
    judges: ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"],
    hosts: ["Alfonso Ribeiro", "Julianne Hough"],
    finaleWeek: 11,
    carryOver: [10],
  },
  33: {
    judges: ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"],
    hosts: ["Alfonso Ribeiro", "Julianne Hough"],
    finaleWeek: 9,
    carryOver: [8],
  },
  34: {
    judges: ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"],
    hosts: ["Alfonso Ribeiro", "Julianne Hough"],
    finaleWeek: 11,
  },
  // Season 35 is still on the air in the sources: the finale (week 11) is scheduled, not aired.
  35: {
    judges: ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"],
    hosts: ["Alfonso Ribeiro", "Julianne Hough"],
    finaleWeek: 11,
  },
};

/**
 * How many dances each couple danced in a week where the sources say so, for weekly figures:
 * a week's judges' total is the sum of the weekly per-judge numbers times the number of dances.
 * S33 week 8 (two semifinal dances) is the count that reproduces the broadcast carry-over totals (117, 112).
 */
const DANCES_PER_COUPLE: Record<number, Record<number, number>> = {
  32: { 10: 2, 11: 2 },
  33: { 8: 2, 9: 2 },
  34: { 11: 3 },
};

/** S34 week 1: Carrie Ann Inaba was absent; MCM keeps two columns. */
const KNOWN_PANELS: Record<string, string[]> = {
  "34/1": ["Derek Hough", "Bruno Tonioli"],
};

export function compiledToSeason(raw: CompiledSeason, mcm: McmRow[]): SeasonInput {
  const facts = SEASON_FACTS[raw.season];
  if (!facts) throw new Error(`no facts for compiled season ${raw.season}`);
  const mcmByKey = new Map(mcm.map((r) => [nameKey(r.celebrity), r]));
  // "Ilona Maher & Alan Bersten (captain)" or "Conner Leavitt & Adele Zaikman (Night 1, ...)" -> the celebrity.
  const celeb = (text: string) => canonicalName((text.split(" & ")[0] ?? text).replace(/\s*\(.*\)$/, ""));
  const lastWeek = Math.max(0, ...raw.weeks.filter((w) => weekStatus(w) === undefined).map((w) => w.week));

  const couples: CoupleInput[] = raw.couples.map((c) => {
    const name = canonicalName(c.celebrity);
    const row = mcmByKey.get(nameKey(name));
    const stated = c.result_mcm ?? c.result ?? "";
    const withdrew = /withdrew/i.test(stated);
    const exitWeek = row ? mcmExitWeek(row.result) : (mcmExitWeek(stated) ?? statedExitWeek(stated));
    const finalist = exitWeek === null && !withdrew;
    // A couple of a season still on the air with no result yet: say so rather than guess a placement.
    const competing = c.placement === null && exitWeek === null && !withdrew;
    return compact({
      celebrity: name,
      pro: splitStandIn(c.professional).pro,
      notability: c.notability ?? null,
      industry: row?.industry ?? null,
      age: row?.age ?? null,
      hometown: row ? mcmHometown(row) : null,
      placement: c.placement,
      result: competing
        ? `Still competing after week ${lastWeek}`
        : resultText({ placement: c.placement, exitWeek, withdrew, finalist }),
      exitWeek: finalist ? null : exitWeek,
      withdrew: withdrew || undefined,
    });
  });
  const proOf = new Map(couples.map((c) => [c.celebrity, c.pro]));

  const sourceTexts = new Set<string>();
  const weeks: WeekInput[] = raw.weeks.map((w) => {
    const status = weekStatus(w);
    const isFinale = w.week === facts.finaleWeek;
    const mcmWeek = w.mcm_weekly_judge_scores ?? {};
    const columns = Math.max(0, ...Object.values(mcmWeek).map((s) => s.length));
    const judges = status ? [] : weekJudges(raw.season, w, facts.judges, columns);
    const guests = judges.filter((j) => !facts.judges.includes(j));
    const dancesPerCouple = DANCES_PER_COUPLE[raw.season]?.[w.week];
    for (const u of w.sources ?? []) if (status) sourceTexts.add(u);

    const performances: PerformanceInput[] = [];
    const weekBonus: BonusInput[] = [];
    const groupBonusWinners = new Set(
      (w.group_dances ?? []).filter((g) => g.bonus_points && g.winner).map((g) => canonicalName(g.winner ?? "")),
    );
    const marathon: BonusInput[] = [];
    const isMarathonWeek = w.notes.some((n) => /marathon/i.test(n));
    const unscored = new Set<string>();

    for (const d of w.dances) {
      for (const u of d.sources ?? []) sourceTexts.add(u);
      const name = canonicalName(d.celebrity);
      const { standIn } = splitStandIn(d.professional);
      const round = mapRound(d.round);
      const announced = status === "announced";
      const notes: string[] = [];
      if (d.night) notes.push(d.night);
      const roundNote = /round (\d)/i.exec(d.round);
      if (roundNote) notes.push(`Round ${roundNote[1]}`);
      if (!/^(individual|semifinal round \d|redemption|freestyle)$/i.test(d.round)) notes.push(capitalise(d.round));
      if (announced) notes.push("Announced before the show; not scored yet");
      else if (d.note && !/not (found|matched)|ambiguous|per-judge not found/i.test(d.note)) notes.push(d.note);
      if (d.score_provenance === "mcm_derived") notes.push("Per-judge split derived from the MCM weekly figures");
      if (d.score_provenance === "mcm_inferred")
        notes.push("Per-judge scores and bonus inferred from the MCM weekly figures");
      const scores = d.scores ? judges.map((j) => d.scores?.[j] ?? null) : undefined;
      if (!scores && !announced) {
        unscored.add(name);
        if (d.total != null) notes.push("Per-judge scores not in the sources; total only");
      }
      const style = d.style ? cleanText(d.style) : null;
      performances.push(
        compact({
          round,
          status: announced ? ("announced" as const) : undefined,
          style,
          song: d.song ? songText(d.song) : null,
          artist: d.artist ?? null,
          couples: [name],
          standIns: standIn ? [{ couple: name, by: standIn, for: proOf.get(name) ?? "" }] : undefined,
          total: scores ? undefined : (d.total ?? undefined),
          scores,
          note: notes.length ? notes.join("; ") : undefined,
        }),
      );
      if (d.bonus_points && !groupBonusWinners.has(name)) {
        if (isMarathonWeek) marathon.push({ couple: name, points: d.bonus_points, reason: "Dance marathon" });
        else weekBonus.push({ couple: name, points: d.bonus_points, reason: bonusReason(d.note) });
      }
    }

    for (const g of w.group_dances ?? []) {
      for (const u of g.sources ?? []) sourceTexts.add(u);
      const members = (g.members ?? g.couples ?? []).map(celeb);
      const winner = g.winner ? canonicalName(g.winner) : undefined;
      const scores = g.scores ? judges.map((j) => g.scores?.[j] ?? null) : undefined;
      const notes: string[] = [];
      if (g.note) notes.push(g.note);
      if (g.score_provenance?.includes("mcm_derived"))
        notes.push("Per-judge split derived from the MCM weekly figures");
      performances.push(
        compact({
          round: mapRound(g.round),
          style: g.style ?? null,
          song: g.song ? songText(g.song) : null,
          artist: g.artist ?? null,
          couples: members,
          team: g.name ?? g.team,
          scores,
          bonus:
            winner && g.bonus_points
              ? [{ couple: winner, points: g.bonus_points, reason: `Won the ${g.round}` }]
              : undefined,
          winner,
          note: notes.length ? notes.join("; ") : undefined,
        }),
      );
    }

    if (marathon.length) {
      marathon.sort((a, b) => b.points - a.points || a.couple.localeCompare(b.couple));
      performances.push({
        round: "marathon",
        style: "Dance marathon",
        song: null,
        artist: null,
        couples: Object.keys(mcmWeek).map(canonicalName),
        bonus: marathon,
        note: [
          "Unscored marathon: bonus points by order of elimination from the floor",
          ...[...unscored].map((c) => `${c}'s bonus is not in the sources (included in the weekly figures)`),
        ].join("; "),
      });
    }

    // Weekly figures for couple-weeks whose per-judge scores are not all known.
    const danced = new Set(performances.filter((p) => p.round !== "team").flatMap((p) => p.couples));
    const averaged = (name: string) =>
      performances.filter((p) => AVERAGED_ROUNDS.has(p.round) && p.couples.includes(name)).length;
    const weeklyScores: WeeklyScoreInput[] = [];
    for (const [who, values] of Object.entries(mcmWeek)) {
      const name = canonicalName(who);
      if (danced.has(name) && !unscored.has(name)) continue;
      weeklyScores.push(
        compact({ couple: name, scores: values, dances: dancesPerCouple ?? (averaged(name) || undefined) }),
      );
    }
    // Fill from the MCM table any couple the compiled week lacks (should not happen; guards the source).
    for (const row of mcm) {
      const v = mcmWeekly(row, w.week);
      if (v && !(row.celebrity in mcmWeek) && !danced.has(row.celebrity))
        weeklyScores.push(compact({ couple: row.celebrity, scores: v, dances: dancesPerCouple }));
    }

    const results: ResultInput[] = [];
    const eliminated = (w.eliminated ?? []).map(celeb);
    for (const e of eliminated) results.push({ couple: e, outcome: "eliminated" });
    for (const b of (w.in_jeopardy_or_bottom ?? []).map(celeb))
      if (!eliminated.includes(b)) results.push({ couple: b, outcome: "bottom" });
    for (const b of weekBonus)
      if (/immun/i.test(b.reason ?? "")) results.push({ couple: b.couple, outcome: "immune", note: b.reason });

    const substitutions = mcm
      .map((r) => ({ r, m: /^(.*?)\s*(?:\()?week (\d+)\)?$/i.exec(r.partnerNote ?? "") }))
      .filter((x) => x.m && Number(x.m[2]) === w.week)
      .map((x) => `${x.r.celebrity} danced with ${x.m?.[1]?.trim()}`);
    const dates = w.episodes?.map((e) => isoDate(e.air_date)).filter((d): d is string => !!d) ?? [];
    const weekNotes = [...w.notes];
    if (substitutions.length) weekNotes.push(`Partner substitutions (MCM partner field): ${substitutions.join("; ")}.`);
    if (w.episodes && w.episodes.length > 1)
      weekNotes.unshift(`Two nights: ${w.episodes.map((e) => `${e.title} (${isoDate(e.air_date)})`).join(", ")}`);
    if (judges.length === 0 && columns > 0)
      weekNotes.push(
        `${columns} judge columns in the MCM figures; the judges' names for this week are not in the sources`,
      );

    return compact({
      week: w.week,
      status,
      airDate: firstIsoDate(w.air_date) ?? dates[0] ?? null,
      theme: w.theme ? cleanText(w.theme) : null,
      judges,
      guestJudges: guests.length ? guests : undefined,
      carryOverFrom: isFinale ? facts.carryOver : undefined,
      isFinale: isFinale || undefined,
      performances,
      weeklyScores: weeklyScores.length ? weeklyScores : undefined,
      bonus: weekBonus.length ? weekBonus : undefined,
      results: results.length ? results : undefined,
      // Only an aired week can have had no elimination; a scheduled one has simply not happened yet.
      noElimination: !status && !isFinale && eliminated.length === 0 ? true : undefined,
      notes: weekNotes.length ? weekNotes : undefined,
    });
  });

  const sources: SourceInput[] = [
    {
      name: `Compiled season ${raw.season} file (${mcm.length ? "MCM figures and news recaps" : "Wikipedia and fan-pool files"})`,
    },
    ...(mcm.length
      ? [{ name: "2026 MCM Problem C data (weekly per-judge figures, placements, celebrity facts)" }]
      : []),
    ...[...sourceTexts].sort().map(sourceEntry),
  ];
  const premiere = raw.premiere ?? weeks[0]?.airDate ?? null;
  const finale = raw.finale ?? weeks.find((w) => w.isFinale && !w.status)?.airDate ?? null;
  const notes = [...(raw.notes ?? [])];
  if (raw.judge_order_note) notes.push(raw.judge_order_note);
  if (raw.provenance_note) notes.push(raw.provenance_note);
  return {
    format: FORMAT,
    franchise: "dwts-us",
    season: raw.season,
    title: `Dancing with the Stars (US) season ${raw.season}`,
    premiere,
    finale,
    trophy: raw.season >= 32 ? "Len Goodman Mirrorball Trophy" : "Mirrorball Trophy",
    hosts: raw.hosts ?? facts.hosts,
    judges: raw.regular_judges ?? facts.judges,
    couples,
    weeks,
    sources,
    notes: notes.length ? notes : undefined,
  };
}

/** undefined for an aired week; "announced" when its dances were named but not yet danced; "scheduled" for a date and theme only. */
function weekStatus(w: CompiledWeek): "announced" | "scheduled" | undefined {
  if (!w.status || w.status === "aired") return undefined;
  return w.dances.length ? "announced" : "scheduled";
}

/** "Eliminated 3rd (Week 2, 2026-09-22)" -> 2. */
function statedExitWeek(text: string): number | null {
  const m = /eliminated.*\(week (\d+)/i.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

/** "2026-09-15 / 2026-09-16" -> the first date. */
function firstIsoDate(text: string | undefined): string | null {
  if (!text) return null;
  return /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? isoDate(text);
}

/** A medley written '"Papi" / "Enchanted"' -> 'Papi / Enchanted' (the format joins songs with " / ", without quotes). */
export function songText(song: string): string {
  const parts = song.split(/\s+\/\s+/);
  if (parts.length > 1 && parts.every((p) => /^["“].*["”]$/.test(p.trim())))
    return parts.map((p) => p.trim().slice(1, -1)).join(" / ");
  return song;
}

/** A source line: a URL with an optional remark after it, or a plain description (a repository path, the seed articles). */
function sourceEntry(text: string): SourceInput {
  const m = /^(https?:\/\/\S+)\s*(.*)$/.exec(text);
  if (!m?.[1]) return { name: text };
  const remark = m[2]?.trim();
  const wikipedia = /wikipedia\.org/.test(m[1]);
  return compact({
    name: remark ? `${hostOf(m[1])} ${remark}` : hostOf(m[1]),
    url: m[1],
    licence: wikipedia ? "CC BY-SA 4.0" : undefined,
  });
}

/** Rounds the MCM weekly figures average over (individual and team dances; not dance-offs, relays, marathons). */
const AVERAGED_ROUNDS = new Set<string>([
  "regular",
  "redemption",
  "freestyle",
  "team",
  "semifinal",
  "showdance",
  "trio",
  "group",
  "other",
]);

function weekJudges(season: number, w: CompiledWeek, regular: string[], columns: number): string[] {
  if (w.judges) {
    // A two-night week with a different guest each night (S33 W3): both guests are judges of the week,
    // each with null for the night they did not judge.
    const guests = Array.isArray(w.guest_judge)
      ? w.guest_judge.map((g) => canonicalName(g.replace(/\s*\(.*\)$/, "")))
      : [];
    return w.judges.flatMap((j) => (/^guest judge\b/i.test(j) && guests.length ? guests : [canonicalName(j)]));
  }
  const known = KNOWN_PANELS[`${season}/${w.week}`];
  if (known) return known;
  if (columns === regular.length || columns === 0) return regular;
  return [];
}

function mapRound(round: string): RoundType {
  const r = round.toLowerCase();
  if (r === "individual" || r === "judges' choice" || r === "instant dance") return "regular";
  if (r.startsWith("semifinal")) return "semifinal";
  if (r === "redemption" || r === "freestyle" || r === "team" || r === "relay" || r === "dance-off") return r;
  if (r.includes("marathon")) return "marathon";
  return "other";
}

/** "Ezra Sosa (sub for Artem Chigvintsev)" -> stand-in Ezra Sosa. */
function splitStandIn(professional: string): { pro: string; standIn: string | null } {
  const m = /^(.*?)\s*\((?:sub for|replacing) (.*)\)$/.exec(professional);
  if (m?.[1] && m[2]) return { pro: canonicalName(m[2]), standIn: canonicalName(m[1]) };
  return { pro: splitPartner(professional).pro, standIn: null };
}

function bonusReason(note: string | undefined): string {
  if (note && /immun/i.test(note)) return "Immunity from the dance-off";
  return "Bonus points";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
