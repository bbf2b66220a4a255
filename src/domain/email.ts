/** Where an email stands in the outbox. */
export type EmailStatus = "sent" | "pending" | "failed";

type NotificationReason = "reply" | "mention" | "followed";

/** One line of a debate notification: who did what on which proposal, and where to read it. */
export interface NotificationLine {
  reason: NotificationReason;
  who: string;
  number: number;
  title: string;
  link: string;
}

/**
 * What an email says, as data: services queue a template and its parameters in their transaction,
 * the text is written from views/email when the email is sent (and in the dev mailbox).
 */
export type EmailTemplate =
  | { name: "password_reset"; params: { name: string; link: string } }
  | { name: "invitation"; params: { link: string } }
  | {
      name: "ballot_receipt";
      params: {
        organisation: string;
        proposal: string;
        choice: "pour" | "contre" | "abstention";
        receipt: string;
        link: string;
        checkpoint: string;
        verifyLink: string;
      };
    }
  | {
      name: "vote_reminder";
      params: { organisation: string; proposal: string; closesAt: string; hours: number; link: string };
    }
  | { name: "moderation_hidden"; params: { rule: string; reason: string; link: string } }
  | { name: "moderation_restored"; params: { link: string } }
  | { name: "comment_notification"; params: NotificationLine & { excerpt: string; unsubscribe: string } }
  | { name: "comment_digest"; params: { lines: NotificationLine[]; unsubscribe: string } };
