import { createMiddleware } from "hono/factory";
import type { Logger } from "../../platform/logger.js";
import type { AppEnv } from "../env.js";

/** One structured line per request, with the id set by requestIdentity (also sent back as X-Request-Id). */
export function requestLog(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestLogger = logger.child({ requestId: c.get("requestId") });
    c.set("logger", requestLogger);
    await next();
    requestLogger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      "requête",
    );
  });
}
