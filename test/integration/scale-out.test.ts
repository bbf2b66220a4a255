import type { Hono } from "hono";
import { describe, expect } from "vitest";
import { createUser, currentTotp } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { test as base } from "../helpers/context.js";

/**
 * Two app instances on one Postgres, as on Fly with several machines. The live
 * fan-out across instances is proven in comments-live.test.ts and the exactly-once
 * scheduled closing in ballots-lifecycle.test.ts; here, sessions.
 */
const test = base.extend<{ first: Hono<any>; second: Hono<any> }>({
  first: async ({ app }, use) => {
    await use(app);
  },
  second: async ({ db }, use) => {
    await use(createTestApp(db).app);
  },
});

describe("sessions across instances", () => {
  test("a session opened on one instance works on the other, and ending it there ends it everywhere", async ({
    second,
    as,
  }) => {
    const onFirst = await as("apvf");
    const onSecond = new TestClient(second);
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    expect((await onSecond.get("/compte")).status).toBe(200);
    await onSecond.post("/deconnexion");
    expect((await onFirst.get("/compte")).status).toBe(303);
  });

  test("a TOTP code accepted by one instance is refused by the other", async ({ first, second, db }) => {
    const moderator = await createUser(db, { role: "moderator", totp: true });
    const code = currentTotp(moderator.totpKey as Uint8Array);
    const onFirst = new TestClient(first);
    await onFirst.post("/connexion", { email: moderator.email, password: moderator.password });
    const onSecond = new TestClient(second);
    await onSecond.post("/connexion", { email: moderator.email, password: moderator.password });
    const [a, b] = await Promise.all([
      onFirst.post("/connexion/verification", { code }),
      onSecond.post("/connexion/verification", { code }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 422]);
    const third = new TestClient(first);
    await third.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await third.post("/connexion/verification", { code })).status).toBe(422);
  });

  test("login throttling is shared: failures on one instance count on the other", async ({ first, second, db }) => {
    const user = await createUser(db);
    for (let attempt = 0; attempt < 5; attempt++) {
      const app = attempt % 2 === 0 ? first : second;
      await new TestClient(app).post("/connexion", { email: user.email, password: `mauvais mot de passe ${attempt}` });
    }
    expect(
      (await new TestClient(first).post("/connexion", { email: user.email, password: user.password })).status,
    ).toBe(429);
    expect(
      (await new TestClient(second).post("/connexion", { email: user.email, password: user.password })).status,
    ).toBe(429);
  });
});
