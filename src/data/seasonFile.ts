import { z } from "zod";

/**
 * The season file format (data/seasons/season-NN.json): the project's own record of one season.
 * data/README.md documents it for people; this schema is what `npm run db:seed` enforces.
 * Couples are referred to inside a file by their celebrity's name, exactly as written in `couples`.
 */

const name = z.string().trim().min(1).max(120);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
/** One judge's score for one dance; null where that judge gave none (absent, or not scored). */
const judgeScore = z.number().min(0).max(10).multipleOf(0.5).nullable();

export const roundTypes = [
  "regular",
  "redemption",
  "freestyle",
  "team",
  "relay",
  "dance-off",
  "marathon",
  "trio",
  "showdance",
  "semifinal",
  "group",
  "other",
] as const;
export type RoundType = (typeof roundTypes)[number];

export const outcomes = [
  "eliminated",
  "withdrew",
  "bottom", // in jeopardy / bottom two or three, survived
  "saved", // saved by the judges' vote
  "immune",
  "advanced",
] as const;

const bonus = z.object({
  couple: name,
  points: z.number().min(-30).max(30),
  reason: z.string().max(200).optional(),
});

const performance = z
  .object({
    round: z.enum(roundTypes),
    /**
     * "announced": the dance was named before the show (style, song) but has not been scored yet; it has no
     * `scores` or `total`. Absent for a dance that was performed.
     */
    status: z.enum(["announced"]).optional(),
    /** e.g. "Cha-cha-cha", "Freestyle", "Hustle marathon"; null when the sources do not say. */
    style: z.string().max(120).nullable(),
    song: z.string().max(300).nullable(),
    artist: z.string().max(300).nullable(),
    /** Celebrity names of the couples who danced it: one for a couple's dance, several for team dances, relays, dance-offs. */
    couples: z.array(name).min(1),
    /** Team name for team dances ("Team Young'n Style"). */
    team: z.string().max(120).optional(),
    /** A partner who stood in for the couple's pro (or celebrity) in this dance. */
    standIns: z.array(z.object({ couple: name, by: name, for: name })).optional(),
    /** The judges' total where the sources give only the total, not per-judge scores (optional, added by the importer). */
    total: z.number().min(0).max(100).optional(),
    /** Per-judge scores aligned with the week's `judges`; omitted when the dance was not scored. */
    scores: z.array(judgeScore).optional(),
    /**
     * Scores given outside the week's judges, counted in the dance's total (optional, added by the importer):
     * a guest judge for this dance only (S11 week 7) or the viewers' averaged "America's Score" (S19 week 4).
     */
    extraScores: z
      .array(
        z
          .object({ by: name, kind: z.enum(["guest judge", "viewers"]), score: z.number().min(0).max(10).nullable() })
          .strict(),
      )
      .optional(),
    /** Bonus points won in this dance (marathon, dance-off, relay), kept apart from judges' scores. */
    bonus: z.array(bonus).optional(),
    /** Winner of a dance-off or relay, by celebrity name. */
    winner: name.optional(),
    note: z.string().max(500).optional(),
  })
  .strict();

const weeklyScore = z
  .object({
    couple: name,
    /** One number per judge column, aligned with the week's `judges` (or positional when judges are unknown). */
    scores: z.array(z.number().min(0).max(40).nullable()).min(1),
    /**
     * How many dances the figures average over, where the sources say so: the couple's judges' total for the week
     * (bonus included) is then the sum of `scores` times `dances`. Optional (added by the importer).
     */
    dances: z.number().int().min(1).max(10).optional(),
  })
  .strict();

const week = z
  .object({
    week: z.number().int().min(1).max(20),
    /**
     * A week of a season still on the air that has not been scored yet: "announced" (its dances are named, not
     * danced) or "scheduled" (only its date and theme are known). Absent for a week that aired.
     */
    status: z.enum(["announced", "scheduled"]).optional(),
    /** Part of a multi-night week, or an extra episode (e.g. a post-season special). */
    label: z.string().max(80).optional(),
    airDate: isoDate.nullable(),
    theme: z.string().max(200).nullable(),
    /** The judges who scored this week, in the order of every `scores` array. Guests are listed in `guestJudges` too. */
    judges: z.array(name).max(6),
    guestJudges: z.array(name).optional(),
    /** Standings of this week add the judges' totals of these earlier weeks (the finale's semifinal carry-over). */
    carryOverFrom: z.array(z.number().int().min(1)).optional(),
    isFinale: z.boolean().optional(),
    performances: z.array(performance),
    /**
     * Weekly per-judge numbers for couple-weeks known only as weekly figures (no per-dance record):
     * each is the per-judge mean over that week's dances with bonus points spread in, as published.
     * Never treated as a dance score.
     */
    weeklyScores: z.array(weeklyScore).optional(),
    /** Bonus points that belong to the week rather than one dance (immunity, extra points). */
    bonus: z.array(bonus).optional(),
    results: z
      .array(z.object({ couple: name, outcome: z.enum(outcomes), note: z.string().max(300).optional() }).strict())
      .optional(),
    /** The judges' save: each judge's vote, by celebrity name of the couple they voted to save. */
    judgesSave: z.array(z.object({ judge: name, saved: name })).optional(),
    noElimination: z.boolean().optional(),
    notes: z.array(z.string().max(1000)).optional(),
  })
  .strict();

