/** What other parts of the application may use of the email feature. */

export type { EmailRow } from "./email.queries.js";
export { claimDueEmails, markEmailSent, purgeOldEmailBodies, recordFailedAttempt } from "./email.queries.js";
export { emailRoutes } from "./email.routes.js";
export { backoffDelayMs, queueEmail, recentEmailCount } from "./email.service.js";
