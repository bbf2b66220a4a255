/** The debate: comments, replies, supports, notifications. Other features reach it through this file. */

export { commentActionRoutes } from "./comments.actions.routes.js";
export { renderCommentEvent, renderDiscussionEvent } from "./comments.live.js";
export { commentLiveRoutes } from "./comments.live.routes.js";
export { renderCommentMarkdown } from "./comments.markdown.js";
export { commentPageRoutes } from "./comments.pages.routes.js";
export { mentionDirectory } from "./comments.presenter.js";
export { countDebateByProposal, findCommentRow, searchComments } from "./comments.read.js";
export { commentRoutes } from "./comments.routes.js";
export { postComment, toggleSupport } from "./comments.service.js";
export { type CommentDigest, startCommentDigest } from "./digest.jobs.js";
export { loadDiscussionSection } from "./discussion-section.js";
export { notificationSettingsRoutes, unsubscribeRoutes } from "./notifications.routes.js";
