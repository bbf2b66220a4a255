import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Kysely } from "kysely";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/database.js";
import { type RunningBroker, startLiveBroker } from "../../src/live/broker.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger } from "../../src/platform/logger.js";
import { createTestApp } from "./app.js";
import { testSigner } from "./checkpoints.js";
import type { TestDatabase } from "./database.js";
import { freePort } from "./net.js";

/** The real app listening on a real port, for browsers and other processes. */
export async function listen(db: Kysely<Database>) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { app } = createTestApp(db, { PUBLIC_ORIGIN: origin });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (_info: AddressInfo) => resolve(started));
  });
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The real app with its live broker, on a real port. */
export async function listenLive(database: TestDatabase) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: "test", PUBLIC_ORIGIN: origin, LOG_LEVEL: "silent" });
  const logger = createLogger(config);
  const broker: RunningBroker = startLiveBroker({ connectionString: database.url, logger });
  await broker.ready;
  const app = createApp({
    config,
    db: database.db,
    logger,
    lifecycle: { shuttingDown: false },
    live: broker,
    signer: testSigner,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (_info: AddressInfo) => resolve(started));
  });
  return {
    origin,
    close: async () => {
      await broker.stop();
      if ("closeAllConnections" in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
