export * from "./outcomes.js";
export * from "./polls.js";
export * from "./predictions.js";
export * from "./schedules.js";
export * from "./settings.js";
export * from "./votes.js";
