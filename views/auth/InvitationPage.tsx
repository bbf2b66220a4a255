import type { Role } from "../../src/domain/people.js";
import { Field } from "../components/Form.js";
import { authText } from "./auth.text.js";
import { NewPasswordForm } from "./NewPasswordForm.js";

export interface InvitationPageProps {
  token: string;
  email: string;
  role: Role;
  organisationName: string | null;
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function InvitationPage({ token, email, role, organisationName, values, errors }: InvitationPageProps) {
  const t = authText.invitation;
  return (
    <section class="narrow" aria-labelledby="titre-invitation">
      <h1 id="titre-invitation">{t.title}</h1>
      <p class="lead">{t.lead(authText.roles[role], organisationName)}</p>
      <p>
        {authText.signIn.email} : <strong>{email}</strong>
      </p>
      <NewPasswordForm action={`/invitation/${token}`} errors={errors} submitLabel={t.submit}>
        <Field
          label={t.name}
          name="displayName"
          value={values.displayName}
          hint={t.nameHint}
          error={errors.displayName}
          autocomplete="name"
          required
          maxLength={120}
        />
      </NewPasswordForm>
    </section>
  );
}
