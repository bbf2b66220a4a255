import type { Child } from "hono/jsx";

export interface FieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password" | "url" | "number" | "datetime-local";
  value?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: "numeric" | "text";
}

interface ShellProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  children: Child;
}

/** Ids tying a control to its hint and error, for screen readers. */
function controlIds(name: string, hint?: string, error?: string) {
  const id = `champ-${name}`;
  const describedBy = [hint ? `${id}-aide` : "", error ? `${id}-erreur` : ""].filter(Boolean).join(" ") || undefined;
  return { id, describedBy, invalid: error ? ("true" as const) : undefined };
}

/** Label, hint, the control, and the error beside it: the one layout of every form field. */
function FieldShell({ id, label, hint, error, required, children }: ShellProps) {
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p class="muted" id={`${id}-aide`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p class="field-error" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Label, input, hint and error wired together for screen readers (aria-describedby, aria-invalid). */
export function Field({
  label,
  name,
  type = "text",
  value,
  error,
  hint,
  autocomplete,
  required,
  maxLength,
  inputMode,
}: FieldProps) {
  const { id, describedBy, invalid } = controlIds(name, hint, error);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        name={name}
        type={type}
        value={type === "password" ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxlength={maxLength}
        inputmode={inputMode}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    </FieldShell>
  );
}

export interface TextAreaProps {
  label: string;
  name: string;
  value?: string;
  error?: string;
  hint?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}

export function TextArea({ label, name, value, error, hint, rows = 6, maxLength, required }: TextAreaProps) {
  const { id, describedBy, invalid } = controlIds(name, hint, error);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxlength={maxLength}
        required={required}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      >
        {value ?? ""}
      </textarea>
    </FieldShell>
  );
}

export interface SelectProps {
  label: string;
  name: string;
  value?: string;
  error?: string;
  options: { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
}

export function Select({ label, name, value, error, options, required, placeholder }: SelectProps) {
  const { id, describedBy, invalid } = controlIds(name, undefined, error);
  return (
    <FieldShell id={id} label={label} error={error} required={required}>
      <select id={id} name={name} required={required} aria-invalid={invalid} aria-describedby={describedBy}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A message at the top of a page or form; role="alert" only for errors, so success is not shouted. */
export function Flash({ kind = "info", children }: { kind?: "info" | "error" | "success"; children: Child }) {
  return (
    <div class={`flash flash--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** A lone button that POSTs (sign out, end a session…): works without JavaScript. */
export function PostButton({ action, label, secondary }: { action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <button type="submit" class={secondary ? "button--secondary" : undefined}>
        {label}
      </button>
    </form>
  );
}
