import { describe, expect } from "vitest";
import { createUser } from "../factories.js";
import { test as base, type Cast, everyKindOfPerson, type LogLine, witnessComment } from "../helpers/context.js";
import { firstProposalSlugs, openVoteNow } from "../helpers/votes.js";

/**
 * Every text a member, a moderator or an administrator can send, with a NUL or another control
 * character in it, as a role that reaches the handler: a 422 with the French message beside the
 * field, what was typed kept without the invisible characters, and never an error log.
 */
const NUL = "Texte tapé\u0000 ici";
const ESC = "Texte tapé\u001b ici";
const KEPT = "Texte tapé ici";
const MESSAGE = "caractères invisibles";

type Clients = Cast;
/** What the forms act on: a debate, an open vote, a reported comment and a person to suspend. */
interface World {
  debateSlug: string;
  voteSlug: string;
  commentId: string;
  targetId: string;
}

const test = base.extend<{ clients: Clients; world: World }>({
  clients: async ({ app, as }, use) => {
    await use(await everyKindOfPerson(app, as));
  },
  world: async ({ db, clients, as }, use) => {
    const [debateSlug, voteSlug] = (await firstProposalSlugs(db)) as [string, string];
    await openVoteNow(db, voteSlug);
    const targetId = (await createUser(db, { organisation: "apvf" })).id;
    const commentId = await witnessComment(db, clients.representative, debateSlug);
    const reporter = await as("alliance-usagers-soins-proximite");
    expect((await reporter.post(`/commentaires/${commentId}/signaler`, { regle: "autre" })).status).toBe(303);
    await use({ debateSlug, voteSlug, commentId: commentId, targetId });
  },
});

const errorLogs = (logLines: LogLine[]) => logLines.filter((line) => line.level >= 50);

type FormCase = {
  who: keyof Clients;
  path: (world: World) => string;
  form: (bad: string, world: World) => Record<string, string>;
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
    path: ({ debateSlug }) => `/propositions/${debateSlug}/commentaires`,
    form: (bad) => ({ position: "pour", body: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: ({ commentId }) => `/commentaires/${commentId}/repondre`,
    form: (bad) => ({ body: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: ({ commentId }) => `/commentaires/${commentId}/modifier`,
    form: (bad) => ({ body: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: ({ commentId }) => `/commentaires/${commentId}/signaler`,
    form: (bad) => ({ regle: "autre", precisions: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: ({ voteSlug }) => `/propositions/${voteSlug}/vote`,
    form: (bad) => ({ choix: "pour", motivation: bad }),
    kept: true,
  },
  {
    who: "representative",
    path: ({ voteSlug }) => `/propositions/${voteSlug}/vote`,
    form: (bad) => ({ choix: `pour${bad}` }),
  },
  {
    who: "representative",
    path: () => "/compte/mot-de-passe",
    form: (bad) => ({ currentPassword: bad, password: "x", confirmation: "x" }),
  },
  {
    who: "moderator",
    path: ({ commentId }) => `/moderation/commentaires/${commentId}/masquer`,
    form: (bad) => ({ regle: "autre", motif: bad }),
    kept: true,
  },
  {
    who: "moderator",
    path: ({ commentId }) => `/moderation/commentaires/${commentId}/classer`,
    form: (bad) => ({ "motif-classement": bad }),
    kept: true,
  },
  {
    who: "moderator",
    path: ({ targetId }) => `/moderation/personnes/${targetId}/suspendre`,
    form: (bad, { commentId }) => ({ commentaire: commentId, "motif-compte": bad }),
    kept: true,
  },
  {
    who: "moderator",
    path: ({ debateSlug }) => `/moderation/propositions/${debateSlug}/verrouiller`,
    form: (bad) => ({ motif: bad }),
  },
  {
    who: "moderator",
    path: ({ debateSlug }) => `/moderation/propositions/${debateSlug}/synthese`,
    form: (bad) => ({ synthese: bad }),
    kept: true,
  },
  {
    who: "admin",
    path: ({ debateSlug }) => `/admin/votes/${debateSlug}/transition`,
    form: (bad) => ({ numero: "1", transition: "ouvrir", "motif-1": bad }),
    kept: true,
  },
  {
    who: "admin",
    path: ({ debateSlug }) => `/admin/votes/${debateSlug}/calendrier`,
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
  {
    who: "admin",
    path: ({ targetId }) => `/admin/personnes/${targetId}/suspendre`,
    form: (bad) => ({ motif: bad }),
    kept: true,
  },
];

describe("control characters in every form", () => {
  test.override({ env: { LOG_LEVEL: "info" } });

  for (const { who, path, form, kept } of forms) {
    test(`${who} POST ${path.toString().replace(/^\([^)]*\) => /, "")}: 422 beside the field, no error log`, async ({
      clients,
      world,
      logLines,
    }) => {
      const before = errorLogs(logLines).length;
      for (const bad of [NUL, ESC]) {
        const response = await clients[who].post(path(world), form(bad, world));
        const html = await response.text();
        expect(response.status).toBe(422);
        expect(html).toContain(MESSAGE);
        if (kept) expect(html).toContain(KEPT);
      }
      expect(errorLogs(logLines).slice(before)).toEqual([]);
    });
  }

  test("refuses a CSV file with a NUL beside the file input", async ({ clients }) => {
    const form = new FormData();
    form.set("csv", "");
    form.set("file", new File([`slug,name\n${NUL},x`], "organisations.csv", { type: "text/csv" }));
    const response = await clients.admin.postMultipart("/admin/organisations/import", form);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(MESSAGE);
  });

  test("still accepts tabs and line breaks, which people do type", async ({ clients, world: { debateSlug } }) => {
    const response = await clients.representative.post(`/propositions/${debateSlug}/commentaires`, {
      position: "contre",
      body: "Première ligne\r\n\tseconde ligne",
    });
    expect(response.status).toBe(303);
  });
});

describe("control characters and undecodable bytes in addresses", () => {
  test.override({ env: { LOG_LEVEL: "info" } });

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
    test(`GET ${path} is a 404 page without an error log`, async ({ clients, logLines }) => {
      const before = errorLogs(logLines).length;
      for (const who of ["visitor", "representative"] as const) {
        const response = await clients[who].get(path);
        expect(response.status).toBe(404);
        expect(await response.text()).toContain('<html lang="fr"');
      }
      expect(errorLogs(logLines).slice(before)).toEqual([]);
    });
  }

  const queries = [
    "/recherche?q=a%00b",
    `/propositions/stages/commentaires?position=%00`,
    "/notifications/desabonnement?jeton=a%00b",
    "/connexion?suite=%2F%00",
  ];
  for (const path of queries) {
    test(`GET ${path} is a 400 page without an error log`, async ({ clients, logLines }) => {
      const before = errorLogs(logLines).length;
      for (const who of ["visitor", "representative"] as const) {
        const response = await clients[who].get(path);
        expect(response.status).toBe(400);
        expect(await response.text()).toContain("caractères invisibles");
      }
      expect(errorLogs(logLines).slice(before)).toEqual([]);
    });
  }

  test("a search without control characters still answers", async ({ clients }) => {
    expect((await clients.visitor.get("/recherche?q=m%C3%A9decin")).status).toBe(200);
  });
});
