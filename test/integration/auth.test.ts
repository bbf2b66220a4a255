import { sha256 } from "@oslojs/crypto/sha2";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, currentTotp, DEFAULT_PASSWORD } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>["app"];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = createTestApp(database.db));
});
afterAll(() => database.destroy());

const client = () => new TestClient(app);

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and redirects", async () => {
    const user = await createUser(database.db, { organisation: "apvf" });
    const response = await client().post("/connexion", { email: user.email, password: user.password });
    expect(response.status).toBe(303);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^session=[a-z0-9]+\.[a-z0-9]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
  });

  it("uses a __Host- cookie with Secure when served over https", async () => {
    const { app: httpsApp } = createTestApp(database.db, { PUBLIC_ORIGIN: "https://concertation.example.org" });
    const user = await createUser(database.db);
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

  it("stores only the SHA-256 of the session secret", async () => {
    const user = await createUser(database.db);
    const browser = client();
    await browser.signIn(user);
    const [id, secret] = (browser.sessionToken() ?? "").split(".");
    const row = await database.db
      .selectFrom("user_session")
      .selectAll()
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.secret_hash)).toEqual(Buffer.from(sha256(new TextEncoder().encode(secret))));
    const dump = JSON.stringify(await database.db.selectFrom("user_session").selectAll().execute());
    expect(dump).not.toContain(secret);
  });

  it("rotates the session at every sign-in and ends the previous one", async () => {
    const user = await createUser(database.db);
    const browser = client();
    await browser.signIn(user);
    const first = browser.sessionToken();
    await browser.signIn(user);
    const second = browser.sessionToken();
    expect(second).not.toBe(first);
    const ids = await database.db.selectFrom("user_session").select("id").where("user_id", "=", user.id).execute();
    expect(ids.map((r) => r.id)).toEqual([second?.split(".")[0]]);
  });

  it("gives the same answer for an unknown email and a wrong password, keeping the email", async () => {
    const user = await createUser(database.db);
    const wrong = await client().post("/connexion", { email: user.email, password: "pas le bon mot de passe" });
    const unknown = await client().post("/connexion", {
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

  it("rejects a forged or malformed session cookie", async () => {
    const user = await createUser(database.db);
    const browser = client();
    await browser.signIn(user);
    const [id] = (browser.sessionToken() ?? "").split(".");
    browser.cookies.set("session", `${id}.${"a".repeat(32)}`);
    expect((await browser.get("/compte")).status).toBe(303);
    browser.cookies.set("session", "n'importe.quoi.du.tout");
    expect((await browser.get("/compte")).status).toBe(303);
  });
});

describe("throttling", () => {
  it("imposes a growing wait after repeated failures, even for the right password, then lets through", async () => {
    const user = await createUser(database.db);
    for (let attempt = 0; attempt < 5; attempt++) {
      await client().post("/connexion", { email: user.email, password: `mauvais-${attempt}-mot-de-passe` });
    }
    const blocked = await client().post("/connexion", { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/Trop de tentatives\. Réessayez dans \d+ secondes\./);
    const row = await database.db
      .selectFrom("auth_throttle")
      .selectAll()
      .where("key", "=", `compte:${user.email}`)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
    await database.db.updateTable("auth_throttle").set({ blocked_until: sql`now() - interval '1 second'` }).execute();
    expect((await client().post("/connexion", { email: user.email, password: user.password })).status).toBe(303);
    const cleared = await database.db
      .selectFrom("auth_throttle")
      .select("key")
      .where("key", "=", `compte:${user.email}`)
      .executeTakeFirst();
    expect(cleared).toBeUndefined();
  });

  it("an attacker's failures do not block the owner signing in from another address, and still slow the attacker", async () => {
    const { app: proxied } = createTestApp(database.db, { TRUST_PROXY: "true" });
    const fromIp = (ip: string, email: string, password: string) =>
      new TestClient(proxied).post("/connexion", { email, password }, { "Fly-Client-IP": ip });
    const owner = await createUser(database.db);
    for (let attempt = 0; attempt < 12; attempt++) {
      await fromIp("198.51.100.66", owner.email, `mauvais-${attempt}-mot-de-passe`);
    }
    expect((await fromIp("198.51.100.66", owner.email, owner.password)).status).toBe(429);
    expect((await fromIp("192.0.2.10", owner.email, owner.password)).status).toBe(303);
  });

  it("a distributed attack on one account meets a wait on every address", async () => {
    const { app: proxied } = createTestApp(database.db, { TRUST_PROXY: "true" });
    const fromIp = (ip: string, email: string, password: string) =>
      new TestClient(proxied).post("/connexion", { email, password }, { "Fly-Client-IP": ip });
    const owner = await createUser(database.db);
    for (let address = 1; address <= 11; address++) {
      for (let attempt = 0; attempt < 5; attempt++) {
        await fromIp(`198.51.100.${address}`, owner.email, `mauvais-${attempt}-mot-de-passe`);
      }
    }
    expect((await fromIp("192.0.2.20", owner.email, owner.password)).status).toBe(429);
  });
});

describe("session lifetime", () => {
  it("ends a session after inactivity and at its absolute expiry", async () => {
    const user = await createUser(database.db);
    const idle = client();
    await idle.signIn(user);
    await database.db
      .updateTable("user_session")
      .set({ last_seen_at: sql`now() - interval '8 days'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await idle.get("/compte")).status).toBe(303);

    const old = client();
    await old.signIn(user);
    await database.db
      .updateTable("user_session")
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where("user_id", "=", user.id)
      .execute();
    expect((await old.get("/compte")).status).toBe(303);
    expect(await database.db.selectFrom("user_session").select("id").where("user_id", "=", user.id).execute()).toEqual(
      [],
    );
  });
});

describe("password change", () => {
  it("ends the other sessions and keeps the current one", async () => {
    const user = await createUser(database.db);
    const laptop = client();
    const phone = client();
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
      (await client().post("/connexion", { email: user.email, password: "un tout nouveau mot de passe" })).status,
    ).toBe(303);
  });

  it("keeps the form and explains a wrong current password, a common or short new one", async () => {
    const user = await createUser(database.db);
    const browser = client();
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
  it("lists one's sessions and ends one, but never another person's", async () => {
    const alice = await createUser(database.db);
    const bob = await createUser(database.db);
    const aliceLaptop = client();
    const alicePhone = client();
    const bobBrowser = client();
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
  it("asks for the code after the password, refuses a wrong one, accepts the right one", async () => {
    const user = await createUser(database.db, { totp: true });
    const browser = client();
    const first = await browser.post("/connexion", { email: user.email, password: user.password });
    expect(first.headers.get("Location")).toMatch(/^\/connexion\/verification/);
    expect((await browser.get("/compte")).headers.get("Location")).toBe("/connexion/verification");
    expect((await browser.post("/connexion/verification", { code: "000000" })).status).toBe(422);
    const ok = await browser.post("/connexion/verification", { code: currentTotp(user.totpKey as Uint8Array) });
    expect(ok.status).toBe(303);
    expect((await browser.get("/compte")).status).toBe(200);
  });

  it("accepts a TOTP code once: the same code from a second sign-in within its window is refused", async () => {
    const moderator = await createUser(database.db, { role: "moderator", totp: true });
    const code = currentTotp(moderator.totpKey as Uint8Array);
    const first = client();
    await first.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await first.post("/connexion/verification", { code })).status).toBe(303);
    const replay = client();
    await replay.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await replay.post("/connexion/verification", { code })).status).toBe(422);
    expect((await replay.get("/compte")).headers.get("Location")).toBe("/connexion/verification");
  });

  it("accepts two concurrent submissions of one code only once", async () => {
    const moderator = await createUser(database.db, { role: "moderator", totp: true });
    const code = currentTotp(moderator.totpKey as Uint8Array);
    const browsers = [client(), client(), client()];
    for (const browser of browsers) {
      await browser.post("/connexion", { email: moderator.email, password: moderator.password });
    }
    const statuses = await Promise.all(browsers.map((b) => b.post("/connexion/verification", { code })));
    expect(statuses.map((r) => r.status).sort()).toEqual([303, 422, 422]);
  });

  it("refuses a code from the setup confirmation when it is replayed to sign in", async () => {
    const representative = await createUser(database.db, { organisation: "apvf" });
    const browser = client();
    await browser.signIn(representative);
    const setup = await (await browser.get("/compte/double-authentification")).text();
    const key = setup.match(/name="key" value="([A-Z2-7]+)"/)?.[1] ?? "";
    const { decodeTotpKey } = await import("../../src/auth/totp.js");
    const code = currentTotp(decodeTotpKey(key) as Uint8Array);
    expect((await browser.post("/compte/double-authentification", { key, code })).status).toBe(200);
    const other = client();
    await other.post("/connexion", { email: representative.email, password: representative.password });
    expect((await other.post("/connexion/verification", { code })).status).toBe(422);
  });

  it("is required for moderators: staff pages send them to set it up, and work once it is on", async () => {
    const moderator = await createUser(database.db, { role: "moderator" });
    const browser = client();
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

    const other = client();
    await other.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await other.post("/connexion/verification", { code: codes[0] ?? "" })).status).toBe(303);
    const again = client();
    await again.post("/connexion", { email: moderator.email, password: moderator.password });
    expect((await again.post("/connexion/verification", { code: codes[0] ?? "" })).status).toBe(422);
  });

  it("cannot be switched off by staff", async () => {
    const admin = await createUser(database.db, { role: "administrator", totp: true });
    const browser = client();
    await browser.signIn(admin);
    expect(
      (await browser.post("/compte/double-authentification/desactiver", { password: admin.password })).status,
    ).toBe(403);
  });
});

describe("authorization of staff pages", () => {
  it("refuses representatives and anonymous visitors", async () => {
    const representative = await createUser(database.db, { organisation: "apvf", totp: true });
    const browser = client();
    await browser.signIn(representative);
    expect((await browser.get("/admin")).status).toBe(403);
    expect((await browser.get("/admin/personnes")).status).toBe(403);
    expect(
      (await browser.post("/admin/invitations/nouvelle", { email: "x@exemple.fr", role: "administrator" })).status,
    ).toBe(403);
    const anonymous = await client().get("/admin/personnes");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("Location")).toBe("/connexion?suite=%2Fadmin%2Fpersonnes");
  });

  it("keeps moderators out of administration", async () => {
    const moderator = await createUser(database.db, { role: "moderator", totp: true });
    const browser = client();
    await browser.signIn(moderator);
    expect((await browser.get("/admin")).status).toBe(200);
    expect((await browser.get("/admin/personnes")).status).toBe(403);
    expect((await browser.get("/admin/journal")).status).toBe(403);
  });

  it("only redirects to local paths after sign-in", async () => {
    const user = await createUser(database.db);
    const response = await client().post("/connexion", {
      email: user.email,
      password: user.password,
      suite: "//evil.example/x",
    });
    expect(response.headers.get("Location")).toBe("/");
  });
});
