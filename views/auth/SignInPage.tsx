import { Field, Flash } from "../components/Form.js";
import { authText } from "./auth.text.js";

export interface SignInPageProps {
  email?: string;
  next?: string;
  error?: string;
  notice?: string;
}

export function SignInPage({ email, next, error, notice }: SignInPageProps) {
  const t = authText.signIn;
  return (
    <section class="narrow" aria-labelledby="titre-connexion">
      <h1 id="titre-connexion">{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {notice ? <Flash kind="success">{notice}</Flash> : null}
      {error ? <Flash kind="error">{error}</Flash> : null}
      <form method="post" action="/connexion">
        {next ? <input type="hidden" name="suite" value={next} /> : null}
        <Field
          label={t.email}
          name="email"
          type="email"
          value={email}
          autocomplete="username"
          required
          maxLength={254}
        />
        <Field
          label={t.password}
          name="password"
          type="password"
          autocomplete="current-password"
          required
          maxLength={128}
        />
        <button type="submit">{t.submit}</button>
      </form>
      <p>
        <a href="/mot-de-passe-oublie">{t.forgot}</a>
      </p>
      <p class="muted">{t.noAccount}</p>
    </section>
  );
}
