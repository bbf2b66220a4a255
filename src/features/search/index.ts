/** Searching the whole site (proposals, organisations, comments). Other parts reach it through this file. */
export { searchRoutes } from "./search.routes.js";
