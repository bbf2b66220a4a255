import { type Context, Hono } from "hono";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import { type VoteAdminFailure, VotesAdminPage } from "../../../../views/ballots/lifecycle/VotesAdminPage.js";
import { requireCapability } from "../../../auth/guards.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../../http/env.js";
import { type FieldErrors, type FormRefusal, formRefusal, readForm } from "../../../http/forms.js";
import { renderPage } from "../../../http/render.js";
import { listVoteProposals } from "../results/results.queries.js";
import { perProposalFields, scheduleForm, transitionForm } from "./lifecycle.forms.js";
import { countOrganisations } from "./lifecycle.queries.js";
import { scheduleVote, transitionByHand } from "./lifecycle.service.js";
import { formatParisDateTime } from "./paris-time.js";

const MESSAGES: Record<string, string> = { calendrier: t.admin.saved, transition: t.admin.done };

type Ctx = Context<ActorEnv>;

/** Administrators only (`/admin/votes`): vote schedule, rules and manual transitions. */
export function lifecycleRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("administer"));
  app.get("/", (c) => showVotesAdmin(c, deps));
  app.post("/:slug/calendrier", (c) => postSchedule(c, deps));
  app.post("/:slug/transition", (c) => postTransition(c, deps));
  return app;
}

/** The page, with the refused form (if any) re-rendered with what was typed and its errors. */
async function showVotesAdmin(c: Ctx, deps: AppDeps, failure?: VoteAdminFailure, status: FormRefusal["status"] = 422) {
  const rows = (await listVoteProposals(deps.db)).map((p) => ({
    ...p,
    opensAt: formatParisDateTime(p.voteOpensAt),
    closesAt: formatParisDateTime(p.voteClosesAt),
    quorumFraction: String(Number(p.quorumFraction)).replace(".", ","),
    quorumCount: p.quorumCount === null ? "" : String(p.quorumCount),
  }));
  const message = failure ? undefined : MESSAGES[c.req.query("message") ?? ""];
  const page = <VotesAdminPage rows={rows} message={message} failure={failure} />;
  return renderPage(c, page, { title: t.admin.title }, failure ? status : 200);
}

/** A rule the service refuses (e.g. a schedule locked once the vote opened) comes back on the form too. */
async function attempt(c: Ctx, deps: AppDeps, failure: Omit<VoteAdminFailure, "errors">, work: () => Promise<void>) {
  try {
    await work();
    return undefined;
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return showVotesAdmin(c, deps, { ...failure, errors: refusal.errors }, refusal.status);
  }
}

async function postSchedule(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const slug = c.req.param("slug") ?? "";
  const form = await readForm(c, scheduleForm(await countOrganisations(db)), perProposalFields);
  const failure = { slug, form: "calendrier" as const, values: form.values };
  if (!form.ok) return showVotesAdmin(c, deps, { ...failure, errors: form.errors });
  const refused = await attempt(c, deps, failure, () => scheduleVote(db, c.var.actor.id, slug, form.data));
  return refused ?? c.redirect("/admin/votes?message=calendrier", 303);
}

async function postTransition(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const slug = c.req.param("slug") ?? "";
  const form = await readForm(c, transitionForm, perProposalFields);
  const failure = { slug, form: "transition" as const, values: form.values };
  if (!form.ok) return showVotesAdmin(c, deps, { ...failure, errors: transitionErrors(form.errors) });
  const { transition, motif } = form.data;
  const refused = await attempt(c, deps, failure, () => transitionByHand(db, c.var.actor.id, slug, transition, motif));
  return refused ?? c.redirect("/admin/votes?message=transition", 303);
}

/** The transition is the button pressed, not a field: an unknown one is the whole form's error. */
function transitionErrors({ transition, ...errors }: FieldErrors): FieldErrors {
  return transition ? { ...errors, _form: transition } : errors;
}
