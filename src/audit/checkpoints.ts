import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

/**
 * A checkpoint is the platform's signed word that, at `at`, its journal held `length` events
 * ending with `head`. Whoever keeps one (a receipt email, a download) can later prove that the
 * chain was cut or rewritten: a chain that no longer reaches `length` events, or whose event
 * there has another hash, does not extend it. Plain text, one line, checkable without our code:
 *
 *   concertation-checkpoint/1 <length> <head hex> <at ISO> <Ed25519 signature base64url>
 *
 * The signature covers everything before it, single spaces included.
 */
export const CHECKPOINT_FORMAT = "concertation-checkpoint/1";

export interface Checkpoint {
  length: number;
  head: string;
  at: string;
  signature: string;
}

export interface CheckpointSigner {
  /** SHA-256 of the raw public key, hex: what a verifier pins. */
  readonly fingerprint: string;
  /** SPKI, PEM. */
  readonly publicKeyPem: string;
  sign(checkpoint: Omit<Checkpoint, "signature">): Checkpoint;
}

/** What anyone needs to check the signatures: published at /.well-known/concertation-checkpoint-key.json. */
export interface CheckpointKey {
  algorithm: "Ed25519";
  /** SPKI, PEM. */
  publicKey: string;
  fingerprint: string;
}

export function checkpointKeyOf(signer: CheckpointSigner): CheckpointKey {
  return { algorithm: "Ed25519", publicKey: signer.publicKeyPem, fingerprint: signer.fingerprint };
}

export function signedMessage(checkpoint: Omit<Checkpoint, "signature">): string {
  return `${CHECKPOINT_FORMAT} ${checkpoint.length} ${checkpoint.head} ${checkpoint.at}`;
}

export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${signedMessage(checkpoint)} ${checkpoint.signature}`;
}

const TOKEN =
  /concertation-checkpoint\/1\s+(\d{1,15})\s+([0-9a-f]{64})\s+(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z)\s+([A-Za-z0-9_-]{86})/g;

/** Every checkpoint written anywhere in a text: a saved email, the JSON list, a note. */
export function findCheckpoints(text: string): Checkpoint[] {
  return [...text.matchAll(TOKEN)].map(([, length, head, at, signature]) => ({
    length: Number(length),
    head: head as string,
    at: at as string,
    signature: signature as string,
  }));
}

export function signerFromPrivateKey(privateKey: KeyObject): CheckpointSigner {
  const publicKey = createPublicKey(privateKey);
  return {
    fingerprint: publicKeyFingerprint(publicKey),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    sign(unsigned) {
      const signature = sign(null, Buffer.from(signedMessage(unsigned)), privateKey).toString("base64url");
      return { ...unsigned, signature };
    },
  };
}

export function parsePublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}

export function publicKeyFingerprint(publicKey: KeyObject): string {
  const raw = publicKey.export({ type: "spki", format: "der" }).subarray(-32);
  return createHash("sha256").update(raw).digest("hex");
}

export function hasValidSignature(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verify(
      null,
      Buffer.from(signedMessage(checkpoint)),
      publicKey,
      Buffer.from(checkpoint.signature, "base64url"),
    );
  } catch {
    return false;
  }
}
