/** Thrown by services and routes; rendered by the single onError handler. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message = "Cette page n'existe pas ou a été déplacée.") =>
  new AppError(404, "not_found", message);
