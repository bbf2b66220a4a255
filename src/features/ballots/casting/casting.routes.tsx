import { type Context, Hono } from "hono";
import { z } from "zod";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import { DashboardPage } from "../../../../views/ballots/casting/DashboardPage.js";
import type { BallotFormState } from "../../../../views/ballots/casting/VotePanel.js";
import { ProposalPage } from "../../../../views/proposals/ProposalPage.js";
import { requireUser } from "../../../auth/guards.js";
import { BALLOT_OUTCOMES, type BallotOutcome, MAX_REASON_LENGTH } from "../../../domain/ballots.js";
import type { ActorEnv, AppEnv, RouteDeps } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { formRefusal, readForm } from "../../../http/forms.js";
import { renderPage } from "../../../http/render.js";
import { mandateOf } from "../../../mandates/mandates.js";
import { findProposalBySlug } from "../../proposals/index.js";
import { castBallot } from "./casting.service.js";
import { loadDashboard } from "./dashboard.service.js";
import { loadVoteSection } from "./vote-section.js";

// The choice is checked by castBallot (422 for an unknown option); here only shapes and sizes.
const ballotForm = z.object({
  choix: z.string().max(40, t.errors.unknownChoice).default(""),
  motivation: z
    .string()
    .max(MAX_REASON_LENGTH + 200, t.errors.reasonTooLong)
    .default(""),
  organisation: z.string().max(40).optional(),
});

export function castingRoutes(deps: RouteDeps) {
  const app = new Hono<AppEnv>();
  app.post("/propositions/:slug/vote", requireUser, (c) => postBallot(c, deps));
  app.get("/tableau-de-bord", requireUser, (c) => showDashboard(c, deps));
  return app;
}

async function postBallot(c: Context<ActorEnv>, deps: RouteDeps) {
  const { db, config } = deps;
  const ballotContext = { publicOrigin: config.publicOrigin, signer: deps.signer };
  const slug = c.req.param("slug") ?? "";
  const form = await readForm(c, ballotForm);
  if (!form.ok) return refused(c, deps, slug, { values: form.values, errors: form.errors });
  try {
    const ballot = { proposalSlug: slug, choice: form.data.choix, reason: form.data.motivation };
    const claimedOrganisationId = form.data.organisation || undefined;
    const { action } = await castBallot(db, c.var.actor, { ...ballot, claimedOrganisationId }, ballotContext);
    return c.redirect(`/propositions/${slug}?message=${BALLOT_MESSAGES[action]}#vote`, 303);
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return refused(c, deps, slug, { values: form.values, errors: refusal.errors });
  }
}

/** The message the proposal page reads after the redirect, to confirm what the ballot form did. */
const BALLOT_MESSAGES: Record<BallotOutcome, string> = {
  cast: "bulletin-enregistre",
  change: "bulletin-modifie",
  unchanged: "bulletin-inchange",
};

export function ballotOutcomeOf(message: string | undefined): BallotOutcome | undefined {
  return BALLOT_OUTCOMES.find((outcome) => BALLOT_MESSAGES[outcome] === message);
}

async function showDashboard(c: Context<ActorEnv>, deps: RouteDeps) {
  const mandate = mandateOf(c.var.actor);
  const dashboard = await loadDashboard(deps.db, mandate.organisationId);
  return renderPage(c, <DashboardPage organisation={mandate.organisationName} rows={dashboard} />, {
    title: t.dashboard.title,
  });
}

/** 422: the proposal page again, with what the person sent and the error next to its field. */
async function refused(c: Context<ActorEnv>, deps: RouteDeps, slug: string, form: BallotFormState) {
  const proposal = await findProposalBySlug(deps.db, slug);
  if (!proposal) throw notFound(t.errors.unknownProposal);
  const user = c.get("user");
  const sections = await deps.regions.load(proposal, user);
  sections.vote = await loadVoteSection(deps, proposal, user, form);
  return renderPage(c, <ProposalPage proposal={proposal} sections={sections} />, { title: proposal.title }, 422);
}
