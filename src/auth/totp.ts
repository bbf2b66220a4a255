import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { generateRandomToken, hashToken } from "./tokens.js";

/** RFC 6238: 30-second steps, 6 digits, HMAC-SHA1 (what every authenticator app supports). */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Steps accepted either side of now, for clock drift and typing time. */
const GRACE_STEPS = 1;

export function generateTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}

export function encodeTotpKey(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

export function decodeTotpKey(encoded: string): Uint8Array | undefined {
  try {
    const key = decodeBase32IgnorePadding(encoded.replaceAll(/\s/g, "").toUpperCase());
    return key.length === 20 ? key : undefined;
  } catch {
    return undefined;
  }
}

export function totpUri(accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI("Concertation", accountName, key, PERIOD_SECONDS, DIGITS);
}

/**
 * The time step (RFC 6238 counter) whose code this is, among now-1, now and now+1,
 * or undefined. The caller stores it and accepts only a later step, so a code is
 * valid once: verifyTOTPWithGracePeriod only says yes or no, hence the loop here
 * (verifyHOTP compares in constant time).
 */
export function totpStepOf(key: Uint8Array, code: string, nowMs = Date.now()): bigint | undefined {
  const digits = code.replaceAll(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return undefined;
  const current = totpStepAt(nowMs);
  let matched: bigint | undefined;
  for (let step = current - BigInt(GRACE_STEPS); step <= current + BigInt(GRACE_STEPS); step++) {
    if (verifyHOTP(key, step, DIGITS, digits)) matched = step;
  }
  return matched;
}

export function totpStepAt(nowMs: number): bigint {
  return BigInt(Math.floor(nowMs / (PERIOD_SECONDS * 1000)));
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => formatRecoveryCode(generateRandomToken(10)));
}

function formatRecoveryCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

export function hashRecoveryCode(code: string): Uint8Array {
  return hashToken(
    code
      .trim()
      .toLowerCase()
      .replaceAll(/[^a-z0-9]/g, ""),
  );
}
