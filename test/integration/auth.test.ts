import { sha256 } from "@oslojs/crypto/sha2";
import { sql } from "kysely";
import { describe, expect } from "vitest";
import { createUser, currentTotp, DEFAULT_PASSWORD } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";

/** Sign-in itself is under test here: people sign in over HTTP, never through `as`. */

describe("sign-in", () => {
  test("sets an HttpOnly, SameSite=Lax session cookie and redirects", async ({ db, app }) => {
    const user = await createUser(db, { organisation: "apvf" });
    const response = await new TestClient(app).post("/connexion", { email: user.email, password: user.password });
    expect(response.status).toBe(303);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^session=[a-z0-9]+\.[a-z0-9]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
  });

  test("uses a __Host- cookie with Secure when served over https", async ({ db }) => {
    const { app: httpsApp } = createTestApp(db, { PUBLIC_ORIGIN: "https://concertation.example.org" });
    const user = await createUser(db);
    const response = await httpsApp.request("/connexion", {
      method: "POST",
      headers: { Origin: "https://concertation.example.org", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: user.password }),
    });
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-session=/);
    expect(cookie).toContain("Secure");
    expect(cookie).not.toContain("Domain");
  });

  test("stores only the SHA-256 of the session secret", async ({ db, app }) => {
    const user = await createUser(db);
    const browser = new TestClient(app);
    await browser.signIn(user);
    const [id, secret] = (browser.sessionToken() ?? "").split(".");
    const row = await db
      .selectFrom("user_session")
      .selectAll()
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.secret_hash)).toEqual(Buffer.from(sha256(new TextEncoder().encode(secret))));
    const dump = JSON.stringify(await db.selectFrom("user_session").selectAll().execute());
    expect(dump).not.toContain(secret);
  });

  test("rotates the session at every sign-in and ends the previous one", async ({ db, app }) => {
    const user = await createUser(db);
    const browser = new TestClient(app);
    await browser.signIn(user);
    const first = browser.sessionToken();
    await browser.signIn(user);
    const second = browser.sessionToken();
    expect(second).not.toBe(first);
    const ids = await db.selectFrom("user_session").select("id").where("user_id", "=", user.id).execute();
    expect(ids.map((r) => r.id)).toEqual([second?.split(".")[0]]);
  });

  test("gives the same answer for an unknown email and a wrong password, keeping the email", async ({ db, app }) => {
    const user = await createUser(db);
    const wrong = await new TestClient(app).post("/connexion", {
      email: user.email,
      password: "pas le bon mot de passe",
    });
    const unknown = await new TestClient(app).post("/connexion", {
      email: "inconnu@exemple.fr",
      password: "pas le bon mot de passe",
    });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const [wrongHtml, unknownHtml] = [await wrong.text(), await unknown.text()];
    expect(wrongHtml).toContain("Adresse ou mot de passe incorrect.");
    expect(unknownHtml).toContain("Adresse ou mot de passe incorrect.");
    expect(wrongHtml).toContain(`value="${user.email}"`);
  });

  test("rejects a forged or malformed session cookie", async ({ db, app }) => {
    const user = await createUser(db);
    const browser = new TestClient(app);
    await browser.signIn(user);
    const [id] = (browser.sessionToken() ?? "").split(".");
    browser.cookies.set("session", `${id}.${"a".repeat(32)}`);
    expect((await browser.get("/compte")).status).toBe(303);
    browser.cookies.set("session", "n'importe.quoi.du.tout");
    expect((await browser.get("/compte")).status).toBe(303);
  });
});

