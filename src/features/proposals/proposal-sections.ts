import type { ProposalSections } from "../../../views/proposals/ProposalPage.js";
import type { AppDeps, CurrentUser } from "../../http/env.js";

export interface ProposalContext {
  id: string;
  slug: string;
  status: string;
}

/**
 * Each feature that shows something on a proposal page contributes its region
 * here (one line per feature), so the proposal route never grows with them.
 */
export async function loadProposalSections(
  _deps: AppDeps,
  _proposal: ProposalContext,
  _viewer: CurrentUser | undefined,
): Promise<ProposalSections> {
  return {};
}
