import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/people.js";
import { createUser } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>["app"];

/** Page cache on, as in production: public pages keep their ETag for visitors. */
beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db, { PAGE_CACHE_MS: "60000" }).app;
});
afterAll(async () => {
  await database.destroy();
});

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

async function signedIn(role: Role): Promise<TestClient> {
  const user = await createUser(database.db, {
    role,
    organisation: role === "representative" ? "apvf" : undefined,
    totp: role !== "representative",
  });
  const client = new TestClient(app);
  await client.signIn(user);
  return client;
}

describe("private pages are never stored by a browser or a proxy", () => {
  for (const role of Object.keys(PAGES_BY_ROLE) as Role[]) {
    it(`every page a signed-in ${role} sees is private, no-store`, async () => {
      const client = await signedIn(role);
      for (const path of PAGES_BY_ROLE[role]) expectNotStored(await client.get(path), path);
    });
  }

  it("the sign-in, password and second-factor forms are private for visitors too", async () => {
    for (const path of ["/connexion", "/mot-de-passe-oublie"]) expectNotStored(await app.request(path), path);
    const user = await createUser(database.db, { role: "moderator", totp: true });
    const client = new TestClient(app);
    await client.post("/connexion", { email: user.email, password: user.password });
    expectNotStored(await client.get("/connexion/verification"), "/connexion/verification");
  });

  it("a visitor's public page keeps its shared-cache validators", async () => {
    const first = await app.request("/organisations");
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).not.toBe("");
    expect((await app.request("/organisations", { headers: { "If-None-Match": etag } })).status).toBe(304);
  });
});
