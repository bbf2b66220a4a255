import type { Kysely } from "kysely";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/database.js";
import type { Lifecycle } from "../../src/http/env.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger } from "../../src/platform/logger.js";
import { TEST_CHECKPOINT_KEY_PEM, testSigner } from "./checkpoints.js";

export const TEST_ORIGIN = "http://localhost:3000";

/** The real application over a real database, driven through app.request(). */
export function createTestApp(
  db: Kysely<Database>,
  env: Record<string, string> = {},
  options: { logLines?: unknown[] } = {},
) {
  const config = loadConfig({
    NODE_ENV: "test",
    PUBLIC_ORIGIN: TEST_ORIGIN,
    LOG_LEVEL: "silent",
    PAGE_CACHE_MS: "0",
    CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY_PEM,
    ...env,
  });
  const lifecycle: Lifecycle = { shuttingDown: false };
  const logLines = options.logLines;
  // A real pino logger into memory, so a test can assert what the server logged.
  const destination = logLines ? { write: (line: string) => void logLines.push(JSON.parse(line)) } : undefined;
  const app = createApp({ config, db, logger: createLogger(config, destination), lifecycle, signer: testSigner });
  return { app, config, lifecycle };
}
