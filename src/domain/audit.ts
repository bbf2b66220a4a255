/** Why the journal was signed at that point. */
export const CHECKPOINT_REASONS = ["receipt", "vote_close", "periodic"] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];
