import type { Kysely } from "kysely";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.js";
import { verifyExport } from "../../src/features/ballots/results/verify.js";
import type { BallotChainExport as ChainExport } from "../../src/features/ballots/results/view-models/results.model.js";
import { createUser } from "../factories.js";
import type { TestClient } from "../helpers/client.js";
import { type As, test } from "../helpers/context.js";
import { asWritten } from "../helpers/emails.js";
import { readUntil } from "../helpers/live.js";

let keys = 0;
const key = () => `cle${Date.now()}x${++keys}`;

const moderator = (as: As) => as({ role: "moderator", name: "Modeste Modératrice" });

async function postComment(client: TestClient, slug: string, body: string, parentId?: string): Promise<string> {
  const response = parentId
    ? await client.post(`/commentaires/${parentId}/repondre`, { cle: key(), body })
    : await client.post(`/propositions/${slug}/commentaires`, { cle: key(), position: "contre", body });
  expect(response.status).toBe(303);
  return /#c-(\d+)$/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
}

describe("charter and reports", () => {
  test("shows the charter publicly with the five rules", async ({ app }) => {
    const page = await (await app.request("/charte")).text();
    for (const rule of ["hors-sujet", "insultes", "données personnelles", "désinformation", "autre"]) {
      expect(page).toContain(rule);
    }
  });

  test("counts a second report by the same person once, and says so", async ({ db, as }) => {
    const author = await as("apvf");
    const id = await postComment(author, "stages", "Un argument à signaler deux fois.");
    const reporter = await as("alliance-usagers-soins-proximite");
    const first = await reporter.post(`/commentaires/${id}/signaler`, {
      regle: "hors-sujet",
      precisions: "Rien à voir",
    });
    expect(first.headers.get("Location")).toBe(`/commentaires/${id}/signaler?etat=envoye`);
    const second = await reporter.post(`/commentaires/${id}/signaler`, { regle: "insultes" });
    expect(second.headers.get("Location")).toBe(`/commentaires/${id}/signaler?etat=deja`);
    expect(await (await reporter.get(second.headers.get("Location") ?? "")).text()).toContain("déjà signalé");
    const rows = await db.selectFrom("moderation_report").selectAll().where("comment_id", "=", id).execute();
    expect(rows).toHaveLength(1);
  });

  test("refuses a report without a rule (422) and a visitor (redirect to sign-in)", async ({ app, as }) => {
    const author = await as("apvf");
    const id = await postComment(author, "stages", "Argument sans signalement valable.");
    const client = await as("alliance-usagers-soins-proximite");
    expect((await client.post(`/commentaires/${id}/signaler`, { regle: "" })).status).toBe(422);
    expect((await app.request(`/commentaires/${id}/signaler`)).status).toBe(303);
  });
});

