import { generateCheckpointKeyPem } from "../../src/audit/checkpoint-key.js";
import { checkpointKeyOf, signerFromPrivateKey } from "../../src/audit/checkpoints.js";
import { parsePrivateKey } from "../../src/platform/ed25519.js";

/** One signing key per test process, as a server would hold one from its secret. */
export const TEST_CHECKPOINT_KEY_PEM = generateCheckpointKeyPem();
export const testSigner = signerFromPrivateKey(parsePrivateKey(TEST_CHECKPOINT_KEY_PEM) ?? (undefined as never));
export const testCheckpointKey = checkpointKeyOf(testSigner);
