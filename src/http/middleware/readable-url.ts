import type { MiddlewareHandler } from "hono";
import { text } from "../../../views/common/text.js";
import { AppError } from "../errors.js";
import { hasControlCharacters } from "../forms.js";

/**
 * A path or query that decodes to control characters (a NUL in `/propositions/a%00b`, in
 * `?q=a%00b`) or does not decode at all names nothing we serve: 404 for the path, 400 for the
 * query, answered here once so that no slug or search term reaches a query with them.
 */
export function readableUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const path = decodedOrUndefined(url.pathname);
    if (path === undefined || hasControlCharacters(path))
      throw new AppError(404, "unreadable_path", text.errors.notFoundMessage);
    for (const [name, value] of url.searchParams) {
      if (hasControlCharacters(name) || hasControlCharacters(value))
        throw new AppError(400, "unreadable_query", text.errors.unreadableAddressMessage);
    }
    await next();
  };
}

function decodedOrUndefined(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}
