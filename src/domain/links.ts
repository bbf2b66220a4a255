/** What a one-time link (invitation, password reset) still allows. */
export type LinkState = "valid" | "expired" | "used" | "revoked" | "unknown";
