import { describe, expect } from "vitest";
import { TEST_ORIGIN } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { test as base, type Cast, everyKindOfPerson, witnessComment } from "../helpers/context.js";

/** Ids that name no row, or alias a real one as a string but not as a number. */
const BAD_IDS = ["0001", "%2B1", "1e0", "%201", "9223372036854775808", "99999999999999999999"];
const PINO_ERROR = 50;

type Clients = Cast;

/** Four people at the door, and one comment a representative posted, `commentId`. */
const test = base.extend<{ clients: Clients; commentId: string }>({
  clients: async ({ app, as }, use) => {
    await use(await everyKindOfPerson(app, as));
  },
  commentId: async ({ db, clients }, use) => {
    await use(await witnessComment(db, clients.representative, "stages"));
  },
});

const errorLogs = (logLines: { level: number }[]) => logLines.filter((line) => line.level >= PINO_ERROR);

describe("ids are canonical decimals, compared by value", () => {
  test.override({ env: { LOG_LEVEL: "info" } });

  test("refuses the administrator's own suspension through a zero-padded id, and keeps the account active", async ({
    db,
    clients: { admin },
  }) => {
    const adminId = admin.user.id;
    for (const id of ["0001".slice(0, 4 - adminId.length) + adminId, `0${adminId}`, `%2B${adminId}`]) {
      const response = await admin.post(`/admin/personnes/${id}/suspendre`, { motif: "x" });
      expect(response.status).toBe(404);
    }
    expect((await admin.post(`/admin/personnes/${adminId}/suspendre`, { motif: "x" })).status).toBe(409);
    const me = await db.selectFrom("app_user").select("status").where("id", "=", adminId).executeTakeFirstOrThrow();
    expect(me.status).toBe("active");
    expect((await admin.get("/admin/personnes")).status).toBe(200);
  });

  type Case = { client: keyof Clients; method: "get" | "post"; path: (id: string) => string; ok: number[] };
  const cases: Case[] = [
    { client: "visitor", method: "get", path: (id) => `/commentaires/${id}`, ok: [200] },
    { client: "representative", method: "get", path: (id) => `/commentaires/${id}/historique`, ok: [200] },
    { client: "representative", method: "get", path: (id) => `/commentaires/${id}/repondre`, ok: [200] },
    { client: "representative", method: "get", path: (id) => `/commentaires/${id}/modifier`, ok: [200] },
    { client: "representative", method: "get", path: (id) => `/commentaires/${id}/supprimer`, ok: [200] },
    { client: "representative", method: "get", path: (id) => `/commentaires/${id}/signaler`, ok: [200] },
    { client: "representative", method: "post", path: (id) => `/commentaires/${id}/soutien`, ok: [303, 403, 409] },
    { client: "moderator", method: "get", path: (id) => `/moderation/commentaires/${id}`, ok: [200] },
    { client: "admin", method: "post", path: (id) => `/admin/invitations/${id}/revoquer`, ok: [] },
    { client: "admin", method: "post", path: (id) => `/admin/mandats/${id}/terminer`, ok: [] },
    { client: "admin", method: "post", path: (id) => `/admin/personnes/${id}/reintegrer`, ok: [] },
    { client: "moderator", method: "post", path: (id) => `/moderation/personnes/${id}/suspendre`, ok: [] },
  ];

  for (const { client: who, method, path, ok } of cases) {
    test(`${method.toUpperCase()} ${path(":id")} answers 404 for non-canonical ids, without an error log`, async ({
      clients,
      commentId,
      logLines,
    }) => {
      const client = clients[who];
      if (ok.length > 0) {
        const control = await client[method](path(commentId));
        expect(ok).toContain(control.status);
      }
      const before = errorLogs(logLines).length;
      for (const id of BAD_IDS) {
        const response = await client[method](path(id), method === "post" ? { motif: "x" } : {});
        expect({ id, status: response.status }).toEqual({ id, status: 404 });
      }
      expect(errorLogs(logLines).slice(before)).toEqual([]);
    });
  }

  test("answers 404 to a session id that is not a token, without an error log", async ({
    clients: { representative },
    logLines,
  }) => {
    const before = errorLogs(logLines).length;
    const response = await representative.post("/compte/sessions/a%00b/terminer");
    expect(response.status).toBe(404);
    expect(errorLogs(logLines).slice(before)).toEqual([]);
  });
});

describe("control characters and unreadable bodies", () => {
  test.override({ env: { LOG_LEVEL: "info" } });

  test("refuses NUL and other control characters in a form field beside it, 422 and no error log", async ({
    app,
    logLines,
  }) => {
    const client = new TestClient(app);
    for (const bad of ["a\u0000b@exemple.fr", "a\u0001b@exemple.fr", "a\u001bb@exemple.fr", "a\u007fb@exemple.fr"]) {
      const signIn = await client.post("/connexion", { email: bad, password: "x" });
      expect(signIn.status).toBe(422);
      const reset = await client.post("/mot-de-passe-oublie", { email: bad });
      expect(reset.status).toBe(422);
      expect(await reset.text()).toContain("caractères invisibles");
    }
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });

  test("answers a multipart body without boundary or closing boundary with a 400 page", async ({ app, logLines }) => {
    for (const contentType of ["multipart/form-data", "multipart/form-data; boundary=XYZ"]) {
      const response = await app.request("/connexion", {
        method: "POST",
        body: '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.fr',
        headers: { Origin: TEST_ORIGIN, "Content-Type": contentType },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Requête illisible");
    }
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
