import type { Context } from "hono";
import type { z } from "zod";
import { text } from "../../views/common/text.js";
import { DomainError } from "../domain/errors.js";
import { AppError } from "./errors.js";
import { describeRefusal } from "./refusals.js";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

export interface ReadFormOptions {
  /**
   * The names the schema and the errors use, from the names sent: a page with one form per row
   * names its fields `motif-3`, the schema reads `motif`. `values` keep the names sent.
   */
  fieldNames?: (sent: Record<string, string>) => Record<string, string>;
}

/**
 * Reads a urlencoded or multipart form and validates it. On failure the caller
 * re-renders the form with `values` (what the person typed) and one French error per field.
 */
export async function readForm<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: ReadFormOptions = {},
): Promise<FormResult<z.infer<S>>> {
  const values = await readTextFields(c);
  const fields = options.fieldNames ? options.fieldNames(values) : values;
  const controlErrors = controlCharacterErrors(fields);
  if (controlErrors) return { ok: false, errors: controlErrors, values: withoutControlCharacters(values) };
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** The text fields of a urlencoded or multipart body; a body that cannot be read is the sender's fault (400). */
export async function readTextFields(c: Context): Promise<Record<string, string>> {
  const body = await readBody(c);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === "string") values[key] = value;
  return values;
}

/** The fields and files of a urlencoded or multipart body; a body that cannot be read is a 400. */
export async function readBody(c: Context): Promise<Record<string, string | File>> {
  try {
    return (await c.req.parseBody()) as Record<string, string | File>;
  } catch {
    throw new AppError(400, "unreadable_body", text.errors.badRequestMessage);
  }
}

// NUL and the other C0 controls (but tab, LF, CR) and DEL: never typed by a person, refused by Postgres (NUL).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

function controlCharacterErrors(values: Record<string, string>): FieldErrors | undefined {
  const fields = Object.keys(values).filter((key) => CONTROL_CHARACTERS.test(values[key] ?? ""));
  if (fields.length === 0) return undefined;
  return Object.fromEntries(fields.map((field) => [field, text.errors.controlCharacters]));
}

/** What the person typed, less the invisible characters, so the form comes back clean. */
export function withoutControlCharacters(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value.replace(CONTROL_CHARACTERS_ALL, "")]),
  );
}

/** The control-character refusal among a form's errors, for pages that show one message, not one per field. */
export function controlCharacterError(errors: FieldErrors): string | undefined {
  return Object.values(errors).find((message) => message === text.errors.controlCharacters);
}

export interface FormRefusal {
  status: 403 | 404 | 409 | 422 | 429;
  message: string;
  errors: FieldErrors;
}

/**
 * A service's refusal that belongs on the form just sent: its status, and its message under
 * its field (or `fallbackField`). Anything else is undefined: rethrow it to the error page.
 */
export function formRefusal(error: unknown, fallbackField = "_form"): FormRefusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const refusal = describeRefusal(error);
  if (!refusal?.onForm) return undefined;
  return {
    status: refusal.status,
    message: refusal.message,
    errors: { [refusal.field ?? fallbackField]: refusal.message },
  };
}
