import type { DiscussionFilter } from "../../src/domain/debate.js";
import type {
  CommentFormState,
  CommentView,
  ProposalLink,
  VersionView,
} from "../../src/features/comments/view-models/comments.model.js";
import { formatDateTime } from "../common/format.js";
import { CommentForm } from "./CommentForm.js";
import { CommentItem } from "./CommentItem.js";
import { commentsText as t } from "./comments.text.js";
import { MoreLink } from "./Discussion.js";

function Back({ proposal }: { proposal: ProposalLink }) {
  return (
    <p>
      <a href={`/propositions/${proposal.slug}#debat`}>
        {t.backToProposal} n°{proposal.number} — {proposal.title}
      </a>
    </p>
  );
}

/** A whole thread (permalink, search results and emails link here). */
export function ThreadPage({ proposal, thread }: { proposal: ProposalLink; thread: CommentView }) {
  return (
    <>
      <h1>{t.thread}</h1>
      <Back proposal={proposal} />
      <div id="debat" class="discussion">
        <ol class="comments">
          <CommentItem comment={thread} />
        </ol>
      </div>
    </>
  );
}

/** "Voir plus" without JavaScript: the next comments on their own page. */
export function MoreCommentsPage(props: {
  proposal: ProposalLink;
  filter: DiscussionFilter;
  comments: CommentView[];
  cursor: string | null;
}) {
  return (
    <>
      <h1>{t.heading}</h1>
      <Back proposal={props.proposal} />
      <div class="discussion">
        <ol id="commentaires" class="comments">
          {props.comments.map((comment) => (
            <CommentItem comment={comment} />
          ))}
        </ol>
        <MoreLink slug={props.proposal.slug} filter={props.filter} cursor={props.cursor} />
      </div>
    </>
  );
}

export interface ReplyFormProps {
  parentId: string;
  organisationName: string;
  state: CommentFormState;
}

export function ReplyForm({ parentId, organisationName, state }: ReplyFormProps) {
  return (
    <CommentForm
      action={`/commentaires/${parentId}/repondre`}
      withStance={false}
      organisationName={organisationName}
      state={state}
      idPrefix={`reponse-${parentId}`}
      submitLabel={t.publishReply}
      focusOnBody
    />
  );
}

export function ReplyPage(props: { proposal: ProposalLink; parent: CommentView } & ReplyFormProps) {
  return (
    <>
      <h1>
        {t.reply} à {props.parent.authorName}
      </h1>
      <Back proposal={props.proposal} />
      <ol class="comments">
        <CommentItem comment={{ ...props.parent, replies: [] }} />
      </ol>
      <ReplyForm parentId={props.parentId} organisationName={props.organisationName} state={props.state} />
    </>
  );
}

export function EditCommentPage(props: {
  proposal: ProposalLink;
  commentId: string;
  body: string;
  error?: string | undefined;
}) {
  const id = "modifier-texte";
  return (
    <>
      <h1>{t.editTitle}</h1>
      <Back proposal={props.proposal} />
      <form method="post" action={`/commentaires/${props.commentId}/modifier`} class="comment-form">
        <div class="field">
          <label for={id}>{t.bodyLabel}</label>
          <p class="muted" id={`${id}-aide`}>
            {t.bodyHint(5000)}
          </p>
          <textarea
            id={id}
            name="body"
            rows={8}
            data-max-length="5000"
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={props.error ? `${id}-aide ${id}-erreur` : `${id}-aide`}
          >
            {props.body}
          </textarea>
          {props.error ? (
            <p class="field-error" id={`${id}-erreur`}>
              {props.error}
            </p>
          ) : null}
        </div>
        <div class="form-actions">
          <button type="submit">{t.save}</button>
          <a href={`/commentaires/${props.commentId}#c-${props.commentId}`}>{t.cancel}</a>
        </div>
      </form>
    </>
  );
}

export function DeleteCommentPage({ proposal, comment }: { proposal: ProposalLink; comment: CommentView }) {
  return (
    <>
      <h1>{t.deleteTitle}</h1>
      <Back proposal={proposal} />
      <ol class="comments">
        <CommentItem comment={{ ...comment, replies: [] }} />
      </ol>
      <p>{t.deleteConfirm}</p>
      <form method="post" action={`/commentaires/${comment.id}/supprimer`} class="inline-form">
        <button type="submit" class="button--danger">
          {t.deleteButton}
        </button>
      </form>{" "}
      <a href={`/commentaires/${comment.id}#c-${comment.id}`}>{t.cancel}</a>
    </>
  );
}

export function HistoryPage({
  proposal,
  commentId,
  versions,
}: {
  proposal: ProposalLink;
  commentId: string;
  versions: VersionView[];
}) {
  return (
    <>
      <h1>{t.historyTitle}</h1>
      <Back proposal={proposal} />
      <p>
        <a href={`/commentaires/${commentId}#c-${commentId}`}>{t.thread}</a>
      </p>
      <ol class="versions" reversed>
        {[...versions].reverse().map((v) => (
          <li>
            <h2>
              {t.version(v.version)} — <time datetime={v.createdAt.toISOString()}>{formatDateTime(v.createdAt)}</time>
            </h2>
            <p class="muted">{v.editorName}</p>
            {v.changes ? (
              <>
                <h3>{t.changes}</h3>
                <p class="diff">
                  {v.changes.map((part) =>
                    part.added ? (
                      <ins>
                        <span class="visually-hidden">[{t.added} : </span>
                        {part.value}
                        <span class="visually-hidden">]</span>
                      </ins>
                    ) : part.removed ? (
                      <del>
                        <span class="visually-hidden">[{t.removed} : </span>
                        {part.value}
                        <span class="visually-hidden">]</span>
                      </del>
                    ) : (
                      part.value
                    ),
                  )}
                </p>
              </>
            ) : (
              <p class="muted">{t.firstVersion}</p>
            )}
            <pre class="version-text">{v.body}</pre>
          </li>
        ))}
      </ol>
    </>
  );
}
