/** Who may do what: see src/auth/permissions.ts. */
export const ROLES = ["administrator", "moderator", "representative"] as const;
export type Role = (typeof ROLES)[number];
