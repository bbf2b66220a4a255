/** What other parts of the application may use of the opendata feature. */
export { openDataRoutes } from "./opendata.routes.js";
