/** The charter's rules a moderation decision cites. */
export const MODERATION_RULES = ["hors-sujet", "insultes", "donnees-personnelles", "desinformation", "autre"] as const;
export type ModerationRule = (typeof MODERATION_RULES)[number];
