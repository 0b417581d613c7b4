/** The whole schema, one file per area: the show's records, the bot's own state, and what servers keep. */
export * from "./admin.js";
export * from "./bot.js";
export * from "./guilds.js";
export * from "./leagues.js";
export * from "./polls.js";
export * from "./reminders.js";
export * from "./show.js";
