import type { EmailTemplate } from "../../src/domain/email.js";
import type { ModerationRule } from "../../src/domain/moderation.js";
import { ballotsText } from "../ballots/ballots.text.js";
import { notificationsText } from "../comments/comments.text.js";
import { formatDateTime } from "../common/format.js";
import { moderationText, ruleLabel } from "../moderation/moderation.text.js";

export interface EmailContent {
  subject: string;
  text: string;
}

/** The words of every email, written when it is sent (and shown in the dev mailbox). */
export function renderEmail(template: EmailTemplate): EmailContent {
  switch (template.name) {
    case "password_reset":
      return { subject: "Concertation : réinitialisation de votre mot de passe", text: resetText(template.params) };
    case "invitation":
      return { subject: "Concertation : votre invitation", text: invitationText(template.params.link) };
    case "ballot_receipt": {
      const { params } = template;
      return {
        subject: ballotsText.receiptEmail.subject(params.proposal),
        text: ballotsText.receiptEmail.body({ ...params, choice: ballotsText.choices[params.choice] }),
      };
    }
    case "vote_reminder": {
      const { params } = template;
      return {
        subject: ballotsText.reminderEmail.subject(params.proposal, params.hours),
        text: ballotsText.reminderEmail.body({ ...params, closesAt: formatDateTime(new Date(params.closesAt)) }),
      };
    }
    case "moderation_hidden": {
      const { params } = template;
      return {
        subject: moderationText.email.hiddenSubject,
        text: moderationText.email.hiddenBody(ruleLabel(params.rule as ModerationRule), params.reason, params.link),
      };
    }
    case "moderation_restored":
      return {
        subject: moderationText.email.restoredSubject,
        text: moderationText.email.restoredBody(template.params.link),
      };
    case "comment_notification":
      return notificationContent(template.params);
    case "comment_digest":
      return digestContent(template.params);
  }
}

function resetText({ name, link }: { name: string; link: string }): string {
  return [
    `Bonjour ${name},`,
    "",
    "Une réinitialisation du mot de passe de votre compte Concertation a été demandée.",
    "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, utilisable une fois) :",
    link,
    "",
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
  ].join("\n");
}

function invitationText(link: string): string {
  return [
    "Bonjour,",
    "",
    "Vous êtes invité·e à rejoindre Concertation, la plateforme où les organisations de la coalition pour l'accès aux soins débattent et votent.",
    "Pour activer votre compte, ouvrez ce lien (valable 7 jours, utilisable une fois) :",
    link,
    "",
    "Si vous ne vous attendiez pas à ce message, ignorez-le.",
  ].join("\n");
}

type Notification = Extract<EmailTemplate, { name: "comment_notification" }>["params"];
type Digest = Extract<EmailTemplate, { name: "comment_digest" }>["params"];
const t = notificationsText;

function notificationContent(params: Notification): EmailContent {
  return {
    subject: t.subject(params.reason, params.number),
    text: [
      t.line(params.reason, params.who, params.number, params.title),
      "",
      params.excerpt,
      "",
      `${t.read} ${params.link}`,
      "",
      `${t.unsubscribe} ${params.unsubscribe}`,
    ].join("\n"),
  };
}

function digestContent(params: Digest): EmailContent {
  const parts: string[] = [t.digestIntro, ""];
  for (const line of params.lines) {
    parts.push(`• ${t.line(line.reason, line.who, line.number, line.title)}`, `  ${line.link}`);
  }
  parts.push("", `${t.unsubscribe} ${params.unsubscribe}`);
  return { subject: t.digestSubject(params.lines.length), text: parts.join("\n") };
}
