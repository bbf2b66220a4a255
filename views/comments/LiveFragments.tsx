import type { CommentView } from "../../src/features/comments/view-models/comments.model.js";
import { CommentContent, CommentItem, repliesDomId } from "./CommentItem.js";
import { commentsText as t } from "./comments.text.js";
import { COMMENT_LIST_ID, EMPTY_ID } from "./Discussion.js";

/**
 * Out-of-band pieces for htmx: each names the element it updates by id, and an
 * element missing from the page (another page of the list, another filter) is
 * simply skipped. `upsert` replaces a comment already there instead of doubling it.
 */
export function NewCommentFragment({
  comment,
  parentId,
  focus,
}: {
  comment: CommentView;
  parentId: string | null;
  /** Only in the answer to the author's own post: a live update never moves anyone's focus. */
  focus?: boolean;
}) {
  const item = <CommentItem comment={comment} focus={focus ? "comment" : undefined} />;
  if (parentId === null) {
    return (
      <>
        <ol id={COMMENT_LIST_ID} hx-swap-oob="upsert sort:desc">
          {item}
        </ol>
        <p id={EMPTY_ID} hx-swap-oob="delete" />
      </>
    );
  }
  return (
    <ol id={repliesDomId(parentId)} hx-swap-oob="upsert">
      {item}
    </ol>
  );
}

export function UpdatedCommentFragment({ comment }: { comment: CommentView }) {
  return <CommentContent comment={comment} oob />;
}

export function announceText(kind: string, comment: CommentView): string {
  const who = `${comment.authorName} — ${comment.organisationName}`;
  if (kind === "comment_created") return t.live.created(who);
  if (kind === "comment_edited") return comment.hidden ? t.live.hidden : t.live.edited(who);
  if (kind === "comment_deleted") return t.live.deleted;
  if (kind === "comment_hidden") return t.live.hidden;
  if (kind === "comment_restored") return t.live.restored(who);
  if (kind === "comment_pinned") return comment.pinned ? t.live.pinned(who) : t.live.unpinned(who);
  return t.live.supported(comment.supportCount);
}
