import type { ProposalSections } from "../../../views/proposals/ProposalPage.js";
import type { AppDeps, CurrentUser } from "../../http/env.js";
import { loadVoteSection } from "../ballots/index.js";
import { loadDiscussionSection } from "../comments/index.js";
import { loadSynthesisSection } from "../moderation/index.js";

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
  deps: AppDeps,
  proposal: ProposalContext,
  viewer: CurrentUser | undefined,
  flags: { message?: string | undefined } = {},
): Promise<ProposalSections> {
  const [vote, discussion, synthesis] = await Promise.all([
    loadVoteSection(deps, proposal, viewer, undefined, flags.message === "bulletin-inchange"),
    loadDiscussionSection(deps, proposal, viewer),
    loadSynthesisSection(deps, proposal),
  ]);
  return { vote, discussion, synthesis };
}
