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

/** Administrators only (`/admin/votes`): vote schedule, rules and manual transitions. */
export function lifecycleRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("administer"));
  const actor = (c: Context<ActorEnv>) => c.var.actor.id;

  /** The page, with the refused form (if any) re-rendered with what was typed and its errors. */
  async function showPage(c: Context<ActorEnv>, failure?: VoteAdminFailure, status: FormRefusal["status"] = 422) {
    const rows = (await listVoteProposals(db)).map((p) => ({
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
  async function attempt(c: Context<ActorEnv>, failure: Omit<VoteAdminFailure, "errors">, work: () => Promise<void>) {
    try {
      await work();
      return undefined;
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      return showPage(c, { ...failure, errors: refusal.errors }, refusal.status);
    }
  }

  app.get("/", (c) => showPage(c));

  app.post("/:slug/calendrier", async (c) => {
    const slug = c.req.param("slug");
    const form = await readForm(c, scheduleForm(await countOrganisations(db)), perProposalFields);
    const failure = { slug, form: "calendrier" as const, values: form.values };
    if (!form.ok) return showPage(c, { ...failure, errors: form.errors });
    const refused = await attempt(c, failure, () => scheduleVote(db, actor(c), slug, form.data));
    return refused ?? c.redirect("/admin/votes?message=calendrier", 303);
  });

  app.post("/:slug/transition", async (c) => {
    const slug = c.req.param("slug");
    const form = await readForm(c, transitionForm, perProposalFields);
    const failure = { slug, form: "transition" as const, values: form.values };
    if (!form.ok) return showPage(c, { ...failure, errors: transitionErrors(form.errors) });
    const { transition, motif } = form.data;
    const refused = await attempt(c, failure, () => transitionByHand(db, actor(c), slug, transition, motif));
    return refused ?? c.redirect("/admin/votes?message=transition", 303);
  });
  return app;
}

/** The transition is the button pressed, not a field: an unknown one is the whole form's error. */
function transitionErrors({ transition, ...errors }: FieldErrors): FieldErrors {
  return transition ? { ...errors, _form: transition } : errors;
}
