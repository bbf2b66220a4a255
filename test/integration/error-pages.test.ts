import { describe, expect } from "vitest";
import { MAX_BODY_BYTES } from "../../src/app.js";
import { createUser } from "../factories.js";
import { TEST_ORIGIN } from "../helpers/app.js";
import { test } from "../helpers/context.js";
import { firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
const decodeEntities = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/** The error paragraph tied to the control named `name`, and the control's value. */
function fieldState(html: string, name: string) {
  const control = new RegExp(`<(?:input|textarea|select)[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  const describedBy = /aria-describedby="([^"]*)"/.exec(control)?.[1] ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-erreur")) ?? "";
  const error = errorId ? (new RegExp(`id="${errorId}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? "") : "";
  const value = /value="([^"]*)"/.exec(control)?.[1];
  return { control, error: decodeEntities(error), value: value === undefined ? undefined : decodeEntities(value) };
}

describe("every error status has its own French title in the full layout", () => {
  test("titles a 409 and a 422 for what they are, never « Erreur inattendue »", async ({ db, as }) => {
    const slugs = await firstProposalSlugs(db);
    const admin = await as("administrator");
    const slug = slugs[3] ?? "";
    await openVoteNow(db, slug);
    const number = (await db.selectFrom("proposal").select("number").where("slug", "=", slug).executeTakeFirstOrThrow())
      .number;
    const conflict = await admin.post(`/admin/votes/${slug}/transition`, {
      transition: "ouvrir",
      numero: String(number),
      [`motif-${number}`]: "Encore",
    });
    expect(conflict.status).toBe(409);
    const conflictHtml = await conflict.text();
    expect(titleOf(conflictHtml)).not.toContain("Erreur inattendue");
    const reporter = await as("apvf");
    const badReport = await reporter.post("/commentaires/1/signaler", { regle: "nope" });
    expect([404, 422]).toContain(badReport.status);
    expect(titleOf(await badReport.text())).not.toContain("Erreur inattendue");
  });

  test("answers an oversized body with a full 413 page: doctype, lang, title, stylesheet", async ({ app }) => {
    const big = "x".repeat(MAX_BODY_BYTES + 10);
    const sized = await app.request("/connexion", {
      method: "POST",
      body: `email=${big}`,
      headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const chunked = await app.request("/connexion", {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`email=${big}`));
          controller.close();
        },
      }),
      headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: "half",
    });
    for (const response of [sized, chunked]) {
      expect(response.status).toBe(413);
      const html = await response.text();
      expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(html).toContain('<html lang="fr"');
      expect(titleOf(html)).toContain("Contenu trop volumineux");
      expect(html).toMatch(/<link[^>]+rel="stylesheet"/);
    }
  });

  test("keeps a fragment for htmx partial requests", async ({ app }) => {
    const response = await app.request("/page-qui-n-existe-pas", {
      headers: { "HX-Request": "true", "HX-Request-Type": "partial" },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("<!DOCTYPE html>");
  });
});

describe("admin forms come back with the input kept and the error beside the field", () => {
  test("refuses an unreadable date beside the opening field, keeping every typed value", async ({ db, as }) => {
    const slugs = await firstProposalSlugs(db);
    const admin = await as("administrator");
    const slug = slugs[0] ?? "";
    const response = await admin.post(`/admin/votes/${slug}/calendrier`, {
      numero: "1",
      "ouverture-1": "demain matin",
      "cloture-1": "2027-01-10T18:00",
      "quorum-1": "0,6",
      "quorum-nombre-1": "",
      "regle-1": "majorite_exprimes",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(titleOf(html)).toContain("Calendrier et règles des votes");
    const opening = fieldState(html, "ouverture-1");
    expect(opening.error).toContain("Date illisible");
    expect(opening.value).toBe("demain matin");
    expect(opening.control).toContain('aria-invalid="true"');
    expect(fieldState(html, "cloture-1").value).toBe("2027-01-10T18:00");
    expect(fieldState(html, "quorum-1").value).toBe("0,6");
  });

  test("refuses a quorum over the number of organisations beside the quorum field", async ({ db, as }) => {
    const slugs = await firstProposalSlugs(db);
    const admin = await as("administrator");
    const slug = slugs[0] ?? "";
    const response = await admin.post(`/admin/votes/${slug}/calendrier`, {
      numero: "1",
      "ouverture-1": "",
      "cloture-1": "",
      "quorum-1": "0,5",
      "quorum-nombre-1": "36",
      "regle-1": "majorite_exprimes",
    });
    expect(response.status).toBe(422);
    const count = fieldState(await response.text(), "quorum-nombre-1");
    expect(count.error).toContain("entre 1 et 35");
    expect(count.value).toBe("36");
    const stored = await db
      .selectFrom("proposal")
      .select("quorum_count")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(stored.quorum_count).toBeNull();
  });

  test("refuses a transition without its reason beside the reason field", async ({ db, as }) => {
    const slugs = await firstProposalSlugs(db);
    const admin = await as("administrator");
    const slug = slugs[0] ?? "";
    const statusOf = async () =>
      (await db.selectFrom("proposal").select("status").where("slug", "=", slug).executeTakeFirstOrThrow()).status;
    const before = await statusOf();
    const transition = before === "brouillon" ? "debat" : "ouvrir";
    const response = await admin.post(`/admin/votes/${slug}/transition`, { transition, numero: "1", "motif-1": "  " });
    expect(response.status).toBe(422);
    expect(fieldState(await response.text(), "motif-1").error).toContain("Indiquez un motif");
    expect(await statusOf()).toBe(before);
  });

  test("refuses a suspension or a mandate end without a reason beside that person's field", async ({ db, as }) => {
    const admin = await as("administrator");
    const rep = await createUser(db, { organisation: "apvf", name: "Camille Sans-Motif" });
    const response = await admin.post(`/admin/personnes/${rep.id}/suspendre`, { motif: "" });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(titleOf(html)).toContain("Personnes");
    const id = `motif--admin-personnes-${rep.id}-suspendre`;
    expect(html).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"`));
    expect(html).toContain(`id="${id}-erreur"`);
    expect(html).toContain("Indiquez un motif.");
    const other = await admin.post(`/admin/personnes/${admin.user.id}/suspendre`, { motif: "x".repeat(501) });
    expect(other.status).toBe(422);
    expect(await other.text()).toContain("x".repeat(501));
    const status = await db.selectFrom("app_user").select("status").where("id", "=", rep.id).executeTakeFirstOrThrow();
    expect(status.status).toBe("active");
  });
});

describe("reporting a comment", () => {
  test("shows the length message beside a note over 1,000 characters and keeps the text", async ({ db, as }) => {
    const slugs = await firstProposalSlugs(db);
    const author = await as("apvf");
    const slug = slugs[1] ?? "";
    await db.updateTable("proposal").set({ status: "debat" }).where("slug", "=", slug).execute();
    const posted = await author.post(`/propositions/${slug}/commentaires`, {
      body: "Un argument à signaler",
      position: "pour",
    });
    expect(posted.status).toBe(303);
    const comment = await db.selectFrom("comment").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    const reporter = await as("alliance-usagers-soins-proximite");
    const note = "é".repeat(1001);
    const response = await reporter.post(`/commentaires/${comment.id}/signaler`, { regle: "autre", precisions: note });
    expect(response.status).toBe(422);
    const field = fieldState(await response.text(), "precisions");
    expect(field.error).toContain("1 000");
  });
});
