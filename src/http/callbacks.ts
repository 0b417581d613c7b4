/**
 * The first response of an interaction that arrived over HTTP is the HTTP response itself, not a REST call. discord.js
 * does not know how its interaction arrived: it POSTs /interactions/{id}/{token}/callback as always, and this bridge,
 * sitting in the client's REST `makeRequest`, hands that body to the waiting HTTP request and answers discord.js as
 * Discord would (204, or the callback response when asked with_response). Every other request, follow-ups and edits
 * of the original response included, goes to Discord as before.
 */
import type { REST } from "discord.js";

/** The callback exactly as discord.js built it: JSON, or multipart/form-data when files are attached. */
export interface CallbackBody {
  contentType: string;
  bytes: Buffer;
}

type MakeRequest = REST["options"]["makeRequest"];
type RequestInit = Parameters<MakeRequest>[1];
type ResponseLike = Awaited<ReturnType<MakeRequest>>;

interface Waiter {
  interactionType: number;
  /** Writes the HTTP response; resolves once it is handed to the socket, rejects when the request is gone. */
  deliver(body: CallbackBody): Promise<void>;
}

const callbackPath = /\/interactions\/(\d+)\/[^/]+\/callback$/;

export class CallbackBridge {
  private readonly waiting = new Map<string, Waiter>();

  constructor(rest: REST) {
    const network = rest.options.makeRequest;
    rest.options.makeRequest = (url, init) => this.intercept(url, init) ?? network(url, init);
  }

  /** Interactions waiting for their first response right now. */
  get pending(): number {
    return this.waiting.size;
  }

  /**
   * Registers an interaction that arrived over HTTP: its callback goes to `deliver` instead of Discord. Returns a
   * function that withdraws it (the HTTP request timed out or went away), after which a late callback goes to
   * Discord, which refuses it as it would any late callback.
   */
  expect(interactionId: string, interactionType: number, deliver: Waiter["deliver"]): () => void {
    this.waiting.set(interactionId, { interactionType, deliver });
    return () => this.waiting.delete(interactionId);
  }

  private intercept(url: string, init: RequestInit): Promise<ResponseLike> | undefined {
    if (init.method?.toUpperCase() !== "POST") return undefined;
    const parsed = new URL(url);
    const id = callbackPath.exec(parsed.pathname)?.[1];
    const waiter = id === undefined ? undefined : this.waiting.get(id);
    if (id === undefined || !waiter) return undefined;
    this.waiting.delete(id);
    return this.answer(id, waiter, init, parsed.searchParams.get("with_response") === "true");
  }

  private async answer(id: string, waiter: Waiter, init: RequestInit, withResponse: boolean): Promise<ResponseLike> {
    const body = await callbackBody(init.body);
    try {
      await waiter.deliver(body);
    } catch {
      // The HTTP request is gone (Discord stopped waiting): the same answer Discord gives a callback it never got.
      return json(404, { message: "Unknown interaction", code: 10062 });
    }
    if (!withResponse) return asResponseLike(new Response(null, { status: 204 }));
    // Over HTTP the created message is not known here; the interaction and the callback type are.
    const type = callbackType(body);
    return json(200, { interaction: { id, type: waiter.interactionType }, resource: { type } });
  }
}

function json(status: number, body: unknown): ResponseLike {
  return asResponseLike(
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
  );
}

/** A fetch Response is what discord.js's own fetch strategy returns; only the stream typings differ. */
function asResponseLike(response: Response): ResponseLike {
  return response as unknown as ResponseLike;
}

async function callbackBody(body: RequestInit["body"]): Promise<CallbackBody> {
  if (typeof body === "string") return { contentType: "application/json", bytes: Buffer.from(body, "utf8") };
  if (body instanceof FormData) {
    // The same multipart encoding the REST call would have sent (payload_json plus files[n]).
    const encoded = new Response(body);
    return {
      contentType: encoded.headers.get("content-type") ?? "multipart/form-data",
      bytes: Buffer.from(await encoded.arrayBuffer()),
    };
  }
  if (body instanceof Uint8Array) return { contentType: "application/json", bytes: Buffer.from(body) };
  throw new Error("interaction callback with a body discord.js does not send");
}

function callbackType(body: CallbackBody): number | undefined {
  try {
    if (body.contentType.startsWith("application/json")) {
      return (JSON.parse(body.bytes.toString("utf8")) as { type?: number }).type;
    }
    const payload = /name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)/.exec(body.bytes.toString("utf8"))?.[1];
    return payload ? (JSON.parse(payload) as { type?: number }).type : undefined;
  } catch {
    return undefined;
  }
}
