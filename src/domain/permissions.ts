import type { Actor } from "./actor.js";
import type { Role } from "./people.js";

/** Every role decision in one place. Administrators hold moderator powers; voting needs a mandate, not a role. */
export type Capability = "administer" | "moderate" | "act-for-organisation";

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  administrator: ["administer", "moderate"],
  moderator: ["moderate"],
  representative: [],
};

export function can(user: Actor | undefined, capability: Capability): boolean {
  if (!user) return false;
  if (capability === "act-for-organisation") return user.mandate !== null;
  return ROLE_CAPABILITIES[user.role].includes(capability);
}

/** Administrators and moderators must use two-factor authentication before any staff page works. */
export function requiresTwoFactor(user: Actor): boolean {
  return user.role === "administrator" || user.role === "moderator";
}
