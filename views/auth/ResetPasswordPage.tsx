import { authText } from "./auth.text.js";
import { NewPasswordForm } from "./NewPasswordForm.js";

export function ResetPasswordPage({ token, errors }: { token: string; errors: Record<string, string> }) {
  return (
    <section class="narrow" aria-labelledby="titre-reinit">
      <h1 id="titre-reinit">{authText.reset.title}</h1>
      <NewPasswordForm action={`/mot-de-passe/nouveau/${token}`} errors={errors} submitLabel={authText.reset.submit} />
    </section>
  );
}
