import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import type { AppEnv } from "../env.js";

const WELL_FORMED_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id of each request (logged and sent back as X-Request-Id). A client's id is
 * kept only behind our own proxy (TRUST_PROXY), and only when well-formed: otherwise
 * anyone could forge log lines or make two requests look like one.
 */
export function requestIdentity(trustProxy: boolean) {
  const fromProxyOrNew = (c: Context) => {
    const offered = trustProxy ? c.req.header("X-Request-Id") : undefined;
    return offered && WELL_FORMED_ID.test(offered) ? offered : crypto.randomUUID();
  };
  const assign = requestId({ headerName: "", generator: fromProxyOrNew });
  return createMiddleware<AppEnv>((c, next) =>
    assign(c, async () => {
      c.header("X-Request-Id", c.get("requestId"));
      await next();
    }),
  );
}
