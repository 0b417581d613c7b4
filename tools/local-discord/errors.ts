/** One problem in a request body, located by a dotted path such as "data.embeds.0.title". */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** The JSON body Discord answers errors with. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: NestedErrors;
}

/** Discord's nested `errors` object: each level keyed by field, leaves hold `_errors`. */
export interface NestedErrors {
  [key: string]: NestedErrors | { code: string; message: string }[];
}

/** An HTTP error answered exactly as Discord would; thrown by handlers, turned into a response by the router. */
export class DiscordHttpError extends Error {
  readonly status: number;
  readonly body: DiscordErrorBody;
  readonly fieldErrors: FieldError[];

  constructor(status: number, code: number, message: string, fieldErrors: FieldError[] = []) {
    super(`${status} ${code}: ${message}`);
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.body = fieldErrors.length > 0 ? { code, message, errors: nestErrors(fieldErrors) } : { code, message };
  }
}

/** Builds Discord's nested error object from flat field errors. */
export function nestErrors(fieldErrors: FieldError[]): NestedErrors {
  const root: NestedErrors = {};
  for (const { path, code, message } of fieldErrors) {
    let node = root;
    for (const key of path === "" ? [] : path.split(".")) {
      const next = node[key];
      if (next === undefined || Array.isArray(next)) {
        const created: NestedErrors = {};
        node[key] = created;
        node = created;
      } else {
        node = next;
      }
    }
    const leaf = node._errors;
    if (Array.isArray(leaf)) leaf.push({ code, message });
    else node._errors = [{ code, message }];
  }
  return root;
}

/** The error answers Discord gives for the situations the local Discord models. */
export const DiscordErrors = {
  invalidFormBody: (fieldErrors: FieldError[]) => new DiscordHttpError(400, 50035, "Invalid Form Body", fieldErrors),
  invalidJson: () => new DiscordHttpError(400, 50109, "The request body contains invalid JSON."),
  emptyMessage: () => new DiscordHttpError(400, 50006, "Cannot send an empty message"),
  unauthorized: () => new DiscordHttpError(401, 0, "401: Unauthorized"),
  notFound: () => new DiscordHttpError(404, 0, "404: Not Found"),
  unknownChannel: () => new DiscordHttpError(404, 10003, "Unknown Channel"),
  unknownGuild: () => new DiscordHttpError(404, 10004, "Unknown Guild"),
  unknownMessage: () => new DiscordHttpError(404, 10008, "Unknown Message"),
  unknownMember: () => new DiscordHttpError(404, 10007, "Unknown Member"),
  unknownUser: () => new DiscordHttpError(404, 10013, "Unknown User"),
  unknownWebhook: () => new DiscordHttpError(404, 10015, "Unknown Webhook"),
  unknownInteraction: () => new DiscordHttpError(404, 10062, "Unknown interaction"),
  unknownCommand: () => new DiscordHttpError(404, 10063, "Unknown application command"),
  invalidWebhookToken: () => new DiscordHttpError(401, 50027, "Invalid Webhook Token"),
  alreadyAcknowledged: () => new DiscordHttpError(400, 40060, "Interaction has already been acknowledged."),
} as const;
