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

/**
 * The staff area, mounted at `/admin` and guarded as a whole for moderators: its home, then people,
 * invitations, mandates and the admin journal for administrators. The votes and organisations
 * areas are nested into it where the application is composed (app.ts).
 */
export function peopleRoutes({ db, config }: AppDeps) {
  const app = new Hono<AppEnv>().use(requireCapability("moderate"));
  const administer = requireCapability("administer");
  const actor = (c: Context<ActorEnv>) => c.var.actor.id;

  app.get("/", (c) =>
    renderPage(c, <AdminHomePage isAdmin={can(c.var.actor, "administer")} />, { title: t.adminTitle }),
  );

  /** The people page; a refused reason form comes back beside its person with what was typed (422). */
  async function showPeople(c: Context<ActorEnv>, failure?: ReasonFailure) {
    const [people, invitations] = await Promise.all([listPeople(db), listPendingInvitations(db)]);
    const rows = people.map((p) => ({ ...p, totpEnabled: p.totpEnabledAt !== null }));
    const message = failure ? undefined : t.messages[c.req.query("message") ?? ""];
    const page = <PeoplePage people={rows} invitations={invitations} message={message} failure={failure} />;
    return renderPage(c, page, { title: t.people.title }, failure ? 422 : 200);
  }

  const refusedReason = (c: Context<ActorEnv>, form: { values: Record<string, string>; errors: FieldErrors }) =>
    showPeople(c, {
      action: c.req.path,
      value: form.values.motif ?? "",
      error: form.errors.motif ?? t.people.formError,
    });

  app.get("/personnes", administer, (c) => showPeople(c));

  app.get("/invitations/nouvelle", administer, async (c) =>
    renderPage(c, <InvitePage organisations={await listOrganisationChoices(db)} values={{}} errors={{}} />, {
      title: t.invite.title,
    }),
  );

  app.post("/invitations/nouvelle", administer, async (c) => {
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
        actor(c),
        { ...form.data, organisationId: form.data.organisationId || null },
        config.publicOrigin,
      );
    } catch (error) {
      const refusal = formRefusal(error, "email");
      if (!refusal) throw error;
      return retry(refusal.errors, refusal.status);
    }
    return c.redirect("/admin/personnes?message=invited", 303);
  });

  app.post(`/invitations/${ID}/renvoyer`, administer, async (c) => {
    await resendInvitation(db, actor(c), idParam(c), config.publicOrigin);
    return c.redirect("/admin/personnes?message=resent", 303);
  });

  app.post(`/invitations/${ID}/revoquer`, administer, async (c) => {
    await revokeInvitation(db, actor(c), idParam(c));
    return c.redirect("/admin/personnes?message=revoked", 303);
  });

  app.post(`/personnes/${ID}/suspendre`, administer, async (c) => {
    const form = await readForm(c, reasonForm);
    if (!form.ok) return refusedReason(c, form);
    await suspendPerson(db, actor(c), idParam(c), form.data.motif);
    return c.redirect("/admin/personnes?message=suspended", 303);
  });

  app.post(`/personnes/${ID}/reintegrer`, administer, async (c) => {
    await reinstatePerson(db, actor(c), idParam(c));
    return c.redirect("/admin/personnes?message=reinstated", 303);
  });

  app.post(`/mandats/${ID}/terminer`, administer, async (c) => {
    const form = await readForm(c, reasonForm);
    if (!form.ok) return refusedReason(c, form);
    await endMandate(db, actor(c), idParam(c), form.data.motif);
    return c.redirect("/admin/personnes?message=mandate-ended", 303);
  });

  app.get("/journal", administer, async (c) =>
    renderPage(c, <AdminJournalPage actions={await listAdminActions(db)} />, { title: t.journal.title }),
  );

  return app;
}
