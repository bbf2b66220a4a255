/** What other parts of the application may use of the moderation feature. */
export { moderationPublicRoutes } from "./moderation.public.routes.js";
export { moderationRoutes } from "./moderation.routes.js";
export { loadSynthesis, loadSynthesisSection } from "./synthesis-section.js";
