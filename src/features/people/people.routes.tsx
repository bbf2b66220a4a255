import { type Context, Hono } from "hono";
import { z } from "zod";
import { AdminHomePage } from "../../../views/people/AdminHomePage.js";
import { AdminJournalPage } from "../../../views/people/AdminJournalPage.js";
import { InvitePage } from "../../../views/people/InvitePage.js";
import { PeoplePage, type ReasonFailure } from "../../../views/people/PeoplePage.js";
import { peopleText as t } from "../../../views/people/people.text.js";
import { requireCapability } from "../../auth/guards.js";
import { ROLES } from "../../domain/people.js";
import { can } from "../../domain/permissions.js";
import type { ActorEnv, AppDeps, AppEnv } from "../../http/env.js";
import { type FieldErrors, type FormRefusal, formRefusal, readForm } from "../../http/forms.js";
import { ID, idParam } from "../../http/params.js";
import { renderPage } from "../../http/render.js";
import { listAdminActions } from "../admin/index.js";
import { invite, resendInvitation, revokeInvitation } from "./invitations.service.js";
import { listOrganisationChoices, listPendingInvitations, listPeople } from "./people.queries.js";
import { endMandate, reinstatePerson, suspendPerson } from "./people.service.js";

const inviteForm = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Indiquez l'adresse.")
      .max(254, "Adresse trop longue.")
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "Cette adresse électronique n'est pas valide."),
    role: z.enum(ROLES, { error: "Choisissez un rôle." }),
    organisationId: z.string().regex(/^\d*$/, "Organisation inconnue."),
    mandateNote: z.string().trim().max(500, "La note fait au plus 500 caractères.").default(""),
  })
  .refine((v) => v.role !== "representative" || v.organisationId !== "", {
    path: ["organisationId"],
    message: "Un représentant doit représenter une organisation.",
  });

const reasonForm = z.object({ motif: z.string().trim().min(1, "Indiquez un motif.").max(500, "Motif trop long.") });

type Ctx = Context<ActorEnv>;

/** People, invitations, mandates and the journal: administrators only, inside the moderators' area. */
const administer = requireCapability("administer");

/**
 * The staff area, mounted at `/admin` and guarded as a whole for moderators: its home, then people,
 * invitations, mandates and the admin journal for administrators. The votes and organisations
 * areas are nested into it where the application is composed (app.ts).
 */
export function peopleRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("moderate"));
  app.get("/", (c) => showAdminHome(c));
  app.get("/personnes", administer, (c) => showPeople(c, deps));
  app.get("/invitations/nouvelle", administer, (c) => invitePage(c, deps));
  app.post("/invitations/nouvelle", administer, (c) => invitePerson(c, deps));
  app.post(`/invitations/${ID}/renvoyer`, administer, (c) => resendInvitationEmail(c, deps));
  app.post(`/invitations/${ID}/revoquer`, administer, (c) => cancelInvitation(c, deps));
  app.post(`/personnes/${ID}/suspendre`, administer, (c) => suspendAccount(c, deps));
  app.post(`/personnes/${ID}/reintegrer`, administer, (c) => reinstateAccount(c, deps));
  app.post(`/mandats/${ID}/terminer`, administer, (c) => endPersonMandate(c, deps));
  app.get("/journal", administer, (c) => showJournal(c, deps));
  return app;
}

async function showAdminHome(c: Ctx) {
  return renderPage(c, <AdminHomePage isAdmin={can(c.var.actor, "administer")} />, { title: t.adminTitle });
}

/** The people page; a refused reason form comes back beside its person with what was typed (422). */
async function showPeople(c: Ctx, deps: AppDeps, failure?: ReasonFailure) {
  const { db } = deps;
  const [people, invitations] = await Promise.all([listPeople(db), listPendingInvitations(db)]);
  const rows = people.map((p) => ({ ...p, totpEnabled: p.totpEnabledAt !== null }));
  const message = failure ? undefined : t.messages[c.req.query("message") ?? ""];
  const page = <PeoplePage people={rows} invitations={invitations} message={message} failure={failure} />;
  return renderPage(c, page, { title: t.people.title }, failure ? 422 : 200);
}

function refusedReason(c: Ctx, deps: AppDeps, form: { values: Record<string, string>; errors: FieldErrors }) {
  return showPeople(c, deps, {
    action: c.req.path,
    value: form.values.motif ?? "",
    error: form.errors.motif ?? t.people.formError,
  });
}

async function invitePage(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  return renderPage(c, <InvitePage organisations={await listOrganisationChoices(db)} values={{}} errors={{}} />, {
    title: t.invite.title,
  });
}

async function invitePerson(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  const form = await readForm(c, inviteForm);
  const retry = async (errors: Record<string, string>, status: FormRefusal["status"]) =>
    renderPage(
      c,
      <InvitePage organisations={await listOrganisationChoices(db)} values={form.values} errors={errors} />,
      { title: t.invite.title },
      status,
    );
  if (!form.ok) return retry(form.errors, 422);
  try {
    await invite(
      db,
      c.var.actor.id,
      { ...form.data, organisationId: form.data.organisationId || null },
      config.publicOrigin,
    );
  } catch (error) {
    const refusal = formRefusal(error, "email");
    if (!refusal) throw error;
    return retry(refusal.errors, refusal.status);
  }
  return c.redirect("/admin/personnes?message=invited", 303);
}

async function resendInvitationEmail(c: Ctx, deps: AppDeps) {
  const { db, config } = deps;
  await resendInvitation(db, c.var.actor.id, idParam(c), config.publicOrigin);
  return c.redirect("/admin/personnes?message=resent", 303);
}

async function cancelInvitation(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  await revokeInvitation(db, c.var.actor.id, idParam(c));
  return c.redirect("/admin/personnes?message=revoked", 303);
}

async function suspendAccount(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const form = await readForm(c, reasonForm);
  if (!form.ok) return refusedReason(c, deps, form);
  await suspendPerson(db, c.var.actor.id, idParam(c), form.data.motif);
  return c.redirect("/admin/personnes?message=suspended", 303);
}

async function reinstateAccount(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  await reinstatePerson(db, c.var.actor.id, idParam(c));
  return c.redirect("/admin/personnes?message=reinstated", 303);
}

async function endPersonMandate(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  const form = await readForm(c, reasonForm);
  if (!form.ok) return refusedReason(c, deps, form);
  await endMandate(db, c.var.actor.id, idParam(c), form.data.motif);
  return c.redirect("/admin/personnes?message=mandate-ended", 303);
}

async function showJournal(c: Ctx, deps: AppDeps) {
  const { db } = deps;
  return renderPage(c, <AdminJournalPage actions={await listAdminActions(db)} />, { title: t.journal.title });
}
