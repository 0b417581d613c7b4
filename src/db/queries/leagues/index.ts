export * from "./leagues.js";
export * from "./points.js";
export * from "./season.js";
export * from "./teams.js";
