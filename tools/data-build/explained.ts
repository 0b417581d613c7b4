/**
 * Known differences between the per-dance data (Wikipedia, compiled files) and the MCM weekly figures,
 * each with its reason. The reconciliation test fails on any difference not listed here; data/NOTES.md lists them.
 */
import type { Explanation } from "./reconcile.js";

const TEAM = "MCM averages this week's team or side-by-side dances in differently from its other weeks";
const THIRDS =
  "MCM's finale figure is not the mean of the page's dances (it is in thirds or ninths: MCM averages a different set of routines, e.g. a total-only megamix or a face-off)";
const NINTHS =
  "All-Stars season with half-point scores: MCM's figures are in ninths and do not match the mean of the page's scores (MCM source quirk)";
const CELL = "A single judge's score differs between the page and MCM (source difference, kept as the page gives it)";
const LEFT_OUT = "MCM leaves out bonus points the page awards";

export const EXPLAINED: Explanation[] = [
  { season: 2, week: 3, couple: "Lisa Rinna", reason: CELL },
  { season: 3, week: 10, reason: THIRDS },
  { season: 7, week: 7, reason: TEAM },
  { season: 9, week: 10, reason: THIRDS },
  { season: 10, week: 10, reason: THIRDS },
  {
    season: 11,
    week: 7,
    reason:
      "Each couple had its own guest judge for the individual dance; MCM fills that guest column for the team dance, which the guest did not score",
  },
  { season: 13, week: 10, reason: THIRDS },
  { season: 15, week: 6, couple: "Kirstie Alley", reason: `${LEFT_OUT} (2 points for the group dance)` },
  { season: 15, week: 8, reason: NINTHS },
  { season: 15, week: 9, reason: NINTHS },
  { season: 15, week: 10, reason: NINTHS },
  { season: 16, week: 10, reason: `${LEFT_OUT} (cha-cha-cha relay ranking points)` },
  { season: 18, week: 8, reason: TEAM },
  {
    season: 20,
    week: 9,
    couple: "Noah Galloway",
    reason: "A judge did not score the dance they coached (X on the page); MCM fills that cell",
  },
  { season: 21, week: 8, reason: "The page gives dance-off winners 3 points; MCM adds 2" },
  { season: 21, week: 9, reason: TEAM },
  {
    season: 21,
    week: 10,
    reason: "MCM spreads the dance-off bonus over the judges only, not over the week's two dances",
  },
  { season: 22, week: 8, reason: TEAM },
  { season: 23, week: 2, couple: "Marilu Henner", reason: CELL },
  { season: 23, week: 9, reason: TEAM },
  { season: 24, week: 2, couple: "Bonner Bolton", reason: CELL },
  { season: 25, week: 10, couple: "Frankie Muniz", reason: THIRDS },
  {
    season: 29,
    week: 8,
    reason: "MCM spreads the relay ranking points differently from the page's table (2 or 3 points)",
  },
  { season: 30, week: 4, couple: "Jimmie Allen", reason: `${LEFT_OUT} (2 points for the Mickey Dance Challenge)` },
];
