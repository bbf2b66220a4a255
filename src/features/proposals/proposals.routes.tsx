import { Hono } from "hono";
import { ProposalPage } from "../../../views/proposals/ProposalPage.js";
import type { AppDeps, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { findProposalBySlug } from "./proposals.queries.js";

export function proposalRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get("/propositions/:slug", async (c) => {
    const proposal = await findProposalBySlug(db, c.req.param("slug"));
    if (!proposal) throw notFound("Aucune proposition ne porte cette adresse.");
    return renderPage(c, <ProposalPage proposal={proposal} />, {
      title: proposal.title,
      description: proposal.body.slice(0, 160),
    });
  });
}
