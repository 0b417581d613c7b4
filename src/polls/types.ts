export type { PollKind } from "../db/schema/polls.js";
