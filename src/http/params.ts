import type { Context } from "hono";
import { notFound } from "./errors.js";

/**
 * Route pattern for every numeric id: canonical decimals only (no sign, no leading zero),
 * so "0001", "+1" or "1e0" never reach a handler and can never alias another id.
 */
export const ID = ":id{[1-9][0-9]{0,18}}";

/** Session ids are base32 tokens (src/auth/tokens.ts), never numbers. */
export const SESSION_ID = ":id{[a-z2-7]{1,64}}";

const BIGINT_MAX = 9223372036854775807n;

/** The one reader of a numeric id: 19-digit values above bigint would overflow in Postgres. */
export function idParam(c: Context): string {
  const id = canonicalId(c.req.param("id"));
  if (id === undefined) throw notFound();
  return id;
}

/** The same rule for an id sent in a form field: the id, or undefined. */
export function canonicalId(raw: string | undefined): string | undefined {
  if (raw === undefined || !/^[1-9][0-9]{0,18}$/.test(raw) || BigInt(raw) > BIGINT_MAX) return undefined;
  return raw;
}