describe("who may moderate", () => {
  test("answers 403 to a representative on every moderation route", async ({ db, as }) => {
    const author = await as("apvf");
    const id = await postComment(author, "stages", "Argument que seul un modérateur peut masquer.");
    const client = await as("alliance-usagers-soins-proximite");
    expect((await client.get("/moderation")).status).toBe(403);
    expect((await client.get(`/moderation/commentaires/${id}`)).status).toBe(403);
    const hide = await client.post(`/moderation/commentaires/${id}/masquer`, { regle: "insultes", motif: "x" });
    expect(hide.status).toBe(403);
    expect((await client.post("/moderation/propositions/stages/verrouiller", { motif: "x" })).status).toBe(403);
    const row = await db.selectFrom("comment").select("hidden_at").where("id", "=", id).executeTakeFirst();
    expect(row?.hidden_at).toBeNull();
  });

  test("refuses a moderator who represents the comment's organisation (403)", async ({ as }) => {
    const author = await as("apvf");
    const id = await postComment(author, "stages", "Argument de ma propre organisation.");
    const client = await as({ role: "moderator", organisation: "apvf" });
    const response = await client.post(`/moderation/commentaires/${id}/masquer`, { regle: "autre", motif: "x" });
    expect(response.status).toBe(403);
  });

  test("refuses a moderator suspending staff (403) or a member of their own organisation (403)", async ({ db, as }) => {
    const admin = await createUser(db, { role: "administrator", totp: true });
    const colleague = await createUser(db, { organisation: "apvf" });
    const client = await as({ role: "moderator", organisation: "apvf" });
    const form = { "motif-compte": "Essai" };
    expect((await client.post(`/moderation/personnes/${admin.id}/suspendre`, form)).status).toBe(403);
    expect((await client.post(`/moderation/personnes/${colleague.id}/suspendre`, form)).status).toBe(403);
    const rows = await db.selectFrom("app_user").select("status").where("id", "in", [admin.id, colleague.id]).execute();
    expect(rows.every((row) => row.status === "active")).toBe(true);
  });

  test("refuses hiding without a rule with 422", async ({ as }) => {
    const author = await as("apvf");
    const id = await postComment(author, "stages", "Argument à masquer sans règle.");
    const client = await moderator(as);
    const response = await client.post(`/moderation/commentaires/${id}/masquer`, { regle: "", motif: "Pourquoi" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Choisissez la règle");
  });
});

describe("a hidden body never reaches the public", () => {
  const SECRET = "Numéro de sécurité sociale de Jeanne 2850775123456";

  /** A reported comment carrying a personal datum, with a reply, hidden by a moderator. */
  async function hiddenComment(db: Kysely<Database>, as: As) {
    const author = await as({ organisation: "apvf", email: `auteur-${Date.now()}@exemple.fr` });
    const id = await postComment(author, "escap", SECRET);
    const other = await as("alliance-usagers-soins-proximite");
    const replyId = await postComment(other, "escap", "Une réponse qui doit rester visible.", id);
    await other.post(`/commentaires/${id}/signaler`, { regle: "donnees-personnelles" });
    const last = await db
      .selectFrom("live_event")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    const lastEventBefore = String(last?.id ?? "0");
    const mod = await moderator(as);
    const queue = await (await mod.get("/moderation")).text();
    expect(queue).toContain("Numéro de sécurité sociale");
    expect(queue).toContain("1 signalement");
    const response = await mod.post(`/moderation/commentaires/${id}/masquer`, {
      regle: "donnees-personnelles",
      motif: "Donnée de santé d'une personne identifiable.",
    });
    expect(response.status).toBe(303);
    return { id, replyId, lastEventBefore, mod, author };
  }

  test("shows the tombstone with the rule and the reason on the proposal page; replies stay", async ({
    db,
    app,
    as,
  }) => {
    const { replyId } = await hiddenComment(db, as);
    const page = await (await app.request("/propositions/escap")).text();
    expect(page).not.toContain("2850775123456");
    expect(page).toContain("Masqué par la modération — motif : données personnelles");
    expect(page).toContain("Une réponse qui doit rester visible.");
    expect(page).toContain(`c-${replyId}`);
  });

  test("keeps it out of the thread page, the history, the htmx fragment and the search", async ({ db, app, as }) => {
    const { id } = await hiddenComment(db, as);
    for (const path of [
      "/propositions/escap",
      `/commentaires/${id}`,
      `/commentaires/${id}/historique`,
      `/propositions/escap/debat?tri=recent`,
      `/propositions/escap/commentaires`,
    ]) {
      const full = await (await app.request(path)).text();
      const fragment = await (await app.request(path, { headers: { "HX-Request-Type": "partial" } })).text();
      expect(full, path).not.toContain("2850775123456");
      expect(fragment, path).not.toContain("2850775123456");
      expect(full, path).not.toContain("Jeanne");
    }
    // The search page echoes the query itself, so look for the result instead.
    const search = await (await app.request("/recherche?q=s%C3%A9curit%C3%A9%20sociale%20Jeanne")).text();
    expect(search).not.toContain(`/commentaires/${id}`);
    expect(search).not.toContain("2850775123456");
  });

  test("keeps it out of the live event (SSE), which carries the tombstone", async ({ db, app, as }) => {
    const { lastEventBefore } = await hiddenComment(db, as);
    const response = await app.request(`/propositions/escap/direct?depuis=${lastEventBefore}`);
    const text = await readUntil(response, (t) => t.includes("Masqué par la modération"), 6000);
    expect(text).not.toContain("2850775123456");
  });

  test("keeps it out of the public journals and exports", async ({ db, app, as }) => {
    await hiddenComment(db, as);
    for (const path of ["/journal-de-moderation", "/journal.json", "/journal", "/resultats.json", "/resultats.csv"]) {
      const body = await (await app.request(path)).text();
      expect(body, path).not.toContain("2850775123456");
    }
  });

  test("keeps it out of every open data download, which never carries an email", async ({ db, app, as }) => {
    const { id, replyId } = await hiddenComment(db, as);
    const page = await (await app.request("/donnees")).text();
    expect(page).toContain("Licence Ouverte 2.0");
    const downloads = [...page.matchAll(/href="(\/donnees\/[a-z-]+\.(?:csv|json))"/g)].map((m) => m[1] ?? "");
    expect(downloads).toHaveLength(12);
    for (const path of downloads) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).not.toContain("2850775123456");
      expect(body, path).not.toMatch(/@exemple\.fr/);
    }
    const comments = (await (await app.request("/donnees/commentaires.json")).json()) as Record<string, unknown>[];
    const hidden = comments.find((row) => row.identifiant === id);
    expect(hidden).toMatchObject({ texte: null, masque_regle: "donnees-personnelles" });
    expect(comments.find((row) => row.identifiant === replyId)?.texte).toBe("Une réponse qui doit rester visible.");
    const csv = await (await app.request("/donnees/commentaires.csv")).text();
    expect(csv.split("\r\n")[0]).toBe(
      "identifiant,reponse_a,proposition,organisation,nom_organisation,position,date,modifie_le,soutiens,masque_regle,masque_motif,texte",
    );
  });

  test("lets moderators still read it", async ({ db, as }) => {
    const { id, mod } = await hiddenComment(db, as);
    const page = await (await mod.get(`/moderation/commentaires/${id}`)).text();
    expect(page).toContain("2850775123456");
  });

  test("records the decision in the public journal by role, not by name, in the audit chain", async ({
    db,
    app,
    as,
  }) => {
    const { id, mod } = await hiddenComment(db, as);
    const journal = await (await app.request("/journal-de-moderation")).text();
    expect(journal).toContain("Commentaire masqué");
    expect(journal).toContain("Donnée de santé d&#39;une personne identifiable.");
    expect(journal).toContain("modération");
    expect(journal).not.toContain("Modeste Modératrice");
    const chain = (await (await app.request("/journal.json")).json()) as {
      events: { kind: string; payload: unknown }[];
    };
    const event = chain.events.find((e) => e.kind === "moderation.hide");
    expect(event?.payload).toMatchObject({ target: `comment:${id}`, role: "moderator", rule: "donnees-personnelles" });
    const action = await db
      .selectFrom("moderation_action")
      .selectAll()
      .where("target_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(action.actor_id).toBe(mod.user.id);
  });

  test("emails the author with the rule, the reason and how to contest", async ({ db, as }) => {
    await hiddenComment(db, as);
    const mail = asWritten(
      await db
        .selectFrom("email_outbox")
        .selectAll()
        .where("kind", "=", "moderation")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow(),
    );
    expect(mail.recipient).toMatch(/^auteur-/);
    expect(mail.body_text).toContain("données personnelles");
    expect(mail.body_text).toContain("Donnée de santé");
    expect(mail.body_text).toContain("contester");
  });

  test("refuses the author's edit of a hidden comment", async ({ db, as }) => {
    const { id, author } = await hiddenComment(db, as);
    expect((await author.get(`/commentaires/${id}/modifier`)).status).toBe(403);
    expect((await author.post(`/commentaires/${id}/modifier`, { body: "Nouveau texte" })).status).toBe(403);
  });
});

describe("every other action lands in the journal", () => {
  test("restores, dismisses, pins, locks and unlocks, suspends and reinstates", async ({ db, app, as }) => {
    const authorClient = await as("apvf");
    const author = authorClient.user;
    const id = await postComment(authorClient, "guichet-unique", "Un argument solide et bien sourcé.");
    const reporter = await as("alliance-usagers-soins-proximite");
    await reporter.post(`/commentaires/${id}/signaler`, { regle: "desinformation" });
    const mod = await moderator(as);
    const ok = async (path: string, form: Record<string, string> = {}) =>
      expect((await mod.post(path, form)).status, path).toBe(303);
    await ok(`/moderation/commentaires/${id}/classer`, { "motif-classement": "Argument sourcé." });
    await ok(`/moderation/commentaires/${id}/masquer`, { regle: "autre", motif: "Erreur" });
    await ok(`/moderation/commentaires/${id}/retablir`, { motif: "Masqué par erreur." });
    await ok(`/moderation/commentaires/${id}/epingler`);
    await ok("/moderation/propositions/guichet-unique/verrouiller", { motif: "Pause de 24 heures." });
    const locked = await authorClient.post("/propositions/guichet-unique/commentaires", {
      cle: key(),
      position: "pour",
      body: "Pendant le verrouillage",
    });
    expect(locked.status).toBe(403);
    await ok("/moderation/propositions/guichet-unique/deverrouiller");
    await ok(`/moderation/personnes/${author.id}/suspendre`, { "motif-compte": "Insultes répétées." });
    const sessions = await db.selectFrom("user_session").where("user_id", "=", author.id).execute();
    expect(sessions).toHaveLength(0);
    await ok(`/moderation/personnes/${author.id}/reactiver`);
    await ok(`/moderation/commentaires/${id}/desepingler`);
    const kinds = (
      await db.selectFrom("audit_event").select("kind").where("kind", "like", "moderation.%").execute()
    ).map((r) => r.kind);
    for (const kind of ["dismiss", "hide", "restore", "pin", "lock", "unlock", "suspend", "reinstate", "unpin"]) {
      expect(kinds).toContain(`moderation.${kind}`);
    }
    const page = await (await app.request("/propositions/guichet-unique")).text();
    expect(page).toContain("Un argument solide et bien sourcé.");
    const chain = (await (await app.request("/journal.json")).json()) as ChainExport;
    expect(verifyExport(chain)).toMatchObject({ ok: true });
  });

  test("publishes a synthesis with versions kept, before the discussion, linking key arguments", async ({
    db,
    app,
    as,
  }) => {
    const authorClient = await as("apvf");
    const id = await postComment(authorClient, "exercice-mixte", "Argument clé sur l'exercice mixte.");
    const mod = await moderator(as);
    await mod.post(`/moderation/commentaires/${id}/epingler`);
    await mod.post("/moderation/propositions/exercice-mixte/synthese", { synthese: "Première *version*." });
    const response = await mod.post("/moderation/propositions/exercice-mixte/synthese", {
      synthese: `Les organisations **convergent**. Voir [l'argument](/commentaires/${id}).`,
    });
    expect(response.status).toBe(303);
    const versions = await db.selectFrom("synthesis_version").selectAll().execute();
    expect(versions.filter((v) => v.body.includes("version")).length).toBeGreaterThanOrEqual(1);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const page = await (await app.request("/propositions/exercice-mixte")).text();
    expect(page).toContain("<strong>convergent</strong>");
    expect(page).toContain("Arguments clés");
    expect(page.indexOf('id="synthese"')).toBeLessThan(page.indexOf('id="debat"'));
    expect(await (await app.request("/journal-de-moderation")).text()).toContain("Synthèse publiée");
    const dossier = await (await app.request("/dossier/exercice-mixte")).text();
    expect(dossier).toContain("<strong>convergent</strong>");
    expect(dossier).toContain("Argument clé sur l");
    const full = await (await app.request("/dossier")).text();
    expect(full.match(/class="dossier-proposal"/g)?.length).toBeGreaterThanOrEqual(3);
    expect((await app.request("/dossier/inconnue")).status).toBe(404);
  });
});

describe("with the public page cache on", () => {
  test.override({ env: { PAGE_CACHE_MS: "60000" } });

  test("never serves a cached page with the body after it was hidden", async ({ app, as }) => {
    const author = await as("apvf");
    const id = await postComment(author, "stages", "Texte mis en cache 7391046 puis masqué.");
    expect(await (await app.request("/propositions/stages")).text()).toContain("7391046");
    const mod = await as("moderator");
    const hidden = await mod.post(`/moderation/commentaires/${id}/masquer`, { regle: "autre", motif: "Test cache." });
    expect(hidden.status).toBe(303);
    expect(await (await app.request("/propositions/stages")).text()).not.toContain("7391046");
  });
});
