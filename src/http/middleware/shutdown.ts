import { createMiddleware } from "hono/factory";
import type { Lifecycle } from "../env.js";

/** While shutting down, finish the request but ask the client to drop its keep-alive connection. */
export function closeConnectionsWhenShuttingDown(lifecycle: Lifecycle) {
  return createMiddleware(async (c, next) => {
    await next();
    if (lifecycle.shuttingDown) c.header("Connection", "close");
  });
}
