import { NewPasswordForm } from "../auth/NewPasswordForm.js";
import { Field } from "../components/Form.js";
import { accountText as t } from "./account.text.js";

export function ChangePasswordPage({ errors }: { errors: Record<string, string> }) {
  return (
    <section class="narrow" aria-labelledby="titre-mdp">
      <h1 id="titre-mdp">{t.password.title}</h1>
      <NewPasswordForm action="/compte/mot-de-passe" errors={errors} submitLabel={t.password.submit}>
        <Field
          label={t.password.current}
          name="currentPassword"
          type="password"
          error={errors.currentPassword}
          autocomplete="current-password"
          required
          maxLength={128}
        />
      </NewPasswordForm>
    </section>
  );
}
