/** What other parts of the application may use of the site feature. */
export { siteRoutes } from "./site.routes.js";
