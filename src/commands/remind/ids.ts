import { customId, idPart } from "../../discord/customId.js";
import { reminderKinds } from "../../reminders/kinds.js";

/** /remind's buttons: turn one reminder on or off, stop one from its DM, add or drop the server's opt-in role. */
export const remindIds = {
  toggle: customId("rmd", "t", [idPart.oneOf(reminderKinds)]),
  stop: customId("rmd", "stop", [idPart.snowflake, idPart.oneOf(reminderKinds)]),
  role: customId("rmd", "role", []),
};
