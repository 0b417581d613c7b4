/**
 * An expected failure caused by what the user asked for (unknown name, impossible week, stale button).
 * Its message is shown to them as is, so it must say what was wrong and what to try.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}
