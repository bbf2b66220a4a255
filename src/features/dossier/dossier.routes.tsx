import { type Context, Hono } from "hono";
import type { Kysely } from "kysely";
import { DossierPage, type DossierProposalView } from "../../../views/dossier/DossierPage.js";
import { dossierText as t } from "../../../views/dossier/dossier.text.js";
import type { Database } from "../../db/database.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { listVoteProposals, loadResults } from "../ballots/index.js";
import { loadSynthesis } from "../moderation/index.js";

/** Public printable dossier: every proposal, or one. */
export function dossierRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/", deps.publicPage, (c) => showDossier(c, deps))
    .get("/:slug", deps.publicPage, (c) => showProposalDossier(c, deps));
}

async function showDossier(c: Context<AppEnv>, { db }: RouteDeps) {
  const proposals = await loadDossier(db);
  return renderPage(c, <DossierPage proposals={proposals} generatedAt={new Date()} />, { title: t.title });
}

async function showProposalDossier(c: Context<AppEnv, "/:slug">, { db }: RouteDeps) {
  const proposals = await loadDossier(db, c.req.param("slug"));
  if (proposals.length === 0) throw notFound("Aucune proposition ne porte cette adresse.");
  return renderPage(c, <DossierPage proposals={proposals} generatedAt={new Date()} />, {
    title: `${t.title} — ${proposals[0]?.title ?? ""}`,
  });
}

async function loadDossier(db: Kysely<Database>, slug?: string): Promise<DossierProposalView[]> {
  const [rows, bodies] = await Promise.all([
    listVoteProposals(db),
    db.selectFrom("proposal").select(["id", "body"]).execute(),
  ]);
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
