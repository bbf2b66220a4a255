import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/http/env.js";
import { mountAll } from "../../src/http/mount.js";
import { createUser } from "../factories.js";
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

const guard = createMiddleware<AppEnv>(async (c, next) => {
  c.header("X-Guard", "ran");
  await next();
});
const page = (c: { text(body: string): Response }) => c.text("ok");

/** The paths every area middleware of the composed application covers (the global ones are `/*`). */
function areasOf(composed: Hono<AppEnv>): string[] {
  const areas = composed.routes.filter((r) => r.method === "ALL" && r.path !== "/*").map((r) => r.path);
  return [...new Set(areas)].sort();
}

describe("each guard runs only inside the area that declares it", () => {
  it("the application's guarded areas are exactly these prefixes", () => {
    expect(areasOf(app)).toEqual(
      [
        "/admin/*",
        "/admin/organisations/*",
        "/admin/votes/*",
        "/compte/*",
        "/compte/notifications/*",
        "/dev/courriels/*",
        "/invitation/*",
        "/moderation/*",
        "/moderation/propositions/*",
        "/notifications/*",
      ].sort(),
    );
  });

  it("a guard declared for one area does not run for a sibling mount", async () => {
    const composed = new Hono<AppEnv>();
    mountAll(composed, [
      { prefix: "/zone", routes: new Hono<AppEnv>().use(guard).get("/", page).get("/page", page) },
      { prefix: "/zone-voisine", routes: new Hono<AppEnv>().get("/", page) },
      { prefix: "/", routes: new Hono<AppEnv>().get("/ailleurs", page) },
    ]);
    for (const path of ["/zone", "/zone/page", "/zone/inconnue"]) {
      expect((await composed.request(path)).headers.get("X-Guard"), path).toBe("ran");
    }
    for (const path of ["/zone-voisine", "/ailleurs"]) {
      expect((await composed.request(path)).headers.get("X-Guard"), path).toBeNull();
    }
  });

  it("refuses a middleware aimed at one path instead of the whole sub-app", () => {
    const planted = new Hono<AppEnv>().use("/extra", guard).get("/extra", page).get("/", page);
    expect(() => mountAll(new Hono<AppEnv>(), [{ prefix: "/zone", routes: planted }])).toThrow(/vise un chemin/);
    const atRoot = new Hono<AppEnv>().use("/compte/*", guard).get("/compte/extra", page);
    expect(() => mountAll(new Hono<AppEnv>(), [{ prefix: "/", routes: atRoot }])).toThrow(/garderait tout le site/);
  });

  it("refuses a route of another module inside a guarded area", () => {
    const area = new Hono<AppEnv>().use(guard).get("/", page);
    const intruder = new Hono<AppEnv>().get("/compte/notifications", page);
    expect(() =>
      mountAll(new Hono<AppEnv>(), [
        { prefix: "/compte", routes: area },
        { prefix: "/", routes: intruder },
      ]),
    ).toThrow(/\/compte\/notifications .* zone gardée \/compte/);
  });

  it("refuses a guarded area mounted at the root, where it would guard the whole site", () => {
    const area = new Hono<AppEnv>().use(guard).get("/tableau", page);
    expect(() => mountAll(new Hono<AppEnv>(), [{ prefix: "/", routes: area }])).toThrow(/garderait tout le site/);
  });

  it("keeps each staff area to its own capability: a moderator has the staff home, not the administrators' areas", async () => {
    const moderator = await createUser(database.db, { role: "moderator", totp: true });
    const client = new TestClient(app);
    await client.signIn(moderator);
    expect((await client.get("/admin")).status).toBe(200);
    expect((await client.get("/moderation")).status).toBe(200);
    for (const path of ["/admin/votes", "/admin/organisations", "/admin/personnes", "/admin/journal"]) {
      expect((await client.get(path)).status, path).toBe(403);
    }
  });

  it("marks personal what an area declares personal, and leaves the public pages beside it alone", async () => {
    const personalPaths = ["/notifications/desabonnement?jeton=x", "/invitation/inconnue", "/connexion"];
    for (const path of personalPaths) {
      expect((await app.request(path)).headers.get("Cache-Control"), path).toBe("private, no-store");
    }
    for (const path of ["/", "/organisations", "/propositions/escap", "/resultats"]) {
      expect((await app.request(path)).headers.get("Cache-Control") ?? "", path).not.toContain("no-store");
    }
  });
});
