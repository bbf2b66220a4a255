import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories.js";
import { createTestApp } from "../helpers/app.js";
import { TestClient } from "../helpers/client.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

/**
 * Every text a member, a moderator or an administrator can send, with a NUL or another control
 * character in it, as a role that reaches the handler: a 422 with the French message beside the
 * field, what was typed kept without the invisible characters, and never an error log.
 */
let database: TestDatabase;
let app: Hono<any>;
const logLines: { level: number; msg?: string }[] = [];
const clients: Record<"visitor" | "representative" | "moderator" | "admin", TestClient> = {} as never;
let commentId: string;
let targetId: string;
let debateSlug: string;
let voteSlug: string;
const NUL = "Texte tapé\u0000 ici";
const ESC = "Texte tapé\u001b ici";
const KEPT = "Texte tapé ici";
const MESSAGE = "caractères invisibles";

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db, { LOG_LEVEL: "info" }, { logLines: logLines as unknown[] }).app;
  [debateSlug, voteSlug] = (await firstProposalSlugs(database.db)) as [string, string];
  await openVoteNow(database.db, voteSlug);
  clients.visitor = new TestClient(app);
  clients.representative = new TestClient(app);
  await clients.representative.signIn(await createUser(database.db, { organisation: "apvf" }));
  clients.moderator = new TestClient(app);
  await clients.moderator.signIn(await createUser(database.db, { role: "moderator", totp: true }));
  clients.admin = new TestClient(app);
  await clients.admin.signIn(await createUser(database.db, { role: "administrator", totp: true }));
  targetId = (await createUser(database.db, { organisation: "apvf" })).id;
  const posted = await clients.representative.post(`/propositions/${debateSlug}/commentaires`, {
    position: "pour",
    body: "Un commentaire témoin",
  });
  expect(posted.status).toBe(303);
  const row = await database.db
    .selectFrom("comment")
    .select("id")
    .where("body", "=", "Un commentaire témoin")
    .executeTakeFirstOrThrow();
  commentId = row.id;
  const reporter = new TestClient(app);
  await reporter.signIn(await createUser(database.db, { organisation: "alliance-usagers-soins-proximite" }));
  expect((await reporter.post(`/commentaires/${commentId}/signaler`, { regle: "autre" })).status).toBe(303);
});
afterAll(() => database.destroy());

const errorLogs = () => logLines.filter((line) => line.level >= 50);

type FormCase = {
  who: keyof typeof clients;
  path: () => string;
  form: (bad: string) => Record<string, string>;
  /** The field whose error must be shown, when the page names one. */
  kept?: boolean;
};

