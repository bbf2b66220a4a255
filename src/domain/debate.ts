/** The debate's vocabulary: stances, how often people hear of it. */
export const STANCES = ["pour", "contre", "nuance", "question"] as const;
export type Stance = (typeof STANCES)[number];
export type NotificationFrequency = "immediate" | "daily" | "off";

/** Longest comment, counted as people see it (line endings as one character). */
export const MAX_COMMENT_LENGTH = 5000;
