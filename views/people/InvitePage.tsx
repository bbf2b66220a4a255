import { Field, Flash, Select, TextArea } from "../components/Form.js";
import { peopleText as t } from "./people.text.js";

export interface InvitePageProps {
  organisations: { id: string; name: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function InvitePage({ organisations, values, errors }: InvitePageProps) {
  const roles = (["representative", "moderator", "administrator"] as const).map((role) => ({
    value: role,
    label: t.roles[role],
  }));
  return (
    <section class="narrow" aria-labelledby="titre-inviter">
      <h1 id="titre-inviter">{t.invite.title}</h1>
      <p class="lead">{t.invite.lead}</p>
      {errors._form ? <Flash kind="error">{errors._form}</Flash> : null}
      <form method="post" action="/admin/invitations/nouvelle">
        <Field
          label={t.invite.email}
          name="email"
          type="email"
          value={values.email}
          error={errors.email}
          required
          maxLength={254}
        />
        <Select
          label={t.invite.role}
          name="role"
          value={values.role ?? "representative"}
          error={errors.role}
          options={roles}
          required
        />
        <Select
          label={t.invite.organisation}
          name="organisationId"
          value={values.organisationId}
          error={errors.organisationId}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          placeholder={t.invite.none}
        />
        <p class="muted">{t.invite.organisationHint}</p>
        <TextArea
          label={t.invite.note}
          name="mandateNote"
          value={values.mandateNote}
          error={errors.mandateNote}
          hint={t.invite.noteHint}
          rows={2}
          maxLength={500}
        />
        <button type="submit">{t.invite.submit}</button>
      </form>
    </section>
  );
}
