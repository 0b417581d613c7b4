/** The HTTP side: routes /api/v10 requests through auth, rate limits, body checks and handlers; records violations. */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { performance } from "node:perf_hooks";
import { type ParsedBody, parseBody } from "./body.js";
import { type DiscordErrorBody, DiscordErrors, DiscordHttpError, type FieldError } from "./errors.js";
import type { GatewayServer } from "./gateway.js";
import type { RateLimiter, RateLimitHit } from "./ratelimit.js";
import type { HttpMethod, Route, RouteReply, RouteRequest, Router } from "./router.js";
import type { ApiSpec } from "./spec.js";

/** What kind of rule the bot broke; `assertNoViolations` can be told to ignore some kinds. */
export type ViolationKind =
  | "invalid-body"
  | "unknown-route"
  | "unauthorized"
  | "already-acknowledged"
  | "unknown-interaction"
  | "unknown-resource"
  | "invalid-webhook-token"
  | "unanswered"
  | "forbidden"
  /** The interactions endpoint answered a signed interaction with something other than a 200 callback. */
  | "endpoint";

/** A request Discord would have refused (or an interaction left unanswered), with what was wrong. */
export interface Violation {
  kind: ViolationKind;
  method: string;
  /** The route template (or the raw path when no route matched). */
  route: string;
  path: string;
  status: number;
  code: number;
  message: string;
  errors: FieldError[];
  body?: unknown;
  at: Date;
}

export interface HttpServerDeps {
  token: string;
  router: Router;
  spec: ApiSpec | null;
  gateway: GatewayServer;
  editLimiter: RateLimiter;
  violations: Violation[];
  rateLimitHits: RateLimitHit[];
  /** The local CDN: message attachment bytes by channel and attachment id. */
  attachment: (channelId: string, attachmentId: string) => CdnFile | undefined;
  /** The local CDN: files users attached to slash command options (Discord's ephemeral attachments). */
  upload: (channelId: string, attachmentId: string) => CdnFile | undefined;
}

type CdnFile = { bytes: Buffer; contentType: string };

const API_PREFIX = "/api/v10";

export function createHttpServer(deps: HttpServerDeps): Server {
  const server = createServer((request, response) => {
    handle(deps, request, response).catch((error: unknown) => {
      console.error("[local-discord] request failed", error);
      if (!response.headersSent)
        send(response, { status: 500, body: { code: 0, message: "500: Internal Server Error" } });
    });
  });
  server.on("upgrade", (request, socket, head) => {
    if (new URL(request.url ?? "/", "http://local").pathname === "/gateway")
      deps.gateway.upgrade(request, socket, head);
    else socket.destroy();
  });
  return server;
}

async function handle(deps: HttpServerDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const receivedAt = performance.now();
  const url = new URL(request.url ?? "/", "http://local");
  const method = (request.method ?? "GET").toUpperCase();
  if (method === "GET" && url.pathname.startsWith("/attachments/"))
    return serveFile(deps.attachment, url.pathname, response);
  if (method === "GET" && url.pathname.startsWith("/ephemeral-attachments/"))
    return serveFile(deps.upload, url.pathname, response);
  const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : undefined;
  const reply = await routeRequest(deps, {
    method,
    path,
    rawPath: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    receivedAt,
    readBody: () => parseBody(request),
  });
  send(response, reply);
}

/** A request as the REST pipeline sees it, whether it came over HTTP or (an interaction callback) as an HTTP response. */
export interface PipelineRequest {
  method: string;
  /** The path below /api/v10, or undefined when the request was not for the API at all. */
  path: string | undefined;
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  receivedAt: number;
  readBody: () => Promise<ParsedBody>;
}

/**
 * Routes one request through auth, rate limits, body checks (OpenAPI and Discord's limits) and its handler; every
 * refusal is a violation and goes on the interaction's log. Interaction callbacks that arrive as the response of an
 * HTTP delivery come through here too, so they are checked exactly as REST callbacks are.
 */
