/** What other parts of the application may use of the account feature. */
export { accountRoutes } from "./account.routes.js";
