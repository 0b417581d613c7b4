import type { Database } from "../db/client.js";
import { listScoredDances } from "../db/queries/dances.js";
import { findPerson, listProCouples } from "../db/queries/people.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import { averagePerJudge, bestDance, type ScoredDance, toDances } from "./scores.js";
import { trophyName } from "./season.js";

export interface ProSeason {
  coupleId: number;
  season: number;
  celebrity: string;
  placement: number | null;
  result: string;
  trophy: string;
  /** Mean mark per judge over the couple's scored dances; null when none were scored dance by dance. */
  average: number | null;
  dances: number;
  perfect: number;
}

export interface ProCareer {
  personId: number;
  name: string;
  seasons: ProSeason[];
  titles: ProSeason[];
  /** Over every scored dance with any of their celebrities, each dance once. */
  average: number | null;
  dances: number;
  best: ScoredDance | null;
}

async function getProCareerNow(db: Database, personId: number): Promise<ProCareer> {
  const [person, couples, rows] = await Promise.all([
    findPerson(db, personId),
    listProCouples(db, personId),
    listScoredDances(db, { proId: personId }),
  ]);
  if (!person || couples.length === 0)
    throw new UserError("That pro is no longer in the records; search for them again.");
  const dances = toDances(rows);
  const seasons = couples.map((c): ProSeason => {
    const own = dances.filter((d) => d.couples.some((x) => x.id === c.coupleId));
    return {
      coupleId: c.coupleId,
      season: c.season,
      celebrity: c.celebrity,
      placement: c.placement,
      result: c.result,
      trophy: trophyName(c.season, c.trophy),
      average: averagePerJudge(own),
      dances: own.length,
      perfect: own.filter((d) => d.perfect).length,
    };
  });
  return {
    personId,
    name: person.name,
    seasons,
    titles: seasons.filter((s) => s.placement === 1),
    average: averagePerJudge(dances),
    dances: dances.length,
    best: bestDance(dances),
  };
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const getProCareer = remembered("pro", getProCareerNow);
