/** The debate's vocabulary: stances, how often people hear of it. */
export const STANCES = ["pour", "contre", "nuance", "question"] as const;
export type Stance = (typeof STANCES)[number];
export type NotificationFrequency = "immediate" | "daily" | "off";

/** Longest comment, counted as people see it (line endings as one character). */
export const MAX_COMMENT_LENGTH = 5000;

/** How a reader orders the debate: newest first, or most supported first. */
export type CommentSort = "recent" | "soutien";

/** What a reader chose to see of the debate (query parameters `position` and `tri`). */
export interface DiscussionFilter {
  stance?: Stance | undefined;
  sort: CommentSort;
}
