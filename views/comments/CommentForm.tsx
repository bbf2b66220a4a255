import { raw } from "hono/html";
import { MAX_COMMENT_LENGTH, STANCES } from "../../src/domain/debate.js";
import type { CommentFormState } from "../../src/features/comments/view-models/comments.model.js";
import { commentsText as t } from "./comments.text.js";

export interface CommentFormProps {
  action: string;
  /** Top-level comments choose a stance; replies do not. */
  withStance: boolean;
  organisationName: string;
  state: CommentFormState;
  idPrefix: string;
  submitLabel: string;
  /** The reply form takes the focus where it opens (app.js focuses `[data-focus]`). */
  focusOnBody?: boolean;
}

/** Works as a plain form; htmx swaps the form itself (errors included, status 422 keeps the text). */
export function CommentForm(props: CommentFormProps) {
  const { action, withStance, organisationName, state, idPrefix, submitLabel } = props;
  const bodyId = `${idPrefix}-texte`;
  const error = state.errors.body;
  const formError = state.errors._form;
  const body = state.values.body ?? "";
  const described = [`${bodyId}-aide`, `${bodyId}-compteur`, error ? `${bodyId}-erreur` : ""].filter(Boolean).join(" ");
  return (
    <form
      method="post"
      action={action}
      class="comment-form"
      hx-post={action}
      hx-target="this"
      hx-swap="outerHTML"
      hx-disable="find button"
      data-comment-form
    >
      <input type="hidden" name="cle" value={state.idempotencyKey} />
      <p class="muted">{t.postingAs(organisationName)}</p>
      {formError ? (
        <p class="field-error" role="alert" id={`${idPrefix}-erreur-formulaire`}>
          {formError}
        </p>
      ) : null}
      {withStance ? (
        <StanceField idPrefix={idPrefix} value={state.values.position} error={state.errors.position} />
      ) : null}
      <div class="field">
        <label for={bodyId}>{withStance ? t.bodyLabel : t.replyLabel}</label>
        <p class="muted" id={`${bodyId}-aide`}>
          {t.bodyHint(MAX_COMMENT_LENGTH)}
        </p>
        <textarea
          id={bodyId}
          name="body"
          rows={withStance ? 6 : 4}
          data-max-length={String(MAX_COMMENT_LENGTH)}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={described}
          autofocus={error || formError ? true : undefined}
          data-focus={props.focusOnBody && !state.previewHtml ? true : undefined}
        >
          {body}
        </textarea>
        <p class="muted char-counter" id={`${bodyId}-compteur`} aria-live="off">
          {t.counter(MAX_COMMENT_LENGTH - body.length)}
        </p>
        {error ? (
          <p class="field-error" id={`${bodyId}-erreur`}>
            {error}
          </p>
        ) : null}
      </div>
      {state.previewHtml !== undefined ? (
        <section class="comment-preview" aria-labelledby={`${idPrefix}-apercu`} tabindex={-1} data-focus>
          <h3 id={`${idPrefix}-apercu`}>{t.previewHeading}</h3>
          <div class="comment-body" hx-ignore>
            {raw(state.previewHtml)}
          </div>
        </section>
      ) : null}
      <div class="form-actions">
        <button type="submit" name="action" value="publier">
          {submitLabel}
        </button>
        <button type="submit" name="action" value="apercu" class="button--secondary" formnovalidate>
          {t.preview}
        </button>
      </div>
    </form>
  );
}

function StanceField({
  idPrefix,
  value,
  error,
}: {
  idPrefix: string;
  value?: string | undefined;
  error?: string | undefined;
}) {
  const errorId = `${idPrefix}-position-erreur`;
  return (
    <fieldset class="field stance-field" aria-describedby={error ? errorId : undefined}>
      <legend>{t.stanceLabel}</legend>
      {STANCES.map((stance) => (
        <label class="stance-option">
          <input
            type="radio"
            name="position"
            value={stance}
            checked={value === stance}
            required
            aria-invalid={error ? "true" : undefined}
          />{" "}
          {t.stances[stance]}
        </label>
      ))}
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
