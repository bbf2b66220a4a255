import { createHash } from "node:crypto";

/**
 * Canonical JSON in the spirit of RFC 8785 for the values we hash: objects with
 * keys sorted by code unit, no whitespace, strings as JSON.stringify writes them.
 * Payloads only ever hold strings, integers, booleans, null, arrays and objects,
 * so the number formatting subtleties of RFC 8785 never arise; other numbers are refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`canonicalJson: nombre non entier refusé (${value})`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: type refusé (${typeof value})`);
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The first event's prev_hash: 64 zeros. */
export const GENESIS_HASH = "0".repeat(64);

/** hash = sha256(prev_hash || canonical_json(payload)) — the rule every verifier applies. */
export function chainHash(prevHash: string, payload: unknown): string {
  return sha256Hex(prevHash + canonicalJson(payload));
}
