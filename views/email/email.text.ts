import type { EmailStatus } from "../../src/domain/email.js";

/** French strings of the development mailbox. */
export const emailText = {
  mailboxTitle: "Courriels (développement)",
  mailboxLead:
    "Les courriels préparés par la plateforme, les plus récents d'abord. Sans SMTP_URL, ils ne sont pas envoyés : lisez-les ici. Cette page n'existe pas en production.",
  caption: (count: number) => (count === 1 ? "Le dernier courriel" : `Les ${count} derniers courriels`),
  empty: "Aucun courriel pour le moment.",
  columns: { date: "Date", kind: "Type", recipient: "Destinataire", subject: "Objet", status: "État" },
  status: {
    sent: "envoyé",
    pending: "en attente",
    failed: "abandonné",
  } satisfies Record<EmailStatus, string>,
  attempts: (count: number) => `${count} tentative${count > 1 ? "s" : ""}`,
  back: "Tous les courriels",
  details: "Détails",
  to: "Destinataire",
  kind: "Type",
  createdAt: "Préparé le",
  sentAt: "Envoyé le",
  statusLabel: "État",
  lastError: "Dernière erreur",
  body: "Texte du courriel",
  noSubject: "(sans objet)",
} as const;
