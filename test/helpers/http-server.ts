import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import { createTestApp } from "./app.js";
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
