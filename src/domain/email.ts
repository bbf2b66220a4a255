/** Where an email stands in the outbox. */
export type EmailStatus = "sent" | "pending" | "failed";
