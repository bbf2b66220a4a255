/** What other parts of the application may use of the health feature. */
export { healthRoutes } from "./health.routes.js";
