/** Route declarations for the REST API: each route names the spec template it implements. */
import type { IncomingHttpHeaders } from "node:http";
import type { ParsedBody } from "./body.js";
import type { FieldError } from "./errors.js";
import type { InteractionRecord, InteractionRequestKind } from "./interaction.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteRequest {
  method: HttpMethod;
  /** The path below /api/v10, e.g. "/channels/1/messages". */
  path: string;
  /** The matched template, spelled as in Discord's OpenAPI file. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: ParsedBody;
  /** performance.now() when the request arrived: response deadlines are judged on arrival. */
  receivedAt: number;
}

export interface RouteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The message the request created or changed, for the interaction's log. */
  messageId?: string;
}

export interface Route {
  method: HttpMethod;
  /** Exactly the key of Discord's OpenAPI `paths`, so request bodies are validated against the right schema. */
  template: string;
  /** Needs `Authorization: Bot <token>`; interaction callbacks and webhooks do not, as on Discord. */
  auth: boolean;
  /** Discord's limits the schema does not fully state; run alongside schema validation. */
  limits?: (body: unknown) => FieldError[];
  /** The bucket (a channel id) when the route counts against the message-edit rate limit. */
  rateLimitKey?: (request: RouteRequest) => string | undefined;
  /** The interaction the request is about, so it is logged on the interaction's record. */
  interaction?: {
    kind: InteractionRequestKind;
    find: (params: Record<string, string>) => InteractionRecord | undefined;
  };
  handle: (request: RouteRequest) => RouteReply | Promise<RouteReply>;
}

/** Finds the route for a method and path; literal segments (`@original`, `@me`) win over parameters. */
export class Router {
  private readonly routes: { route: Route; segments: string[]; literals: number }[];

  constructor(routes: Route[]) {
    this.routes = routes
      .map((route) => {
        const segments = route.template.split("/");
        return { route, segments, literals: segments.filter((s) => !s.startsWith("{")).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** The route and its parameters, or whether the path exists for another method (for 405). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { otherMethods: boolean } {
    // discord.js percent-encodes segments (`@original` arrives as `%40original`).
    const parts = path.split("/").map(decodeSegment);
    let otherMethods = false;
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      otherMethods = true;
    }
    return { otherMethods };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i] ?? "";
    if (segment.startsWith("{")) {
      if (part === "") return undefined;
      params[segment.slice(1, -1)] = part;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
