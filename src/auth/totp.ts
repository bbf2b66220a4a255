import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from "@oslojs/otp";
import { generateRandomToken, hashToken } from "./tokens.js";

/** RFC 6238: 30-second steps, 6 digits, HMAC-SHA1 (what every authenticator app supports). */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const GRACE_SECONDS = 30;

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

export function verifyTotpCode(key: Uint8Array, code: string): boolean {
  const digits = code.replaceAll(/\s/g, "");
  return /^\d{6}$/.test(digits) && verifyTOTPWithGracePeriod(key, PERIOD_SECONDS, DIGITS, digits, GRACE_SECONDS);
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
