import type { Child } from "hono/jsx";
import { Field } from "../components/Form.js";
import { authText } from "./auth.text.js";

export interface NewPasswordFormProps {
  action: string;
  errors: Record<string, string>;
  submitLabel: string;
  children?: Child;
}

/** Password + confirmation, shared by the reset, invitation and change-password pages. */
export function NewPasswordForm({ action, errors, submitLabel, children }: NewPasswordFormProps) {
  const t = authText.reset;
  return (
    <form method="post" action={action}>
      {children}
      <Field
        label={t.password}
        name="password"
        type="password"
        hint={t.hint}
        error={errors.password}
        autocomplete="new-password"
        required
        maxLength={128}
      />
      <Field
        label={t.confirm}
        name="confirmation"
        type="password"
        error={errors.confirmation}
        autocomplete="new-password"
        required
        maxLength={128}
      />
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
