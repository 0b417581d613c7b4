/**
 * Who a new message pings, as Discord decides it: the user, role and @everyone mentions written in its content,
 * filtered by `allowed_mentions` (no `allowed_mentions` means every kind may ping). Recorded on the message as
 * `mentions`, `mention_roles` and `mention_everyone`, so tests can check that nobody unasked was pinged.
 */
import type { APIMessage, APIUser } from "discord.js";

type Json = Record<string, unknown>;

export function pingsOf(content: string, allowed: unknown, findUser: (id: string) => APIUser | undefined) {
  const rules = (typeof allowed === "object" && allowed !== null ? allowed : undefined) as Json | undefined;
  const parse = rules ? (Array.isArray(rules.parse) ? (rules.parse as string[]) : []) : ["users", "roles", "everyone"];
  const listed = (key: string) => (rules && Array.isArray(rules[key]) ? (rules[key] as string[]) : []);
  const written = (pattern: RegExp) => [...new Set([...content.matchAll(pattern)].map((m) => m[1] ?? ""))];
  const allowedIds = (kind: "users" | "roles", ids: string[]) =>
    parse.includes(kind) ? ids : ids.filter((id) => listed(kind).includes(id));
  const users = allowedIds("users", written(/<@!?(\d+)>/g)).flatMap((id) => findUser(id) ?? []);
  return {
    mentions: users,
    mention_roles: allowedIds("roles", written(/<@&(\d+)>/g)),
    mention_everyone: parse.includes("everyone") && /@(everyone|here)/.test(content),
  } satisfies Pick<APIMessage, "mentions" | "mention_roles" | "mention_everyone">;
}
