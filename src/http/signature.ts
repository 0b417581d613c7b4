/** Discord's request signatures: Ed25519 over the timestamp header followed by the raw body, checked with node:crypto. */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** How old (or how far ahead) a request's timestamp may be before it counts as a replay; Discord's own are fresh. */
export const maxSignatureAgeSeconds = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** The application's public key (the Developer Portal's 64 hex characters) as a key object, made once. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 32) throw new Error("an Ed25519 public key is 32 bytes (64 hex characters)");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

/**
 * Whether a request really comes from Discord, recently: both headers present, a timestamp within
 * `maxSignatureAgeSeconds` of now, and a valid signature of `timestamp + body`.
 */
export function checkSignature(
  key: KeyObject,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: Buffer,
  nowMs = Date.now(),
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!/^[0-9a-fA-F]{128}$/.test(signature)) return { ok: false, reason: "malformed signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSignatureAgeSeconds) {
    return { ok: false, reason: "timestamp too old (or in the future): a replay" };
  }
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  return verify(null, signed, key, Buffer.from(signature, "hex"))
    ? { ok: true }
    : { ok: false, reason: "bad signature" };
}
