/** What other parts of the application may use of the dossier feature. */
export { dossierRoutes } from "./dossier.routes.js";
