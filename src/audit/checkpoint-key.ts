import { generateKeyPairSync } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parsePrivateKey } from "../platform/ed25519.js";
import { type CheckpointSigner, signerFromPrivateKey } from "./checkpoints.js";

export const DEV_KEY_FILE = "checkpoint-signing-key.pem";

/**
 * The key that signs the journal's checkpoints never lives in the database: whoever can rewrite
 * the tables must not be able to sign a rewritten chain. Production takes it from the
 * CHECKPOINT_SIGNING_KEY secret (required by config.ts); development keeps one in DATA_DIR,
 * created on first start, readable by its owner only.
 */
export async function loadCheckpointSigner(config: {
  checkpointSigningKey: string | undefined;
  dataDir: string;
}): Promise<CheckpointSigner> {
  if (config.checkpointSigningKey) return signerFromText(config.checkpointSigningKey);
  const file = path.resolve(config.dataDir, DEV_KEY_FILE);
  const existing = await readFile(file, "utf8").catch(() => undefined);
  if (existing !== undefined) return signerFromText(existing);
  const pem = generateCheckpointKeyPem();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, pem, { mode: 0o600, flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  await chmod(file, 0o600);
  return signerFromText(await readFile(file, "utf8"));
}

/** A fresh key, for tests and for the development file. */
export function generateCheckpointKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

function signerFromText(text: string): CheckpointSigner {
  const key = parsePrivateKey(text);
  if (!key) throw new Error("clé de signature des points de contrôle illisible (Ed25519 PKCS#8 attendu)");
  return signerFromPrivateKey(key);
}
