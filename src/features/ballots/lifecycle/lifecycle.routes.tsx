import { type Context, Hono } from "hono";
import { ballotsText as t } from "../../../../views/ballots/ballots.text.js";
import { type VoteAdminFailure, VotesAdminPage } from "../../../../views/ballots/lifecycle/VotesAdminPage.js";
import { text } from "../../../../views/common/text.js";
import { requireCapability } from "../../../auth/guards.js";
import { ADOPTION_RULES, type AdoptionRule } from "../../../domain/ballots.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../../http/env.js";
import {
  type FieldErrors,
  type FormRefusal,
  formRefusal,
  hasControlCharacters,
  readTextFields,
  withoutControlCharacters,
} from "../../../http/forms.js";
import { renderPage } from "../../../http/render.js";
import { listVoteProposals } from "../results/results.queries.js";
import { countOrganisations, type ScheduleInput } from "./lifecycle.queries.js";
import { type ManualTransition, scheduleVote, transitionByHand } from "./lifecycle.service.js";
import { formatParisDateTime, parseParisDateTime } from "./paris-time.js";

const MESSAGES: Record<string, string> = { calendrier: t.admin.saved, transition: t.admin.done };
const TRANSITIONS: readonly string[] = ["debat", "ouvrir", "clore"];

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

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
    const values = await readTextFields(c);
    const field = (name: string) => (values[`${name}-${values.numero ?? ""}`] ?? "").trim();
    const parsed = parseSchedule(field, await countOrganisations(db));
    const failure = { slug, form: "calendrier" as const, values: withoutControlCharacters(values) };
    if (!parsed.ok) return showPage(c, { ...failure, errors: parsed.errors });
    const refused = await attempt(c, failure, () => scheduleVote(db, actor(c), slug, parsed.data));
    return refused ?? c.redirect("/admin/votes?message=calendrier", 303);
  });

  app.post("/:slug/transition", async (c) => {
    const slug = c.req.param("slug");
    const values = await readTextFields(c);
    const reasonField = `motif-${values.numero ?? ""}`;
    const transition = values.transition ?? "";
    const reason = (values[reasonField] ?? "").trim();
    const failure = { slug, form: "transition" as const, values: withoutControlCharacters(values) };
    if (!TRANSITIONS.includes(transition)) return showPage(c, { ...failure, errors: { _form: t.admin.badTransition } });
    if (reason.length < 1 || reason.length > 500)
      return showPage(c, { ...failure, errors: { [reasonField]: t.admin.reasonRequired } });
    if (hasControlCharacters(reason))
      return showPage(c, { ...failure, errors: { [reasonField]: text.errors.controlCharacters } });
    const refused = await attempt(c, failure, () =>
      transitionByHand(db, actor(c), slug, transition as ManualTransition, reason),
    );
    return refused ?? c.redirect("/admin/votes?message=transition", 303);
  });
  return app;
}

/** Each unreadable value is refused beside its own field (422), never with a generic page. */
export function parseSchedule(field: (name: string) => string, organisations: number): Parsed<ScheduleInput> {
  const errors: FieldErrors = {};
  const date = (base: string) => {
    const value = field(base);
    if (value === "") return null;
    const parsed = parseParisDateTime(value);
    if (!parsed) errors[base] = t.admin.badDate;
    return parsed ?? null;
  };
  const opensAt = date("ouverture");
  const closesAt = date("cloture");
  if (opensAt && closesAt && closesAt <= opensAt) errors.cloture = t.admin.badWindow;
  const quorumFraction = Number(field("quorum").replace(",", ".") || "0.5");
  if (!(quorumFraction > 0 && quorumFraction <= 1)) errors.quorum = t.admin.badQuorumFraction;
  const count = field("quorum-nombre");
  const quorumCount = count === "" ? null : /^\d{1,6}$/.test(count) ? Number(count) : Number.NaN;
  if (quorumCount !== null && !(Number.isInteger(quorumCount) && quorumCount > 0 && quorumCount <= organisations))
    errors["quorum-nombre"] = t.admin.badQuorumCount(organisations);
  const rule = field("regle") || "majorite_exprimes";
  if (!(ADOPTION_RULES as readonly string[]).includes(rule)) errors.regle = t.admin.badRule;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: {
      opensAt,
      closesAt,
      quorumFraction: Math.round(quorumFraction * 10_000) / 10_000,
      quorumCount,
      adoptionRule: rule as AdoptionRule,
      showRunningTally: field("decomptes") === "true",
    },
  };
}
