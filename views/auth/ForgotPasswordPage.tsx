import { Field, Flash } from "../components/Form.js";
import { authText } from "./auth.text.js";

export function ForgotPasswordPage({ email, error, sent }: { email?: string; error?: string; sent?: boolean }) {
  const t = authText.forgot;
  return (
    <section class="narrow" aria-labelledby="titre-oubli">
      <h1 id="titre-oubli">{t.title}</h1>
      {sent ? <Flash kind="success">{t.sent}</Flash> : <p class="lead">{t.lead}</p>}
      <form method="post" action="/mot-de-passe-oublie">
        <Field
          label={authText.signIn.email}
          name="email"
          type="email"
          value={email}
          error={error}
          autocomplete="email"
          required
          maxLength={254}
        />
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}
