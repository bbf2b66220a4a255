import type { EmailStatus } from "../../src/domain/email.js";
import { formatDateTime, paragraphs } from "../common/format.js";
import { emailText } from "./email.text.js";

export interface DevEmailView {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  bodyText: string;
  createdAt: Date;
  sentAt: Date | null;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
}

export interface TextPart {
  link: boolean;
  text: string;
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;
// A sentence often ends right after a link: that punctuation is not part of it.
const TRAILING_PUNCTUATION = /[.,;:!?)»]+$/;

/** Splits plain text around http(s) URLs; the view renders links as elements, never as raw HTML. */
export function splitLinks(line: string): TextPart[] {
  const parts: TextPart[] = [];
  const addText = (text: string) => {
    const last = parts.at(-1);
    if (last && !last.link) last.text += text;
    else if (text) parts.push({ link: false, text });
  };
  for (const [index, piece] of line.split(URL_PATTERN).entries()) {
    if (index % 2 === 0) {
      addText(piece);
      continue;
    }
    const trailing = TRAILING_PUNCTUATION.exec(piece)?.[0] ?? "";
    parts.push({ link: true, text: piece.slice(0, piece.length - trailing.length) });
    addText(trailing);
  }
  return parts;
}

export function DevEmailPage({ email }: { email: DevEmailView }) {
  return (
    <article>
      <nav class="breadcrumb" aria-label="Fil d'Ariane">
        <ol>
          <li>
            <a href="/dev/courriels">{emailText.back}</a>
          </li>
          <li>
            <a href={`/dev/courriels/${email.id}`} aria-current="page">
              {email.subject || emailText.noSubject}
            </a>
          </li>
        </ol>
      </nav>
      <h1>{email.subject || emailText.noSubject}</h1>
      <EmailDetails email={email} />
      <section aria-labelledby="texte-courriel">
        <h2 id="texte-courriel">{emailText.body}</h2>
        <div class="email-body">
          {paragraphs(email.bodyText).map((paragraph) => (
            <p>
              {paragraph.split(/\r?\n/).map((line, index) => (
                <>
                  {index > 0 ? <br /> : null}
                  <TextWithLinks line={line} />
                </>
              ))}
            </p>
          ))}
        </div>
      </section>
    </article>
  );
}

function TextWithLinks({ line }: { line: string }) {
  return (
    <>
      {splitLinks(line).map((part) =>
        part.link ? (
          <a href={part.text} rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function EmailDetails({ email }: { email: DevEmailView }) {
  const at = (value: Date) => <time datetime={value.toISOString()}>{formatDateTime(value)}</time>;
  return (
    <dl class="schedule">
      <dt>{emailText.to}</dt>
      <dd>{email.recipient}</dd>
      <dt>{emailText.kind}</dt>
      <dd>{email.kind}</dd>
      <dt>{emailText.createdAt}</dt>
      <dd>{at(email.createdAt)}</dd>
      <dt>{emailText.statusLabel}</dt>
      <dd>
        {emailText.status[email.status]} ({emailText.attempts(email.attempts)})
      </dd>
      {email.sentAt ? (
        <>
          <dt>{emailText.sentAt}</dt>
          <dd>{at(email.sentAt)}</dd>
        </>
      ) : null}
      {email.lastError ? (
        <>
          <dt>{emailText.lastError}</dt>
          <dd>
            <code>{email.lastError}</code>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
