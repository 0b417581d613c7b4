/** The whole schema, one file per area: the show's records, the bot's own state, and what servers keep. */
export * from "./bot.js";
export * from "./show.js";
