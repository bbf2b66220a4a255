/**
 * Ballots, in three parts: casting (one ballot per organisation, receipts), lifecycle
 * (schedule, opening, closing, reminders) and results (tally, exports, verification).
 * Other features and the process reach them through this file only.
 */
export { ballotOutcomeOf, castingRoutes } from "./casting/casting.routes.js";
export { type BallotContext, castBallot } from "./casting/casting.service.js";
export { loadVoteSection, renderVoteEvent } from "./casting/vote-section.js";
export { startVoteScheduler, type VoteScheduler } from "./lifecycle/lifecycle.jobs.js";
export { lifecycleRoutes } from "./lifecycle/lifecycle.routes.js";
export { scheduleVote, transitionByHand } from "./lifecycle/lifecycle.service.js";
export { sendDueReminders } from "./lifecycle/reminders.service.js";
export { buildChainExport, buildResults, resultsCsv } from "./results/export.service.js";
export { loadOrganisationPositions } from "./results/positions.js";
export { countBallotsByProposal, listVoteProposals } from "./results/results.queries.js";
export { resultsRoutes } from "./results/results.routes.js";
export { loadResults } from "./results/results.service.js";
export { verifyExport } from "./results/verify.js";
export type { BallotChainExport } from "./results/view-models/results.model.js";
export { screenRoutes } from "./screen/screen.routes.js";
export { renderScreenEvent } from "./screen/screen-events.js";
