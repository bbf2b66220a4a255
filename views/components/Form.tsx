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
  const id = `champ-${name}`;
  const describedBy = [hint ? `${id}-aide` : "", error ? `${id}-erreur` : ""].filter(Boolean).join(" ") || undefined;
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
      <input
        id={id}
        name={name}
        type={type}
        value={type === "password" ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxlength={maxLength}
        inputmode={inputMode}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p class="field-error" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
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
  const id = `champ-${name}`;
  const describedBy = [hint ? `${id}-aide` : "", error ? `${id}-erreur` : ""].filter(Boolean).join(" ") || undefined;
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
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxlength={maxLength}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {value ?? ""}
      </textarea>
      {error ? (
        <p class="field-error" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
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
  const id = `champ-${name}`;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p class="field-error" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
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
