/** The season-list reads every lookup and autocomplete starts with, answered from memory after the first time. */
import { latestSeasonNumber, listSeasonNumbers, seasonWeeks } from "../db/queries/seasons.js";
import { remembered } from "./store.js";

export const seasonNumbers = remembered("seasonNumbers", listSeasonNumbers);
export const latestSeason = remembered("latestSeason", latestSeasonNumber);
export const weekIndex = remembered("weekIndex", seasonWeeks);
