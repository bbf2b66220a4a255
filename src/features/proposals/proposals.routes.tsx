import { type Context, Hono } from "hono";
import { ProposalPage } from "../../../views/proposals/ProposalPage.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { findProposalBySlug } from "./proposals.queries.js";

/** A proposal's page, public: its text and the regions each feature draws (vote, debate, synthesis). */
export function proposalRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get("/:slug", deps.publicPage, (c) => showProposal(c, deps));
}

async function showProposal(c: Context<AppEnv, "/:slug">, deps: RouteDeps) {
  const proposal = await findProposalBySlug(deps.db, c.req.param("slug"));
  if (!proposal) throw notFound("Aucune proposition ne porte cette adresse.");
  const sections = await deps.regions.load(proposal, c.get("user"), { message: c.req.query("message") });
  return renderPage(c, <ProposalPage proposal={proposal} sections={sections} />, {
    title: proposal.title,
    description: proposal.body.slice(0, 160),
  });
}
