import { type Context, Hono } from "hono";
import type { Kysely } from "kysely";
import { DossierPage, type DossierProposalView } from "../../../views/dossier/DossierPage.js";
import { dossierText as t } from "../../../views/dossier/dossier.text.js";
import { dossierMarginsCss } from "../../../views/dossier/dossier-margins.css.js";
import { GENESIS_HASH } from "../../audit/canonical-json.js";
import { readChainTip } from "../../audit/chain.js";
import type { Database } from "../../db/database.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { listVoteProposals, loadResults } from "../ballots/index.js";
import { loadSynthesis } from "../moderation/index.js";
import { countOrganisations } from "../organisations/index.js";
import { isJournalHash, listProposalBodies } from "./dossier.queries.js";

const HEAD_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Public printable dossier: every proposal, or one; and the stylesheet of its printed margins,
 * one URL per journal head (declared before `/:slug`, which it would otherwise match).
 */
export function dossierRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/", deps.publicPage, (c) => showDossier(c, deps))
    .get("/marges.css", (c) => sendMarginsCss(c, deps))
    .get("/:slug", deps.publicPage, (c) => showProposalDossier(c, deps));
}

async function showDossier(c: Context<AppEnv>, deps: RouteDeps) {
  return renderPage(c, <DossierPage view={await loadDossier(deps)} />, { title: t.title });
}

async function showProposalDossier(c: Context<AppEnv, "/:slug">, deps: RouteDeps) {
  const view = await loadDossier(deps, c.req.param("slug"));
  if (view.proposals.length === 0) throw notFound("Aucune proposition ne porte cette adresse.");
  return renderPage(c, <DossierPage view={view} />, { title: `${t.title} — ${view.proposals[0]?.title ?? ""}` });
}

/** Printed margins for one head: never changes for that URL, so kept by browsers for a year. */
async function sendMarginsCss(c: Context<AppEnv>, { db, config }: RouteDeps) {
  const head = c.req.query("tete") ?? "";
  if (!HEAD_PATTERN.test(head) || !(await isJournalHash(db, head)))
    throw notFound("Cette empreinte n'est pas dans le journal.");
  return c.body(dossierMarginsCss({ head, origin: config.publicOrigin }), 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
  });
}

async function loadDossier({ db, config }: RouteDeps, slug?: string) {
  const [rows, bodies, tip, organisationCount] = await Promise.all([
    listVoteProposals(db),
    listProposalBodies(db),
    readChainTip(db),
    countOrganisations(db),
  ]);
  const head = tip.head ?? GENESIS_HASH;
  return {
    proposals: await loadProposals(db, rows, bodies, slug),
    generatedAt: new Date(),
    organisationCount,
    journal: { length: tip.length, head },
    origin: config.publicOrigin,
    marginsHref: `/dossier/marges.css?tete=${head}`,
  };
}

async function loadProposals(
  db: Kysely<Database>,
  rows: Awaited<ReturnType<typeof listVoteProposals>>,
  bodies: { id: string; body: string }[],
  slug: string | undefined,
): Promise<DossierProposalView[]> {
  const bodyOf = new Map(bodies.map((b) => [b.id, b.body]));
  const chosen = rows.filter((p) => p.status !== "brouillon" && (slug === undefined || p.slug === slug));
  return Promise.all(
    chosen.map(async (p) => ({
      number: p.number,
      slug: p.slug,
      title: p.title,
      body: bodyOf.get(p.id) ?? "",
      status: p.status,
      results: p.status === "clos" ? await loadResults(db, p) : null,
      synthesis: await loadSynthesis(db, p.id),
    })),
  );
}
