import { describe, expect } from "vitest";
import type { Role } from "../../src/domain/people.js";
import { createUser } from "../factories.js";
import { TestClient } from "../helpers/client.js";
import { test } from "../helpers/context.js";

const PAGES_BY_ROLE: Record<Role, string[]> = {
  representative: [
    "/",
    "/compte",
    "/compte/mot-de-passe",
    "/compte/double-authentification",
    "/compte/notifications",
    "/tableau-de-bord",
    "/propositions/escap",
    "/propositions/escap/debat",
    "/organisations",
    "/resultats",
  ],
  moderator: ["/", "/moderation", "/journal-de-moderation", "/compte", "/propositions/escap"],
  administrator: [
    "/",
    "/admin",
    "/admin/votes",
    "/admin/personnes",
    "/admin/invitations/nouvelle",
    "/admin/organisations",
    "/compte",
    "/moderation",
  ],
};

function expectNotStored(response: Response, path: string): void {
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Cache-Control"), path).toBe("private, no-store");
  expect(response.headers.get("Vary") ?? "", path).toMatch(/\bCookie\b/i);
  expect(response.headers.get("ETag"), path).toBeNull();
}

describe("private pages are never stored by a browser or a proxy", () => {
  /** Page cache on, as in production: public pages keep their ETag for visitors. */
  test.override({ env: { PAGE_CACHE_MS: "60000" } });

  for (const role of Object.keys(PAGES_BY_ROLE) as Role[]) {
    test(`every page a signed-in ${role} sees is private, no-store`, async ({ as }) => {
      const client = await as(role === "representative" ? "apvf" : role);
      for (const path of PAGES_BY_ROLE[role]) expectNotStored(await client.get(path), path);
    });
  }

  test("the sign-in, password and second-factor forms are private for visitors too", async ({ db, app }) => {
    for (const path of ["/connexion", "/mot-de-passe-oublie"]) expectNotStored(await app.request(path), path);
    const user = await createUser(db, { role: "moderator", totp: true });
    const client = new TestClient(app);
    await client.post("/connexion", { email: user.email, password: user.password });
    expectNotStored(await client.get("/connexion/verification"), "/connexion/verification");
  });

  test("a visitor's public page keeps its shared-cache validators", async ({ app }) => {
    const first = await app.request("/organisations");
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).not.toBe("");
    expect((await app.request("/organisations", { headers: { "If-None-Match": etag } })).status).toBe(304);
  });
});
