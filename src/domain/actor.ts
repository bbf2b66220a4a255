import type { Role } from "./people.js";

/** Who acts: the signed-in person as every service sees them, whatever brought them in. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  totpEnabled: boolean;
  /** The organisation they may act for now, if any (src/mandates decides what "now" means). */
  mandate: { id: string; organisationId: string; organisationSlug: string; organisationName: string } | null;
}
