import { Field, Flash } from "../components/Form.js";
import { authText } from "./auth.text.js";

export function SecondFactorPage({ error, next }: { error?: string; next?: string }) {
  const t = authText.secondFactor;
  return (
    <section class="narrow" aria-labelledby="titre-2fa">
      <h1 id="titre-2fa">{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {error ? <Flash kind="error">{error}</Flash> : null}
      <form method="post" action="/connexion/verification">
        {next ? <input type="hidden" name="suite" value={next} /> : null}
        <Field label={t.code} name="code" autocomplete="one-time-code" inputMode="text" required maxLength={20} />
        <button type="submit">{t.submit}</button>
      </form>
      <form method="post" action="/deconnexion">
        <button type="submit" class="button--secondary">
          {authText.signOut}
        </button>
      </form>
    </section>
  );
}
