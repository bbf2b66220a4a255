import { raw } from "hono/html";
import type { CommentView } from "../../src/features/comments/view-models/comments.model.js";
import { formatDateTime } from "../common/format.js";
import { ruleLabel } from "../moderation/moderation.text.js";
import { commentsText as t } from "./comments.text.js";

export const commentDomId = (id: string) => `c-${id}`;
export const contentDomId = (id: string) => `c-${id}-contenu`;
export const repliesDomId = (id: string) => `c-${id}-reponses`;
export const replyFormDomId = (id: string) => `c-${id}-formulaire`;

/**
 * Where the focus goes after an htmx action on a comment (app.js focuses `[data-focus]`):
 * the comment itself (just published, or first of the ones "voir plus" brought) or its support button.
 */
export type CommentFocus = "comment" | "support";

/** One comment with its replies; replies nest inside a list so the structure is read out by screen readers. */
export function CommentItem({ comment, focus }: { comment: CommentView; focus?: CommentFocus | undefined }) {
  return (
    <li id={commentDomId(comment.id)} class={`comment comment--depth-${comment.depth}`}>
      <CommentContent comment={comment} focus={focus} />
      <div id={replyFormDomId(comment.id)} class="reply-slot" />
      {comment.depth < 3 ? (
        <ol id={repliesDomId(comment.id)} class="replies" aria-label={`Réponses à ${comment.authorName}`}>
          {comment.replies.map((reply) => (
            <CommentItem comment={reply} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** The part that changes on edit, support or deletion; swapped alone so the replies below stay put. */
export function CommentContent({
  comment,
  oob,
  focus,
}: {
  comment: CommentView;
  oob?: boolean;
  focus?: CommentFocus | undefined;
}) {
  const headingId = `${contentDomId(comment.id)}-auteur`;
  return (
    <article
      id={contentDomId(comment.id)}
      class={`comment-content${comment.stance ? ` stance--${comment.stance}` : ""}`}
      aria-labelledby={headingId}
      hx-swap-oob={oob ? "outerMorph" : undefined}
      tabindex={focus === "comment" ? -1 : undefined}
      data-focus={focus === "comment" ? true : undefined}
    >
      <header class="comment-header">
        {comment.stance ? (
          <span class={`stance-badge stance-badge--${comment.stance}`}>{t.stances[comment.stance]}</span>
        ) : null}
        <p class="comment-author" id={headingId}>
          <strong>{comment.authorName}</strong> —{" "}
          <a href={`/organisations/${comment.organisationSlug}`}>{comment.organisationName}</a>{" "}
          <span class="muted">({comment.kindLabel})</span>
        </p>
        <p class="comment-meta muted">
          <a
            href={`/commentaires/${comment.id}#${commentDomId(comment.id)}`}
            aria-label={`${formatDateTime(comment.createdAt)}${t.permalinkName(comment.authorName)}`}
          >
            <time datetime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt)}</time>
          </a>
          {comment.replyToName ? <> · {t.replyTo(comment.replyToName)}</> : null}
          {comment.edited ? (
            <>
              {" "}
              ·{" "}
              <a
                href={`/commentaires/${comment.id}/historique`}
                aria-label={`${t.edited}${t.editedHistory(comment.authorName, comment.version)}`}
              >
                {t.edited}
              </a>
            </>
          ) : null}
        </p>
      </header>
      {comment.pinned ? <p class="pinned-badge">{t.pinned}</p> : null}
      {comment.hidden ? (
        <p class="comment-body comment-body--hidden">
          <em>{t.hiddenTombstone(ruleLabel(comment.hidden.rule), comment.hidden.reason)}</em>{" "}
          <a href="/charte">{t.charterLink}</a>
        </p>
      ) : comment.bodyHtml === null ? (
        <p class="comment-body comment-body--deleted">
          <em>{t.deleted}</em>
        </p>
      ) : (
        // hx-ignore: whatever the markdown produced, htmx never reads attributes inside it.
        <div class="comment-body" hx-ignore>
          {raw(comment.bodyHtml)}
        </div>
      )}
      <Supports comment={comment} />
      <Actions comment={comment} focusSupport={focus === "support"} />
    </article>
  );
}

function Supports({ comment }: { comment: CommentView }) {
  if (comment.bodyHtml === null && comment.supportCount === 0) return null;
  return (
    <p class="comment-supports">
      <span class="support-count">{t.supportCount(comment.supportCount)}</span>
      {comment.supporters.length > 0 ? (
        <>
          {" "}
          — {t.supportedBy}{" "}
          {comment.supporters.map((s, index) => (
            <>
              {index > 0 ? ", " : ""}
              <a href={`/organisations/${s.slug}`}>{s.name}</a>
            </>
          ))}
        </>
      ) : null}
    </p>
  );
}

function Actions({ comment, focusSupport }: { comment: CommentView; focusSupport: boolean }) {
  const { can } = comment;
  if (comment.bodyHtml === null || !(can.reply || can.edit || can.support || can.report)) return null;
  const target = `#${contentDomId(comment.id)}`;
  // Accessible names carry the comment's date, so the links of two comments do not share a name.
  const posted = formatDateTime(comment.createdAt);
  return (
    <div class="comment-actions">
      {can.support ? (
        <form
          method="post"
          action={`/commentaires/${comment.id}/soutien`}
          class="inline-form"
          hx-post={`/commentaires/${comment.id}/soutien`}
          hx-target={target}
          hx-swap="outerMorph"
        >
          <button
            type="submit"
            class="button--secondary"
            id={`${contentDomId(comment.id)}-soutien`}
            aria-pressed={can.supported ? "true" : "false"}
            data-focus={focusSupport ? true : undefined}
          >
            {can.supported ? t.unsupport : t.support}
          </button>
        </form>
      ) : null}
      {can.reply ? (
        <a
          href={`/commentaires/${comment.id}/repondre`}
          hx-get={`/commentaires/${comment.id}/repondre`}
          hx-target={`#${replyFormDomId(comment.id)}`}
          hx-swap="innerHTML"
          aria-label={`${t.reply} à ${comment.authorName}`}
        >
          {t.reply}
        </a>
      ) : null}
      {can.edit ? (
        <>
          <a href={`/commentaires/${comment.id}/modifier`} aria-label={t.ownAction(t.edit, posted)}>
            {t.edit}
          </a>
          <a href={`/commentaires/${comment.id}/supprimer`} aria-label={t.ownAction(t.delete, posted)}>
            {t.delete}
          </a>
        </>
      ) : null}
      {can.report ? (
        <a
          href={`/commentaires/${comment.id}/signaler`}
          aria-label={`${t.report} le commentaire de ${comment.authorName} du ${posted}`}
        >
          {t.report}
        </a>
      ) : null}
    </div>
  );
}