const forms: FormCase[] = [
  {
    who: "visitor",
    path: () => "/connexion",
    form: (bad) => ({ email: `${bad.replaceAll(" ", "")}@exemple.fr`, password: "x" }),
  },
  {
    who: "visitor",
    path: () => "/mot-de-passe-oublie",
    form: (bad) => ({ email: `${bad.replaceAll(" ", "")}@exemple.fr` }),
  },
  {
    who: "representative",
    path: () => `/propositions/${debateSlug}/commentaires`,
    form: (bad) => ({ position: "pour", body: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: () => `/commentaires/${commentId}/repondre`,
    form: (bad) => ({ body: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: () => `/commentaires/${commentId}/modifier`,
    form: (bad) => ({ body: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: () => `/commentaires/${commentId}/signaler`,
    form: (bad) => ({ regle: "autre", precisions: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: () => `/propositions/${voteSlug}/vote`,
    form: (bad) => ({ choix: "pour", motivation: bad }),
    kept: true,
  },
  { who: "representative", path: () => `/propositions/${voteSlug}/vote`, form: (bad) => ({ choix: `pour${bad}` }) },
  {
    who: "representative",
    path: () => "/compte/mot-de-passe",
    form: (bad) => ({ currentPassword: bad, password: "x", confirmation: "x" }),
  },
  {
    who: "moderator",
    path: () => `/moderation/commentaires/${commentId}/masquer`,
    form: (bad) => ({ regle: "autre", motif: bad }),
    kept: true,
  },
  {
    who: "moderator",
    path: () => `/moderation/commentaires/${commentId}/classer`,
    form: (bad) => ({ "motif-classement": bad }),
    kept: true,
  },
  {
    who: "moderator",
    path: () => `/moderation/personnes/${targetId}/suspendre`,
    form: (bad) => ({ commentaire: commentId, "motif-compte": bad }),
    kept: true,
  },
  {
    who: "moderator",
    path: () => `/moderation/propositions/${debateSlug}/verrouiller`,
    form: (bad) => ({ motif: bad }),
  },
  {
    who: "moderator",
    path: () => `/moderation/propositions/${debateSlug}/synthese`,
    form: (bad) => ({ synthese: bad }),
    kept: true,
  },
  {
    who: "admin",
    path: () => `/admin/votes/${debateSlug}/transition`,
    form: (bad) => ({ numero: "1", transition: "ouvrir", "motif-1": bad }),
    kept: true,
  },
  {
    who: "admin",
    path: () => `/admin/votes/${debateSlug}/calendrier`,
    form: (bad) => ({ numero: "1", "ouverture-1": `2030-01-10T09:00${bad}`, "quorum-1": "0,5" }),
    kept: true,
  },
  {
    who: "admin",
    path: () => "/admin/organisations/nouvelle",
    form: (bad) => ({ slug: "nouvelle-org", name: bad, kind: "association-patients", college: "usagers" }),
    kept: true,
  },
  { who: "admin", path: () => "/admin/organisations/import", form: (bad) => ({ csv: `slug,name\n${bad},x` }) },
  {
    who: "admin",
    path: () => "/admin/invitations/nouvelle",
    form: (bad) => ({ email: "nouvelle@exemple.fr", role: "moderator", organisationId: "", mandateNote: bad }),
    kept: true,
  },
  { who: "admin", path: () => `/admin/personnes/${targetId}/suspendre`, form: (bad) => ({ motif: bad }), kept: true },
];

describe("control characters in every form", () => {
  for (const { who, path, form, kept } of forms) {
    it(`${who} POST ${path.toString().replace(/^\(\) => /, "")}: 422 beside the field, no error log`, async () => {
      const before = errorLogs().length;
      for (const bad of [NUL, ESC]) {
        const response = await clients[who].post(path(), form(bad));
        const html = await response.text();
        expect(response.status).toBe(422);
        expect(html).toContain(MESSAGE);
        if (kept) expect(html).toContain(KEPT);
      }
      expect(errorLogs().slice(before)).toEqual([]);
    });
  }

  it("refuses a CSV file with a NUL beside the file input", async () => {
    const form = new FormData();
    form.set("csv", "");
    form.set("file", new File([`slug,name\n${NUL},x`], "organisations.csv", { type: "text/csv" }));
    const response = await clients.admin.postMultipart("/admin/organisations/import", form);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(MESSAGE);
  });

  it("still accepts tabs and line breaks, which people do type", async () => {
    const response = await clients.representative.post(`/propositions/${debateSlug}/commentaires`, {
      position: "contre",
      body: "Première ligne\r\n\tseconde ligne",
    });
    expect(response.status).toBe(303);
  });
});

describe("control characters and undecodable bytes in addresses", () => {
  const paths = [
    "/propositions/a%00b",
    "/organisations/a%00b",
    "/dossier/a%00b",
    "/propositions/a%00b/commentaires",
    "/mot-de-passe/nouveau/a%00b",
    "/invitation/a%00b",
    "/static/a%00b.css",
    "/propositions/%E0%A4%A",
  ];
  for (const path of paths) {
    it(`GET ${path} is a 404 page without an error log`, async () => {
      const before = errorLogs().length;
      for (const who of ["visitor", "representative"] as const) {
        const response = await clients[who].get(path);
        expect(response.status).toBe(404);
        expect(await response.text()).toContain('<html lang="fr"');
      }
      expect(errorLogs().slice(before)).toEqual([]);
    });
  }

  const queries = [
    "/recherche?q=a%00b",
    `/propositions/stages/commentaires?position=%00`,
    "/notifications/desabonnement?jeton=a%00b",
    "/connexion?suite=%2F%00",
  ];
  for (const path of queries) {
    it(`GET ${path} is a 400 page without an error log`, async () => {
      const before = errorLogs().length;
      for (const who of ["visitor", "representative"] as const) {
        const response = await clients[who].get(path);
        expect(response.status).toBe(400);
        expect(await response.text()).toContain("caractères invisibles");
      }
      expect(errorLogs().slice(before)).toEqual([]);
    });
  }

  it("a search without control characters still answers", async () => {
    expect((await clients.visitor.get("/recherche?q=m%C3%A9decin")).status).toBe(200);
  });
});
