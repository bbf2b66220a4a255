import { type Context, Hono } from "hono";
import { ProposalModerationPage } from "../../../views/moderation/StaffPages.js";
import { requireCapability } from "../../auth/guards.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { readForm } from "../../http/forms.js";
import { renderPage } from "../../http/render.js";
import { findProposalBySlug } from "../proposals/index.js";
import { lockForm, synthesisForm } from "./moderation.forms.js";
import { lockThread, publishSynthesis } from "./moderation.service.js";
import { findLatestSynthesis } from "./synthesis.queries.js";

type Ctx = Context<ActorEnv>;

/** A proposal's thread lock and synthesis, nested in the moderation area at `/moderation/propositions`. */
export function proposalModerationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("moderate"));
  app.get("/:slug", (c) => showProposalModeration(c, deps));
  app.post("/:slug/verrouiller", (c) => postLock(c, deps));
  app.post("/:slug/deverrouiller", (c) => postUnlock(c, deps));
  app.post("/:slug/synthese", (c) => postSynthesis(c, deps));
  return app;
}

async function postLock(c: Ctx, deps: AppDeps) {
  const proposal = await findProposal(c, deps);
  const form = await readForm(c, lockForm);
  if (!form.ok) return showProposalModeration(c, deps, form.values, form.errors);
  await lockThread(deps.db, c.var.actor, { proposalId: proposal.id, reason: form.data.motif });
  return c.redirect(`/moderation/propositions/${proposal.slug}`, 303);
}

async function postUnlock(c: Ctx, deps: AppDeps) {
  const proposal = await findProposal(c, deps);
  await lockThread(deps.db, c.var.actor, { proposalId: proposal.id, reason: null });
  return c.redirect(`/moderation/propositions/${proposal.slug}`, 303);
}

async function postSynthesis(c: Ctx, deps: AppDeps) {
  const proposal = await findProposal(c, deps);
  const form = await readForm(c, synthesisForm);
  if (!form.ok) return showProposalModeration(c, deps, form.values, form.errors);
  await publishSynthesis(deps.db, c.var.actor, { proposalId: proposal.id, body: form.data.synthese });
  return c.redirect(`/propositions/${proposal.slug}#synthese`, 303);
}

async function findProposal(c: Ctx, deps: AppDeps) {
  const proposal = await findProposalBySlug(deps.db, c.req.param("slug") ?? "");
  if (!proposal) throw notFound("Aucune proposition ne porte cette adresse.");
  return proposal;
}

async function showProposalModeration(
  c: Ctx,
  deps: AppDeps,
  values?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const proposal = await findProposal(c, deps);
  const [locked, synthesis] = await Promise.all([
    deps.db.selectFrom("proposal").select("thread_locked_reason").where("id", "=", proposal.id).executeTakeFirst(),
    findLatestSynthesis(deps.db, proposal.id, false),
  ]);
  const view = {
    slug: proposal.slug,
    number: proposal.number,
    title: proposal.title,
    lockedReason: locked?.thread_locked_reason ?? null,
  };
  const synthesisView = synthesis
    ? { body: synthesis.body, version: synthesis.version, published: synthesis.publishedAt !== null }
    : null;
  const page = <ProposalModerationPage proposal={view} synthesis={synthesisView} form={{ values, errors }} />;
  return renderPage(c, page, { title: proposal.title }, errors ? 422 : 200);
}