const couple = z
  .object({
    celebrity: name,
    pro: name,
    notability: z.string().max(200).nullable().optional(),
    industry: z.string().max(100).nullable().optional(),
    age: z.number().int().min(5).max(110).nullable().optional(),
    hometown: z.string().max(120).nullable().optional(),
    /** Final placement (1 = winner); ties share a number. */
    placement: z.number().int().min(1).max(40).nullable(),
    /** The result as the show gave it: "Winner", "Runner-up", "Eliminated Week 3", "Withdrew Week 4". */
    result: z.string().max(120),
    /** The week the couple left the competition (eliminated or withdrew); null for finalists. */
    exitWeek: z.number().int().min(1).max(20).nullable().optional(),
    withdrew: z.boolean().optional(),
  })
  .strict();

export const seasonFileSchema = z
  .object({
    format: z.literal("mirrorball.season/1"),
    franchise: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default("dwts-us"),
    season: z.number().int().min(1).max(200),
    title: z.string().max(200).optional(),
    premiere: isoDate.nullable(),
    finale: isoDate.nullable(),
    trophy: z.string().max(120).nullable().optional(),
    hosts: z.array(name),
    judges: z.array(name),
    couples: z.array(couple).min(1),
    weeks: z.array(week),
    sources: z.array(z.object({ name: z.string(), url: z.string().optional(), licence: z.string().optional() })),
    notes: z.array(z.string().max(2000)).optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const celebrities = new Set(file.couples.map((c) => c.celebrity));
    const known = (couple: string, path: (string | number)[]) => {
      if (!celebrities.has(couple)) {
        ctx.addIssue({ code: "custom", path, message: `names "${couple}", who is not in this season's couples` });
      }
    };
    if (celebrities.size !== file.couples.length) {
      ctx.addIssue({ code: "custom", path: ["couples"], message: "lists the same celebrity twice" });
    }
    const weekKeys = new Set<string>();
    file.weeks.forEach((week, w) => {
      const key = `${week.week}/${week.label ?? ""}`;
      if (weekKeys.has(key))
        ctx.addIssue({ code: "custom", path: ["weeks", w, "week"], message: `week ${key} appears twice` });
      weekKeys.add(key);
      week.performances.forEach((perf, p) => {
        const at = ["weeks", w, "performances", p];
        perf.couples.forEach((c, i) => known(c, [...at, "couples", i]));
        perf.bonus?.forEach((b, i) => known(b.couple, [...at, "bonus", i, "couple"]));
        perf.standIns?.forEach((s, i) => known(s.couple, [...at, "standIns", i, "couple"]));
        if (perf.winner) known(perf.winner, [...at, "winner"]);
        if (perf.status === "announced" && (perf.scores || perf.total !== undefined || perf.bonus)) {
          ctx.addIssue({
            code: "custom",
            path: [...at, "status"],
            message: "is announced (not scored yet) but has scores",
          });
        }
        if (week.status === "scheduled" && week.performances.length) {
          ctx.addIssue({
            code: "custom",
            path: [...at],
            message: "belongs to a scheduled week, which has no dances yet",
          });
        }
        if (perf.scores && perf.scores.length !== week.judges.length) {
          ctx.addIssue({
            code: "custom",
            path: [...at, "scores"],
            message: `has ${perf.scores.length} scores but the week lists ${week.judges.length} judges`,
          });
        }
      });
      week.weeklyScores?.forEach((ws, i) => known(ws.couple, ["weeks", w, "weeklyScores", i, "couple"]));
      week.bonus?.forEach((b, i) => known(b.couple, ["weeks", w, "bonus", i, "couple"]));
      week.results?.forEach((r, i) => known(r.couple, ["weeks", w, "results", i, "couple"]));
      week.judgesSave?.forEach((v, i) => known(v.saved, ["weeks", w, "judgesSave", i, "saved"]));
    });
  });

export type SeasonFile = z.infer<typeof seasonFileSchema>;
export type SeasonFileWeek = SeasonFile["weeks"][number];
export type SeasonFilePerformance = SeasonFileWeek["performances"][number];
