/** What the Wikipedia reader knows of one season while it builds its weeks (shared by wikiSeason.ts and wikiWeek.ts). */
import type { ProDirectory } from "./couples.js";
import type { Episode } from "./episodes.js";
import type { McmRow } from "./mcm.js";
import type { People } from "./people.js";
import type { WikiPage } from "./wikipedia.js";

export interface WikiSeasonContext {
  season: number;
  page: WikiPage;
  mcm: McmRow[];
  episodes: Episode[] | null;
  people: People;
  pros: ProDirectory;
  wikipedia: { url: string; revision: number | null; fetched: string | null } | null;
}
