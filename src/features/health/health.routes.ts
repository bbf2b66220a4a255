import { type Context, Hono } from "hono";
import { sql } from "kysely";
import type { AppDeps, AppEnv } from "../../http/env.js";

const CHECK_TIMEOUT_MS = 2000;

/** For load balancers and Fly's health check: 200 when the database answers, 503 otherwise. */
export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/", (c) => reportHealth(c, deps));
}

async function reportHealth(c: Context<AppEnv>, { db, lifecycle }: AppDeps) {
  c.header("Cache-Control", "no-store");
  const database = await checkDatabase(db);
  const healthy = database === "up" && !lifecycle.shuttingDown;
  return c.json(
    { status: healthy ? "ok" : "unavailable", database, shuttingDown: lifecycle.shuttingDown },
    healthy ? 200 : 503,
  );
}

async function checkDatabase(db: AppDeps["db"]): Promise<"up" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"down">((resolve) => {
    timer = setTimeout(() => resolve("down"), CHECK_TIMEOUT_MS);
  });
  const query = sql`select 1`.execute(db).then(
    () => "up" as const,
    () => "down" as const,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
