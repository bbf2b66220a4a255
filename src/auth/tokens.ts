import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** 160 random bits, base32: unguessable tokens for sessions, invitations and resets (Lucia's design). */
export function generateRandomToken(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Only this hash is stored: a database leak gives no usable link or session. */
export function hashToken(token: string): Uint8Array {
  return sha256(new TextEncoder().encode(token));
}

export function tokenMatchesHash(token: string, hash: Uint8Array): boolean {
  return constantTimeEqual(hashToken(token), hash);
}
