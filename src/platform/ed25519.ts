import { createPrivateKey, type KeyObject } from "node:crypto";

/** A PEM (PKCS#8) private key, or the base64 of its DER on one line; undefined unless Ed25519. */
export function parsePrivateKey(text: string): KeyObject | undefined {
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith("-----BEGIN")
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
    return key.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}
