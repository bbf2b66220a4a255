/** What other parts of the application may use of the proposals feature. */
export {
  countProposals,
  findProposalBySlug,
  listProposals,
  searchProposals,
  upsertOfficialProposals,
} from "./proposals.queries.js";
export { proposalRoutes } from "./proposals.routes.js";
export { parseOfficialProposals } from "./proposals.text.js";