describe("throttling", () => {
  test("imposes a growing wait after repeated failures, even for the right password, then lets through", async ({
    db,
    app,
  }) => {
    const user = await createUser(db);
    for (let attempt = 0; attempt < 5; attempt++) {
      await new TestClient(app).post("/connexion", { email: user.email, password: `mauvais-${attempt}-mot-de-passe` });
    }
    const blocked = await new TestClient(app).post("/connexion", { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/Trop de tentatives\. Réessayez dans \d+ secondes\./);
    const row = await db
      .selectFrom("auth_throttle")
      .selectAll()
      .where("key", "=", `compte:${user.email}`)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
    await db.updateTable("auth_throttle").set({ blocked_until: sql`now() - interval '1 second'` }).execute();
    expect((await new TestClient(app).post("/connexion", { email: user.email, password: user.password })).status).toBe(
      303,
    );
    const cleared = await db
      .selectFrom("auth_throttle")
      .select("key")
      .where("key", "=", `compte:${user.email}`)
      .executeTakeFirst();
    expect(cleared).toBeUndefined();
  });

  test("an attacker's failures do not block the owner signing in from another address, and still slow the attacker", async ({
    db,
  }) => {
    const { app: proxied } = createTestApp(db, { TRUST_PROXY: "true" });
    const fromIp = (ip: string, email: string, password: string) =>
      new TestClient(proxied).post("/connexion", { email, password }, { "Fly-Client-IP": ip });
    const owner = await createUser(db);
    for (let attempt = 0; attempt < 12; attempt++) {
      await fromIp("198.51.100.66", owner.email, `mauvais-${attempt}-mot-de-passe`);
    }
    expect((await fromIp("198.51.100.66", owner.email, owner.password)).status).toBe(429);
    expect((await fromIp("192.0.2.10", owner.email, owner.password)).status).toBe(303);
  });

  test("a distributed attack on one account meets a wait on every address", async ({ db }) => {
    const { app: proxied } = createTestApp(db, { TRUST_PROXY: "true" });
    const fromIp = (ip: string, email: string, password: string) =>
      new TestClient(proxied).post("/connexion", { email, password }, { "Fly-Client-IP": ip });
    const owner = await createUser(db);
    for (let address = 1; address <= 11; address++) {
      for (let attempt = 0; attempt < 5; attempt++) {
        await fromIp(`198.51.100.${address}`, owner.email, `mauvais-${attempt}-mot-de-passe`);
      }
    }
    expect((await fromIp("192.0.2.20", owner.email, owner.password)).status).toBe(429);
  });
});

describe("session lifetime", () => {
  test("ends a session after inactivity and at its absolute expiry", async ({ db, app }) => {
    const user = await createUser(db);
    const idle = new TestClient(app);
    await idle.signIn(user);
    await db
      .updateTable("user_session")
      .set({ last_seen_at: sql`now() - interval '8 days'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await idle.get("/compte")).status).toBe(303);

    const old = new TestClient(app);
    await old.signIn(user);
    await db
      .updateTable("user_session")
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await old.get("/compte")).status).toBe(303);
    expect(await db.selectFrom("user_session").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
  });
});

describe("password change", () => {
  test("ends the other sessions and keeps the current one", async ({ db, app }) => {
    const user = await createUser(db);
    const laptop = new TestClient(app);
    const phone = new TestClient(app);
    await laptop.signIn(user);
    await phone.signIn(user);
    const changed = await laptop.post("/compte/mot-de-passe", {
      currentPassword: DEFAULT_PASSWORD,
      password: "un tout nouveau mot de passe",
      confirmation: "un tout nouveau mot de passe",
    });
    expect(changed.status).toBe(303);
    expect((await laptop.get("/compte")).status).toBe(200);
    expect((await phone.get("/compte")).status).toBe(303);
    expect(
      (await new TestClient(app).post("/connexion", { email: user.email, password: "un tout nouveau mot de passe" }))
        .status,
    ).toBe(303);
  });

  test("keeps the form and explains a wrong current password, a common or short new one", async ({ db, app }) => {
    const user = await createUser(db);
    const browser = new TestClient(app);
    await browser.signIn(user);
    const wrong = await browser.post("/compte/mot-de-passe", {
      currentPassword: "faux mot de passe",
      password: "un tout nouveau mot de passe",
      confirmation: "un tout nouveau mot de passe",
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain("Mot de passe actuel incorrect.");
    const short = await browser.post("/compte/mot-de-passe", {
      currentPassword: DEFAULT_PASSWORD,
      password: "court",
      confirmation: "court",
    });
    expect(await short.text()).toContain("au moins 12 caractères");
    const common = await browser.post("/compte/mot-de-passe", {
      currentPassword: DEFAULT_PASSWORD,
      password: "password1234",
      confirmation: "password1234",
    });
    expect(await common.text()).toContain("trop courant");
    const mismatch = await browser.post("/compte/mot-de-passe", {
      currentPassword: DEFAULT_PASSWORD,
      password: "un tout nouveau mot de passe",
      confirmation: "un autre",
    });
    expect(await mismatch.text()).toContain("ne sont pas identiques");
  });
});

describe("sessions page", () => {
  test("lists one's sessions and ends one, but never another person's", async ({ db, app }) => {
    const alice = await createUser(db);
    const bob = await createUser(db);
    const aliceLaptop = new TestClient(app);
    const alicePhone = new TestClient(app);
    const bobBrowser = new TestClient(app);
    await aliceLaptop.signIn(alice);
    await alicePhone.signIn(alice);
    await bobBrowser.signIn(bob);
    const page = await (await aliceLaptop.get("/compte")).text();
    expect(page.match(/Terminer cette session/g)).toHaveLength(1);
    const phoneId = alicePhone.sessionToken()?.split(".")[0] ?? "";
    await bobBrowser.post(`/compte/sessions/${phoneId}/terminer`);
    expect((await alicePhone.get("/compte")).status).toBe(200);
    await aliceLaptop.post(`/compte/sessions/${phoneId}/terminer`);
    expect((await alicePhone.get("/compte")).status).toBe(303);
  });
});

describe("two-factor authentication", () => {
  test("asks for the code after the password, refuses a wrong one, accepts the right one", async ({ db, app }) => {
    const user = await createUser(db, { totp: true });
    const browser = new TestClient(app);
    const first = await browser.post("/connexion", { email: user.email, password: user.password });
    expect(first.headers.get("Location")).toMatch(/^\/connexion\/verification/);
    expect((await browser.get("/compte")).headers.get("Location")).toBe("/connexion/verification");
    expect((await browser.post("/connexion/verification", { code: "000000" })).status).toBe(422);
    const ok = await browser.post("/connexion/verification", { code: currentTotp(user.totpKey as Uint8Array) });
    expect(ok.status).toBe(303);
    expect((await browser.get("/compte")).status).toBe(200);
  });

  test("accepts a TOTP code once: the same code from a second sign-in within its window is refused", async ({
    db,
    app,
  }) => {
    const moderator = await createUser(db, { role: "moderator", totp: true });
    const code = currentTotp(moderator.totpKey as Uint8Array);
    const first = new TestClient(app);
    await first.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await first.post("/connexion/verification", { code })).status).toBe(303);
    const replay = new TestClient(app);
    await replay.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await replay.post("/connexion/verification", { code })).status).toBe(422);
    expect((await replay.get("/compte")).headers.get("Location")).toBe("/connexion/verification");
  });

  test("accepts two concurrent submissions of one code only once", async ({ db, app }) => {
    const moderator = await createUser(db, { role: "moderator", totp: true });
    const code = currentTotp(moderator.totpKey as Uint8Array);
    const browsers = [new TestClient(app), new TestClient(app), new TestClient(app)];
    for (const browser of browsers) {
      await browser.post("/connexion", { email: moderator.email, password: moderator.password });
    }
    const statuses = await Promise.all(browsers.map((b) => b.post("/connexion/verification", { code })));
    expect(statuses.map((r) => r.status).sort()).toEqual([303, 422, 422]);
  });

  test("refuses a code from the setup confirmation when it is replayed to sign in", async ({ db, app }) => {
    const representative = await createUser(db, { organisation: "apvf" });
    const browser = new TestClient(app);
    await browser.signIn(representative);
    const setup = await (await browser.get("/compte/double-authentification")).text();
    const key = setup.match(/name="key" value="([A-Z2-7]+)"/)?.[1] ?? "";
    const { decodeTotpKey } = await import("../../src/auth/totp.js");
    const code = currentTotp(decodeTotpKey(key) as Uint8Array);
    expect((await browser.post("/compte/double-authentification", { key, code })).status).toBe(200);
    const other = new TestClient(app);
    await other.post("/connexion", { email: representative.email, password: representative.password });
    expect((await other.post("/connexion/verification", { code })).status).toBe(422);
  });

  test("is required for moderators: staff pages send them to set it up, and work once it is on", async ({
    db,
    app,
  }) => {
    const moderator = await createUser(db, { role: "moderator" });
    const browser = new TestClient(app);
    await browser.signIn(moderator);
    const refused = await browser.get("/admin");
    expect(refused.status).toBe(303);
    expect(refused.headers.get("Location")).toBe("/compte/double-authentification?message=deux-facteurs-requis");
    expect((await browser.post("/admin/invitations/nouvelle", { email: "x@exemple.fr" })).status).toBe(403);

    const setup = await (await browser.get("/compte/double-authentification")).text();
    const key = setup.match(/name="key" value="([A-Z2-7]+)"/)?.[1] ?? "";
    expect(key).toHaveLength(32);
    const { decodeTotpKey } = await import("../../src/auth/totp.js");
    const wrong = await browser.post("/compte/double-authentification", { key, code: "123456" });
    expect(wrong.status).toBe(422);
    const enabled = await browser.post("/compte/double-authentification", {
      key,
      code: currentTotp(decodeTotpKey(key) as Uint8Array),
    });
    expect(enabled.status).toBe(200);
    const codes = [...(await enabled.text()).matchAll(/<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code>/g)].map(
      (m) => m[1],
    );
    expect(codes).toHaveLength(10);
    expect((await browser.get("/admin")).status).toBe(200);

    const other = new TestClient(app);
    await other.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await other.post("/connexion/verification", { code: codes[0] ?? "" })).status).toBe(303);
    const again = new TestClient(app);
    await again.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await again.post("/connexion/verification", { code: codes[0] ?? "" })).status).toBe(422);
  });

  test("cannot be switched off by staff", async ({ db, app }) => {
    const admin = await createUser(db, { role: "administrator", totp: true });
    const browser = new TestClient(app);
    await browser.signIn(admin);
    expect(
      (await browser.post("/compte/double-authentification/desactiver", { password: admin.password })).status,
    ).toBe(403);
  });
});

describe("authorization of staff pages", () => {
  test("refuses representatives and anonymous visitors", async ({ db, app }) => {
    const representative = await createUser(db, { organisation: "apvf", totp: true });
    const browser = new TestClient(app);
    await browser.signIn(representative);
    expect((await browser.get("/admin")).status).toBe(403);
    expect((await browser.get("/admin/personnes")).status).toBe(403);
    expect(
      (await browser.post("/admin/invitations/nouvelle", { email: "x@exemple.fr", role: "administrator" })).status,
    ).toBe(403);
    const anonymous = await new TestClient(app).get("/admin/personnes");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("Location")).toBe("/connexion?suite=%2Fadmin%2Fpersonnes");
  });

  test("keeps moderators out of administration", async ({ db, app }) => {
    const moderator = await createUser(db, { role: "moderator", totp: true });
    const browser = new TestClient(app);
    await browser.signIn(moderator);
    expect((await browser.get("/admin")).status).toBe(200);
    expect((await browser.get("/admin/personnes")).status).toBe(403);
    expect((await browser.get("/admin/journal")).status).toBe(403);
  });

  test("only redirects to local paths after sign-in", async ({ db, app }) => {
    const user = await createUser(db);
    const response = await new TestClient(app).post("/connexion", {
      email: user.email,
      password: user.password,
      suite: "//evil.example/x",
    });
    expect(response.headers.get("Location")).toBe("/");
  });
});
