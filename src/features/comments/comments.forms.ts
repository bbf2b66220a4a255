import type { Context } from "hono";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import { text } from "../../../views/common/text.js";
import { generateRandomToken } from "../../auth/tokens.js";
import { MAX_COMMENT_LENGTH, STANCES, type Stance } from "../../domain/debate.js";
import { hasControlCharacters, readTextFields, withoutControlCharacters } from "../../http/forms.js";

export interface CommentInput {
  body: string;
  stance: Stance | undefined;
  idempotencyKey: string;
  preview: boolean;
}

export type CommentFormResult =
  | { ok: true; data: CommentInput; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/** Line endings normalised (browsers send CRLF), so the limit counts what people see. */
export function normaliseBody(value: string | undefined): string {
  return (value ?? "").replace(/\r\n?/g, "\n").trim();
}

export function validateBody(body: string): string | undefined {
  if (hasControlCharacters(body)) return text.errors.controlCharacters;
  if (body === "") return t.emptyBody;
  if (body.length > MAX_COMMENT_LENGTH) return t.tooLong(MAX_COMMENT_LENGTH, body.length);
  return undefined;
}

export async function readStringForm(c: Context): Promise<Record<string, string>> {
  return readTextFields(c);
}

/** Reads a comment form; the text comes back untouched in `values` so a refused form keeps it. */
export async function readCommentForm(c: Context, withStance: boolean): Promise<CommentFormResult> {
  // A refused body comes back less its control characters, as the person would retype it.
  const raw = await readStringForm(c);
  const values = withoutControlCharacters(raw);
  const body = normaliseBody(raw.body);
  const errors: Record<string, string> = {};
  const bodyError = validateBody(body);
  if (bodyError) errors.body = bodyError;
  const stance = STANCES.find((s) => s === values.position);
  if (withStance && !stance) errors.position = t.stanceError;
  // A missing or malformed key (scripted post) gets a fresh one: no double-submit protection, but no dead end.
  const key = /^[a-z0-9]{8,64}$/.test(values.cle ?? "") ? (values.cle as string) : generateRandomToken(16);
  values.cle = key;
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, data: { body, stance, idempotencyKey: key, preview: values.action === "apercu" }, values };
}
