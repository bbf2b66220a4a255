import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { text } from "../../views/common/text.js";
import { ErrorPage } from "../../views/errors/ErrorPage.js";
import { isDatabaseUnavailable } from "../db/errors.js";
import { DomainError } from "../domain/errors.js";
import type { AppEnv } from "./env.js";
import { AppError } from "./errors.js";
import { describeRefusal } from "./refusals.js";
import { renderPage } from "./render.js";

type ErrorStatus = 400 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 503;

/** Every status we answer with has its own title: a 409 is never an « Erreur inattendue ». */
const TITLES: Record<ErrorStatus, string> = {
  400: text.errors.badRequestTitle,
  403: text.errors.forbiddenTitle,
  404: text.errors.notFoundTitle,
  409: text.errors.conflictTitle,
  410: text.errors.goneTitle,
  413: text.errors.tooLargeTitle,
  422: text.errors.invalidTitle,
  429: text.errors.tooManyTitle,
  500: text.errors.serverErrorTitle,
  503: text.errors.unavailableTitle,
};

function showError(c: Context<AppEnv>, status: ErrorStatus, message: string) {
  const title = TITLES[status] ?? (status < 500 ? text.errors.invalidTitle : text.errors.serverErrorTitle);
  const page = <ErrorPage status={status} title={title} message={message} requestId={c.get("requestId")} />;
  return renderPage(c, page, { title }, status);
}

/** The single place where errors become pages: 503 for an unreachable database, never a crash. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return showError(c, error.status as ErrorStatus, error.message);
  const refusal = error instanceof DomainError ? describeRefusal(error) : undefined;
  if (refusal) return showError(c, refusal.status, refusal.message);
  if (isDatabaseUnavailable(error)) {
    c.get("logger")?.warn({ err: error }, "base de données indisponible");
    c.header("Retry-After", "5");
    return showError(c, 503, text.errors.unavailableMessage);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return showError(c, error.status as ErrorStatus, error.message);
  }
  c.get("logger")?.error({ err: error }, "erreur inattendue");
  return showError(c, 500, text.errors.serverErrorMessage);
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => showError(c, 404, text.errors.notFoundMessage);
