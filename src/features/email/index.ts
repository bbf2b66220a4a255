/** What other parts of the application may use of the email feature. */

export { type EmailOutbox, startEmailOutbox } from "./email.jobs.js";
export { emailRoutes } from "./email.routes.js";
export { queueEmail, recentEmailCount } from "./email.service.js";
