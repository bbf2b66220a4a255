import { spawn } from "node:child_process";
import { type Kysely, sql } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { DemoAccountsRefusedError, seedDemoAccounts } from "../../src/seed/demo-accounts.js";
import { createUser } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";
import { asWritten } from "../helpers/emails.js";

async function lastLink(
  db: Kysely<Database>,
  recipient: string,
  path: "invitation" | "mot-de-passe/nouveau",
): Promise<string> {
  const email = asWritten(
    await db
      .selectFrom("email_outbox")
      .select(["body_text", "subject", "template"])
      .where("recipient", "=", recipient)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow(),
  );
  const match = email.body_text.match(new RegExp(`http://localhost:3000(/${path}/[a-z0-9]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in: ${email.body_text}`);
  return match[1];
}

const apvfId = async (db: Kysely<Database>) =>
  (await db.selectFrom("organisation").select("id").where("slug", "=", "apvf").executeTakeFirstOrThrow()).id;

describe("invitations", () => {
  test("an administrator invites; the link is single-use and creates the account with its mandate", async ({
    db,
    app,
    as,
  }) => {
    const adminBrowser = await as("administrator");
    const admin = adminBrowser.user;
    const email = "nouvelle.representante@exemple.fr";
    const sent = await adminBrowser.post("/admin/invitations/nouvelle", {
      email,
      role: "representative",
      organisationId: await apvfId(db),
      mandateNote: "Bureau du 3 novembre",
    });
    expect(sent.status).toBe(303);
    const link = await lastLink(db, email, "invitation");

    const visitor = new TestClient(app);
    const page = await visitor.get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Association des petites villes de France (APVF)");
    const weak = await visitor.post(link, { displayName: "Claire Martin", password: "court", confirmation: "court" });
    expect(weak.status).toBe(422);
    const weakHtml = await weak.text();
    expect(weakHtml).toContain('value="Claire Martin"');
    expect(weakHtml).toContain("au moins 12 caractères");

    const accepted = await visitor.post(link, {
      displayName: "Claire Martin",
      password: "la santé pour toutes et tous",
      confirmation: "la santé pour toutes et tous",
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("Location")).toBe("/compte?message=bienvenue");
    const account = await (await visitor.get("/compte")).text();
    expect(account).toContain("Vous représentez Association des petites villes de France (APVF).");
    const mandate = await db
      .selectFrom("mandate")
      .innerJoin("app_user", "app_user.id", "mandate.user_id")
      .select("mandate.note")
      .where("app_user.email", "=", email)
      .executeTakeFirstOrThrow();
    expect(mandate.note).toBe("Bureau du 3 novembre");

    const reused = await new TestClient(app).post(link, {
      displayName: "Intrus",
      password: "une autre phrase de passe",
      confirmation: "une autre phrase de passe",
    });
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain("Ce lien a déjà servi.");
    const actions = await db.selectFrom("admin_action").select("action").where("actor_id", "=", admin.id).execute();
    expect(actions.map((a) => a.action)).toContain("invitation.create");
  });

  test("keeps the form and explains what is wrong", async ({ as }) => {
    const adminBrowser = await as("administrator");
    const admin = adminBrowser.user;
    const missingOrganisation = await adminBrowser.post("/admin/invitations/nouvelle", {
      email: "sans.orga@exemple.fr",
      role: "representative",
      organisationId: "",
    });
    expect(missingOrganisation.status).toBe(422);
    const html = await missingOrganisation.text();
    expect(html).toContain('value="sans.orga@exemple.fr"');
    expect(html).toContain("Un représentant doit représenter une organisation.");
    const badEmail = await adminBrowser.post("/admin/invitations/nouvelle", {
      email: "pas-une-adresse",
      role: "moderator",
      organisationId: "",
    });
    expect(await badEmail.text()).toContain("Cette adresse électronique n&#39;est pas valide.");
    const existing = await adminBrowser.post("/admin/invitations/nouvelle", {
      email: admin.email,
      role: "moderator",
      organisationId: "",
    });
    expect(existing.status).toBe(409);
  });

  test("an expired, revoked or replaced link says so", async ({ db, app, as }) => {
    const adminBrowser = await as("administrator");
    const email = "moderatrice@exemple.fr";
    await adminBrowser.post("/admin/invitations/nouvelle", { email, role: "moderator", organisationId: "" });
    const first = await lastLink(db, email, "invitation");
    const invitation = await db
      .selectFrom("invitation")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    await adminBrowser.post(`/admin/invitations/${invitation.id}/renvoyer`);
    const second = await lastLink(db, email, "invitation");
    expect(second).not.toBe(first);
    expect(await (await new TestClient(app).get(first)).text()).toContain("Ce lien n&#39;est pas valide.");
    await db
      .updateTable("invitation")
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where("id", "=", invitation.id)
      .execute();
    const expired = await new TestClient(app).get(second);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Ce lien a expiré.");
    await db
      .updateTable("invitation")
      .set({ expires_at: sql`now() + interval '1 day'` })
      .where("id", "=", invitation.id)
      .execute();
    await adminBrowser.post(`/admin/invitations/${invitation.id}/revoquer`);
    expect(await (await new TestClient(app).get(second)).text()).toContain("Ce lien a été annulé.");
  });

  test("is refused to anyone but an administrator", async ({ db, as }) => {
    const browser = await as("apvf");
    const attempt = await browser.post("/admin/invitations/nouvelle", {
      email: "pirate@exemple.fr",
      role: "administrator",
      organisationId: "",
    });
    expect(attempt.status).toBe(403);
    const created = await db.selectFrom("invitation").select("id").where("email", "=", "pirate@exemple.fr").execute();
    expect(created).toEqual([]);
  });
});

describe("password reset", () => {
  test("answers the same for unknown addresses, sends a 1-hour single-use link, and ends every session", async ({
    db,
    app,
    as,
  }) => {
    const user = await createUser(db);
    const signedIn = await as(user);
    const unknown = await new TestClient(app).post("/mot-de-passe-oublie", { email: "personne@nulle-part.fr" });
    const known = await new TestClient(app).post("/mot-de-passe-oublie", { email: user.email });
    const message = "Si un compte correspond à cette adresse, un lien de réinitialisation vient d&#39;être envoyé.";
    expect(await unknown.text()).toContain(message);
    expect(await known.text()).toContain(message);
    expect(
      await db.selectFrom("email_outbox").select("id").where("recipient", "=", "personne@nulle-part.fr").execute(),
    ).toEqual([]);

    const link = await lastLink(db, user.email, "mot-de-passe/nouveau");
    const reset = await new TestClient(app).post(link, {
      password: "mon nouveau mot de passe",
      confirmation: "mon nouveau mot de passe",
    });
    expect(reset.status).toBe(303);
    expect((await signedIn.get("/compte")).status).toBe(303);
    const again = await new TestClient(app).post(link, {
      password: "encore un autre mot de passe",
      confirmation: "encore un autre mot de passe",
    });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("Ce lien a déjà servi.");
    expect(
      (await new TestClient(app).post("/connexion", { email: user.email, password: "mon nouveau mot de passe" }))
        .status,
    ).toBe(303);
  });

  test("limits reset requests per IP, known addresses or not, with the same neutral answer", async ({ db }) => {
    const { app: proxied } = createTestApp(db, { TRUST_PROXY: "true" });
    const fromIp = (ip: string, email: string) =>
      new TestClient(proxied).post("/mot-de-passe-oublie", { email }, { "Fly-Client-IP": ip });
    for (let i = 0; i < 10; i++) {
      expect((await fromIp("203.0.113.7", `inconnu${i}@nulle-part.fr`)).status).toBe(200);
    }
    const user = await createUser(db);
    const limited = await fromIp("203.0.113.7", user.email);
    const neutral = await fromIp("203.0.113.8", "inconnu@nulle-part.fr");
    expect(limited.status).toBe(200);
    expect(await limited.text()).toBe(await neutral.text());
    const queued = () => db.selectFrom("email_outbox").select("id").where("recipient", "=", user.email).execute();
    expect(await queued()).toHaveLength(0);
    await fromIp("203.0.113.9", user.email);
    expect(await queued()).toHaveLength(1);
  });

  test("an expired link offers a new one; emails are limited to 3 an hour", async ({ db, app }) => {
    const user = await createUser(db);
    for (let i = 0; i < 5; i++) await new TestClient(app).post("/mot-de-passe-oublie", { email: user.email });
    const sent = await db.selectFrom("email_outbox").select("id").where("recipient", "=", user.email).execute();
    expect(sent).toHaveLength(3);
    const link = await lastLink(db, user.email, "mot-de-passe/nouveau");
    await db
      .updateTable("password_reset")
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where("user_id", "=", user.id)
      .execute();
    const expired = await new TestClient(app).get(link);
    expect(expired.status).toBe(410);
    const html = await expired.text();
    expect(html).toContain("Ce lien a expiré.");
    expect(html).toContain('href="/mot-de-passe-oublie"');
  });
});

describe("suspension and mandates", () => {
  test("suspending ends the sessions and blocks sign-in until reinstated", async ({ db, app, as }) => {
    const adminBrowser = await as("administrator");
    const admin = adminBrowser.user;
    const user = await createUser(db, { organisation: "apvf" });
    const browser = await as(user);
    expect((await adminBrowser.post(`/admin/personnes/${user.id}/suspendre`, { motif: "" })).status).toBe(422);
    expect(
      (await adminBrowser.post(`/admin/personnes/${user.id}/suspendre`, { motif: "Départ de l'organisation" })).status,
    ).toBe(303);
    expect((await browser.get("/compte")).status).toBe(303);
    const refused = await new TestClient(app).post("/connexion", { email: user.email, password: user.password });
    expect(refused.status).toBe(422);
    await adminBrowser.post(`/admin/personnes/${user.id}/reintegrer`);
    expect((await new TestClient(app).post("/connexion", { email: user.email, password: user.password })).status).toBe(
      303,
    );
    expect((await adminBrowser.post(`/admin/personnes/${admin.id}/suspendre`, { motif: "test" })).status).toBe(409);
  });

  test("ending a mandate removes the right to act for the organisation", async ({ db, as }) => {
    const adminBrowser = await as("administrator");
    const user = await createUser(db, { organisation: "apvf" });
    const mandate = await db
      .selectFrom("mandate")
      .select("id")
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect((await adminBrowser.post(`/admin/mandats/${mandate.id}/terminer`, { motif: "Fin de mandat" })).status).toBe(
      303,
    );
    const browser = await as(user);
    expect(await (await browser.get("/compte")).text()).toContain("Vous n&#39;avez pas de mandat en cours");
    const journal = await (await adminBrowser.get("/admin/journal")).text();
    expect(journal).toContain("mandate.end");
  });
});

describe("demo accounts", () => {
  test("are refused in production and created once elsewhere", async ({ db }) => {
    await expect(seedDemoAccounts(db, { nodeEnv: "production" })).rejects.toBeInstanceOf(DemoAccountsRefusedError);
    const first = await seedDemoAccounts(db, { nodeEnv: "development" });
    const second = await seedDemoAccounts(db, { nodeEnv: "development" });
    expect(first).toBe(37);
    expect(second).toBe(0);
  });
});

describe("npm run admin -- create-admin", () => {
  test("prints a one-time link for a first administrator", async ({ database, app }) => {
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/cli/admin.ts", "create-admin", "--email", "premiere.admin@exemple.fr"],
        {
          env: { PATH: process.env.PATH ?? "", DATABASE_URL: database.url, LOG_LEVEL: "silent" },
        },
      );
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      child.on("exit", (code) => resolve({ code, text }));
    });
    expect(output.code, output.text).toBe(0);
    const link = output.text.match(/http:\/\/localhost:3000(\/invitation\/[a-z0-9]+)/)?.[1] ?? "";
    const page = await new TestClient(app).get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("administrateur ou administratrice");
  });
});
