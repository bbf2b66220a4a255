/** What other parts of the application may use of the organisations feature. */
export { organisationAdminRoutes } from "./organisations.admin.routes.js";
export { parseOrganisationsCsv } from "./organisations.csv.js";
export {
  countKinds,
  countOrganisations,
  searchOrganisations,
  upsertColleges,
  upsertOrganisations,
} from "./organisations.queries.js";
export { organisationRoutes } from "./organisations.routes.js";
