import type { Context } from "hono";
import { z } from "zod";
import { commentsText as t } from "../../../views/comments/comments.text.js";
import { generateRandomToken } from "../../auth/tokens.js";
import { MAX_COMMENT_LENGTH, STANCES, type Stance } from "../../domain/debate.js";
import { readForm } from "../../http/forms.js";

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

/** A comment's text: normalised, not empty, within the limit (counted as people see it). */
const body = z
  .string()
  .default("")
  .transform(normaliseBody)
  .superRefine((value, context) => {
    if (value === "") context.addIssue({ code: "custom", message: t.emptyBody });
    else if (value.length > MAX_COMMENT_LENGTH)
      context.addIssue({ code: "custom", message: t.tooLong(MAX_COMMENT_LENGTH, value.length) });
  });

/** The preview button's value: a preview needs no stance yet, only the text. */
const PREVIEW = "apercu";

const commentForm = (withStance: boolean) =>
  z
    .object({
      body,
      position: withStance ? z.enum(STANCES, { error: t.stanceError }).optional() : z.string().optional(),
      cle: z.string().optional(),
      action: z.string().optional(),
    })
    .check((form) => {
      const missingStance = withStance && form.value.position === undefined && form.value.action !== PREVIEW;
      if (missingStance)
        form.issues.push({ code: "custom", path: ["position"], message: t.stanceError, input: undefined });
    });

/** An edit: the text alone. */
export const editForm = z.object({ body });
/** Following a proposal: « non » stops. */
export const followForm = z.object({ suivre: z.string().optional() });

/**
 * Reads a comment form through the one form path (readForm); a refused form keeps what was
 * typed. A missing or malformed key (scripted post) gets a fresh one: no double-submit
 * protection, but no dead end.
 */
export async function readCommentForm(c: Context, withStance: boolean): Promise<CommentFormResult> {
  const form = await readForm(c, commentForm(withStance));
  const values = { ...form.values };
  const key = /^[a-z0-9]{8,64}$/.test(values.cle ?? "") ? (values.cle as string) : generateRandomToken(16);
  values.cle = key;
  if (!form.ok) return { ok: false, errors: form.errors, values };
  const stance = STANCES.find((s) => s === form.data.position);
  return {
    ok: true,
    data: { body: form.data.body, stance, idempotencyKey: key, preview: form.data.action === PREVIEW },
    values,
  };
}
