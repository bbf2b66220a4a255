import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEV_KEY_FILE, loadCheckpointSigner } from "../../src/audit/checkpoint-key.js";
import { findCheckpoints, formatCheckpoint, hasValidSignature, parsePublicKey } from "../../src/audit/checkpoints.js";
import { loadConfig } from "../../src/platform/config.js";
import { TEST_CHECKPOINT_KEY_PEM, testSigner } from "../helpers/checkpoints.js";

describe("the checkpoint signing key", () => {
  it("is created once in DATA_DIR in development, readable by its owner only, and reused", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "concertation-key-"));
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await loadCheckpointSigner(config);
    const file = path.join(dataDir, DEV_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, "utf8")).toContain("BEGIN PRIVATE KEY");
    const again = await loadCheckpointSigner(config);
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it("comes from CHECKPOINT_SIGNING_KEY when it is set, whatever DATA_DIR holds", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "concertation-key-"));
    const signer = await loadCheckpointSigner(
      loadConfig({ DATA_DIR: dataDir, CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY_PEM }),
    );
    expect(signer.fingerprint).toBe(testSigner.fingerprint);
    await expect(stat(path.join(dataDir, DEV_KEY_FILE))).rejects.toThrow();
  });

  it("writes a checkpoint as one line that reads back, signature included, even wrapped by a mail client", () => {
    const checkpoint = testSigner.sign({ length: 12, head: "a".repeat(64), at: "2026-12-03T09:00:00.000Z" });
    const line = formatCheckpoint(checkpoint);
    expect(line).toMatch(/^concertation-checkpoint\/1 12 a{64} 2026-12-03T09:00:00.000Z [A-Za-z0-9_-]{86}$/);
    const wrapped = `Bonjour,\n> ${line.replaceAll(" ", "\n> ").replace(/^> /, "")}\n`.replace(/\n> /g, "\n");
    expect(findCheckpoints(wrapped)).toEqual([checkpoint]);
    const publicKey = parsePublicKey(testSigner.publicKeyPem);
    expect(publicKey && hasValidSignature(checkpoint, publicKey)).toBe(true);
    expect(publicKey && hasValidSignature({ ...checkpoint, at: "2026-12-03T09:00:01.000Z" }, publicKey)).toBe(false);
  });
});
