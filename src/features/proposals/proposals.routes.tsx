import { Hono } from "hono";
import { ProposalPage } from "../../../views/proposals/ProposalPage.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { findProposalBySlug } from "./proposals.queries.js";

export function proposalRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get("/:slug", deps.publicPage, async (c) => {
    const proposal = await findProposalBySlug(deps.db, c.req.param("slug"));
    if (!proposal) throw notFound("Aucune proposition ne porte cette adresse.");
    const sections = await deps.regions.load(proposal, c.get("user"), { message: c.req.query("message") });
    return renderPage(c, <ProposalPage proposal={proposal} sections={sections} />, {
      title: proposal.title,
      description: proposal.body.slice(0, 160),
    });
  });
}
