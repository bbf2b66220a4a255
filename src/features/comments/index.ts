/** The debate: comments, replies, supports, notifications. Other features reach it through this file. */

export { readFilter } from "./comments.discussion.js";
export { renderCommentEvent, renderDiscussionEvent } from "./comments.live.js";
export { type DiscussionProposal, findDiscussionProposal } from "./comments.queries.js";