export async function routeRequest(deps: HttpServerDeps, input: PipelineRequest): Promise<RouteReply> {
  const { method, path, receivedAt } = input;
  const matched = path === undefined ? { otherMethods: false } : deps.router.match(method, path);
  if (!("route" in matched)) {
    const template = path === undefined ? undefined : deps.spec?.templateOf(path);
    const note = template ? `Discord documents ${template}; the local Discord does not implement it` : "no such route";
    const error = matched.otherMethods
      ? new DiscordHttpError(405, 0, "405: Method Not Allowed")
      : DiscordErrors.notFound();
    violation(deps, "unknown-route", method, template ?? input.rawPath, input.rawPath, error, null, note);
    return { status: error.status, body: error.body };
  }
  const { route, params } = matched;
  const record = route.interaction?.find(params);
  record?.activity();
  let body: ParsedBody = { json: null, files: [], multipart: false };
  // Every request about an interaction, refused or not, goes on that interaction's log.
  const log = (entry: { status: number; messageId?: string; error?: DiscordErrorBody }) => {
    if (record && route.interaction) {
      const { kind } = route.interaction;
      record.record({ kind, atMs: record.elapsedMs(receivedAt), body: body.json, files: body.files, ...entry });
    }
  };
  try {
    if (route.auth && input.headers.authorization !== `Bot ${deps.token}`) throw DiscordErrors.unauthorized();
    body = await input.readBody();
    const routeRequest: RouteRequest = {
      method: method as HttpMethod,
      path: path ?? "",
      template: route.template,
      params,
      query: input.query,
      headers: input.headers,
      body,
      receivedAt,
    };
    const limit = rateLimit(deps, route, routeRequest);
    if (limit?.refused) {
      log({ status: 429 });
      return limit.refused;
    }
    checkBody(deps, route, method, body);
    const reply = await route.handle(routeRequest);
    log({ status: reply.status, messageId: reply.messageId });
    return { ...reply, headers: { ...limit?.headers, ...reply.headers } };
  } catch (error) {
    if (!(error instanceof DiscordHttpError)) throw error;
    violation(deps, kindOf(error), method, route.template, input.rawPath, error, body.json);
    log({ status: error.status, error: error.body });
    return { status: error.status, body: error.body };
  }
}

/** Spec validation plus Discord's own limits; both failing lists go into one 50035 answer. */
function checkBody(deps: HttpServerDeps, route: Route, method: string, body: ParsedBody): void {
  if (method === "GET" || method === "DELETE") return;
  const specErrors = deps.spec?.validate(route.template, method, body.json) ?? [];
  const limitErrors = route.limits?.(body.json) ?? [];
  // Where a limit check and the schema flag the same field, Discord's own wording (the limit check) is kept.
  const flagged = new Set(limitErrors.map((e) => e.path));
  const errors = [...limitErrors, ...specErrors.filter((e) => !flagged.has(e.path))];
  if (errors.length > 0) throw DiscordErrors.invalidFormBody(errors);
}

/** Takes from the route's bucket; a refusal is recorded and answered with Discord's 429. */
function rateLimit(
  deps: HttpServerDeps,
  route: Route,
  request: RouteRequest,
): { headers: Record<string, string>; refused?: RouteReply } | undefined {
  const key = route.rateLimitKey?.(request);
  if (key === undefined) return undefined;
  const decision = deps.editLimiter.take(key);
  if (decision.allowed) return { headers: decision.headers };
  const { method, path } = request;
  deps.rateLimitHits.push({
    method,
    route: route.template,
    path,
    key,
    retryAfterMs: decision.retryAfterMs,
    at: new Date(),
  });
  const retryAfter = decision.retryAfterMs / 1000;
  return {
    headers: decision.headers,
    refused: {
      status: 429,
      headers: decision.headers,
      body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
    },
  };
}

function kindOf(error: DiscordHttpError): ViolationKind {
  const { code } = error.body;
  if (code === 50035 || code === 50109 || code === 50006 || error.status === 413) return "invalid-body";
  if (code === 40060) return "already-acknowledged";
  if (code === 10062) return "unknown-interaction";
  if (code === 50027) return "invalid-webhook-token";
  if (error.status === 401) return "unauthorized";
  if (error.status === 403) return "forbidden";
  return "unknown-resource";
}

export function violation(
  deps: HttpServerDeps,
  kind: ViolationKind,
  method: string,
  route: string,
  path: string,
  error: DiscordHttpError,
  body: unknown,
  note?: string,
): void {
  const { code, message }: DiscordErrorBody = error.body;
  deps.violations.push({
    kind,
    method,
    route,
    path,
    status: error.status,
    code,
    message: note ? `${message} (${note})` : message,
    errors: error.fieldErrors,
    ...(body === null ? {} : { body }),
    at: new Date(),
  });
}

/** `/<kind>/<channel>/<attachment>/<filename>`, as on Discord's CDN; the query (expiry, signature) is not checked. */
function serveFile(
  lookup: (channelId: string, attachmentId: string) => CdnFile | undefined,
  pathname: string,
  response: ServerResponse,
): void {
  const [, , channelId = "", attachmentId = ""] = pathname.split("/");
  const file = lookup(channelId, attachmentId);
  if (!file) {
    send(response, { status: 404, body: { code: 0, message: "404: Not Found" } });
    return;
  }
  response.writeHead(200, { "content-type": file.contentType || "application/octet-stream" });
  response.end(file.bytes);
}

function send(response: ServerResponse, reply: RouteReply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status, reply.headers);
    response.end();
    return;
  }
  response.writeHead(reply.status, { ...reply.headers, "content-type": "application/json" });
  response.end(JSON.stringify(reply.body));
}
