import type { Hono } from "hono";
import type { Kysely } from "kysely";
import { createApp } from "../../src/app.js";
import { createDatabase } from "../../src/db/client.js";
import type { Database } from "../../src/db/database.js";
import { type RunningBroker, startLiveBroker } from "../../src/live/broker.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger } from "../../src/platform/logger.js";
import { TEST_ORIGIN } from "./app.js";
import { testSigner } from "./checkpoints.js";
import { test } from "./context.js";

export interface Instance {
  app: Hono<any>;
  broker: RunningBroker;
  db: Kysely<Database>;
}

const config = loadConfig({ NODE_ENV: "test", PUBLIC_ORIGIN: TEST_ORIGIN, LOG_LEVEL: "silent" });
const logger = createLogger(config);

/** One "machine": its own pool, its own LISTEN connection, its own app. */
export async function startInstance(url: string, env: Record<string, string> = {}): Promise<Instance> {
  const instanceConfig = Object.keys(env).length
    ? loadConfig({ NODE_ENV: "test", PUBLIC_ORIGIN: TEST_ORIGIN, LOG_LEVEL: "silent", ...env })
    : config;
  const { db } = createDatabase({ connectionString: url, statementTimeoutMs: 10_000, poolSize: 3, logger });
  const broker = startLiveBroker({ connectionString: url, logger });
  await broker.ready;
  const deps = {
    config: instanceConfig,
    db,
    logger,
    lifecycle: { shuttingDown: false },
    live: broker,
    signer: testSigner,
  };
  return { app: createApp(deps), broker, db };
}

export async function stopInstance(instance: Instance | undefined): Promise<void> {
  await instance?.broker.stop();
  await instance?.db.destroy();
}

/**
 * The test context with two instances A and B over the test's database (each its own pool,
 * LISTEN connection and app, with its own environment), stopped after the test.
 */
export function withInstances(env: { a?: Record<string, string>; b?: Record<string, string> } = {}) {
  const instance =
    (instanceEnv: Record<string, string> | undefined) =>
    async ({ database }: { database: { url: string } }, use: (instance: Instance) => Promise<void>) => {
      const started = await startInstance(database.url, instanceEnv);
      try {
        await use(started);
      } finally {
        await stopInstance(started);
      }
    };
  return test.extend<{ a: Instance; b: Instance }>({ a: instance(env.a), b: instance(env.b) });
}

/** Reads an SSE response until `predicate` holds on what arrived, or fails after the timeout. */
export async function readUntil(response: Response, predicate: (text: string) => boolean, timeoutMs = 5000) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  try {
    while (!predicate(text)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE: not received within ${timeoutMs} ms. Got:\n${text}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`SSE timeout. Got:\n${text}`)), left)),
      ]);
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
