import { z } from "zod";

/** Discord refuses a custom_id longer than this. */
export const maxCustomIdLength = 100;

/**
 * One kind of custom_id, defined once next to its command and used by its views (encode) and handlers (decode).
 * The id is `prefix:kind:part:part…` (or `prefix:part…` with an empty kind); `prefix` routes it to the command, `kind`
 * names the button or menu, and the
 * parts are checked with zod on the way back, so a forged or stale id decodes to `undefined`, never to a bad value.
 */
export interface CustomIdCodec<Parts extends readonly unknown[]> {
  readonly prefix: string;
  readonly kind: string;
  encode(...parts: Parts): string;
  decode(customId: string): Parts | undefined;
}

/** Parts are written with String() and must not contain ":"; numbers come back through z.coerce. */
export function customId<const Schemas extends readonly [z.ZodType, ...z.ZodType[]] | readonly []>(
  prefix: string,
  kind: string,
  parts: Schemas,
): CustomIdCodec<{ [K in keyof Schemas]: z.output<Schemas[K]> }> {
  type Parts = { [K in keyof Schemas]: z.output<Schemas[K]> };
  const schema = z.tuple(parts as unknown as [z.ZodType, ...z.ZodType[]]);
  const head = kind ? `${prefix}:${kind}` : prefix;
  return {
    prefix,
    kind,
    encode(...values: Parts): string {
      const id = [head, ...(values as readonly unknown[]).map(String)].join(":");
      if (id.length > maxCustomIdLength) throw new Error(`custom_id over ${maxCustomIdLength} characters: ${id}`);
      return id;
    },
    decode(id: string): Parts | undefined {
      if (id !== head && !id.startsWith(`${head}:`)) return undefined;
      const rest = id === head ? [] : id.slice(head.length + 1).split(":");
      if (rest.length !== parts.length) return undefined;
      const parsed = schema.safeParse(rest);
      return parsed.success ? (parsed.data as unknown as Parts) : undefined;
    },
  };
}

/** Part schemas that read back what encode wrote. */
export const idPart = {
  /** A non-negative whole number (season, week, page, poll id…). */
  count: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** A whole number that may be negative (an offset). */
  int: z.coerce.number().int().min(-1_000_000).max(1_000_000),
  /** A Discord snowflake. */
  snowflake: z.string().regex(/^\d{1,20}$/),
  /** One of a fixed set of words. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
} as const;

/** The routing prefix of any custom_id: the part before its first ":". */
export const customIdPrefix = (id: string): string => id.split(":", 1)[0] ?? "";
