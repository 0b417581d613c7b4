import { z } from "zod";
import { customId, idPart } from "../../discord/customId.js";

/** Every custom_id of /admin: its forms, the import's Confirm and Cancel, the season feed's Apply and Skip. */
const importId = z.string().regex(/^[\w-]{6,16}$/);
/** The couples of a dance as their places in the season's cast: `0.3.7`. */
const places = z.string().regex(/^\d{1,3}(?:\.\d{1,3}){0,11}$/);

export const adminIds = {
  seasonForm: customId("adm", "s", [idPart.count]),
  danceForm: customId("adm", "d", [idPart.count, idPart.count, idPart.count, places]),
  confirmImport: customId("adm", "imp", [importId]),
  cancelImport: customId("adm", "drop", [importId]),
  /** The season feed's change sets: apply or skip one, by its id. */
  applyFeed: customId("adm", "fa", [idPart.count]),
  skipFeed: customId("adm", "fs", [idPart.count]),
};
