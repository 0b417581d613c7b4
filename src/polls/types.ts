export type { PollKind } from "../db/schema/polls.js";

/** What a poll message shows of its poll. */
export interface PollShape {
  id: number;
  question: string;
  closesAt: Date;
  closedAt: Date | null;
  hideResults: boolean;
  anonymous: boolean;
}
