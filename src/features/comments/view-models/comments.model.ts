/** View models: the plain data the debate's pages are drawn from, built by the presenters, drawn by views/comments. */
import type { DiscussionFilter, Stance } from "../../../domain/debate.js";
import type { ModerationRule } from "../../../domain/moderation.js";

/** A comment as every view shows it; bodyHtml is already rendered by the markdown subset (raw HTML off). */
export interface CommentView {
  id: string;
  parentId: string | null;
  depth: number;
  stance: Stance | null;
  authorName: string;
  organisationName: string;
  organisationSlug: string;
  kindLabel: string;
  /** null once the author deleted it (tombstone). */
  bodyHtml: string | null;
  /** Set when moderation hid it: the public sees the rule and the reason, never the body. */
  hidden: { rule: ModerationRule; reason: string } | null;
  pinned: boolean;
  createdAt: Date;
  edited: boolean;
  version: number;
  /** Set when the comment answers another one than its parent (replies below the third level). */
  replyToName: string | null;
  supportCount: number;
  supporters: { slug: string; name: string }[];
  can: { reply: boolean; edit: boolean; support: boolean; supported: boolean; report: boolean };
  replies: CommentView[];
}

export interface CommentFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Markdown rendered for "Prévisualiser", shown above the buttons. */
  previewHtml?: string | undefined;
  /** A fresh key per rendered form: a double click or a retry of the same form creates one comment. */
  idempotencyKey: string;
}

/** One page of top-level comments (with their replies) and the cursor of the next one. */
export interface CommentsPageView {
  comments: CommentView[];
  nextCursor: string | null;
}

/** Why the discussion takes no writes; the view says it in French. */
export interface DiscussionClosure {
  state: "closed" | "draft" | "locked";
  lockedReason: string | null;
}

export interface DiscussionView extends CommentsPageView {
  proposalSlug: string;
  /** null while the discussion is open. */
  closed: DiscussionClosure | null;
  viewer: { signedIn: boolean; organisationName: string | null; following: boolean };
  counts: Record<Stance, number>;
  filter: DiscussionFilter;
  form: CommentFormState | null;
  liveUrl: string;
  scripts: string[];
}

/** The proposal a comment page links back to. */
export interface ProposalLink {
  slug: string;
  number: number;
  title: string;
}

export interface VersionView {
  version: number;
  editorName: string;
  createdAt: Date;
  body: string;
  changes: { value: string; added?: boolean | undefined; removed?: boolean | undefined }[] | null;
}
