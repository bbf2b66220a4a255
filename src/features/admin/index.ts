/** What other parts of the application may use of the admin feature. */
export { listAdminActions, recordAdminAction } from "./admin-actions.queries.js";
