import { text } from "../common/text.js";

export interface ErrorPageProps {
  status: number;
  title: string;
  message: string;
  requestId?: string;
}

/** Used for 404, 403, 500 and 503: a full page, or the same block as an htmx fragment. */
export function ErrorPage({ status, title, message, requestId }: ErrorPageProps) {
  return (
    <section class="error-page" aria-labelledby="erreur-titre">
      <p class="error-code">{status}</p>
      <h1 id="erreur-titre">{title}</h1>
      <p>{message}</p>
      {requestId ? (
        <p class="muted">
          {text.errors.requestId} : <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <a href="/">{text.errors.backHome}</a>
      </p>
    </section>
  );
}
