import { randomBytes } from "node:crypto";
import { describe, expect } from "vitest";
import { authPurgeJob } from "../../src/auth/auth.jobs.js";
import { THROTTLE_QUIET_RESET_HOURS } from "../../src/domain/retention.js";
import { createUser } from "../factories.js";
import { test } from "../helpers/context.js";

const HOUR_MS = 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);

describe("sign-in purge", () => {
  test("deletes ended sessions and quiet throttling counters, and keeps everything still in use", async ({
    db,
    config,
  }) => {
    const user = await createUser(db, { organisation: "apvf" });
    const session = (id: string, lastSeen: Date, expires: Date) => ({
      id,
      secret_hash: randomBytes(32),
      user_id: user.id,
      last_seen_at: lastSeen,
      expires_at: expires,
      ip: "203.0.113.7",
      user_agent: "Navigateur de test",
    });
    await db
      .insertInto("user_session")
      .values([
        session("en-cours", ago(HOUR_MS), ahead(HOUR_MS)),
        session("expiree", ago(HOUR_MS), ago(1000)),
        session("inactive", ago(config.sessionInactivityMs + HOUR_MS), ahead(HOUR_MS)),
      ])
      .execute();
    const quiet = ago((THROTTLE_QUIET_RESET_HOURS + 1) * HOUR_MS);
    await db
      .insertInto("auth_throttle")
      .values([
        { key: "ip:203.0.113.1", failures: 3, last_failure_at: ago(HOUR_MS), blocked_until: null },
        { key: "ip:203.0.113.2", failures: 3, last_failure_at: quiet, blocked_until: null },
        { key: "ip:203.0.113.3", failures: 30, last_failure_at: quiet, blocked_until: ago(HOUR_MS) },
        { key: "ip:203.0.113.4", failures: 30, last_failure_at: quiet, blocked_until: ahead(HOUR_MS) },
      ])
      .execute();

    const purge = authPurgeJob(db, config);
    expect(await purge.run(new AbortController().signal)).toEqual({ sessions: 2, throttles: 2 });

    const sessions = await db.selectFrom("user_session").select("id").where("user_id", "=", user.id).execute();
    expect(sessions.map((s) => s.id)).toEqual(["en-cours"]);
    const throttles = await db.selectFrom("auth_throttle").select("key").orderBy("key").execute();
    expect(throttles.map((t) => t.key)).toEqual(["ip:203.0.113.1", "ip:203.0.113.4"]);
    expect(await purge.run(new AbortController().signal)).toEqual({ sessions: 0, throttles: 0 });
  });
});
