import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { jsxRenderer } from "hono/jsx-renderer";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppShell, type Viewer } from "../../views/layouts/AppShell.js";
import { Document } from "../../views/layouts/Document.js";
import { ScreenShell } from "../../views/layouts/ScreenShell.js";
import { can } from "../domain/permissions.js";
import type { AssetStore } from "./assets.js";
import type { CurrentUser } from "./env.js";
import { isPartial, varyOnHtmx } from "./htmx.js";

export interface PageMeta {
  title: string;
  description?: string;
  /** `screen`: a page to project (the meeting screen), without header, navigation or footer. */
  layout?: "app" | "screen";
  /** Reloads the page every so many seconds when scripts do not run (a live page without JavaScript). */
  refreshWithoutScript?: number;
}

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation must stay an interface
    (content: string | Promise<string>, meta: PageMeta): Response | Promise<Response>;
  }
}

/** Wraps every full page in the document and the app shell (header, nav, footer). */
export function pageRenderer(assets: AssetStore) {
  const urls = assets.urls();
  return jsxRenderer(
    ({ children, title, description, layout, refreshWithoutScript }, c) => (
      <Document title={title} description={description} assets={urls} refreshWithoutScript={refreshWithoutScript}>
        {layout === "screen" ? (
          <ScreenShell>{children}</ScreenShell>
        ) : (
          <AppShell currentPath={c.req.path} viewer={viewerOf(c.get("user"))}>
            {children}
          </AppShell>
        )}
      </Document>
    ),
    { docType: true },
  );
}

function viewerOf(user: CurrentUser | undefined): Viewer | undefined {
  if (!user) return undefined;
  return {
    displayName: user.displayName,
    organisationName: user.mandate?.organisationName ?? null,
    isStaff: can(user, "moderate"),
    isAdmin: can(user, "administer"),
  };
}

/**
 * One URL, two answers: `fragment` for an htmx partial request (the part of the page that
 * changes), `page` otherwise; caches are told the answer depends on it.
 */
export async function renderFragmentOrPage(
  c: Context,
  fragment: () => JSX.Element | Promise<JSX.Element>,
  page: () => Response | Promise<Response>,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  varyOnHtmx(c);
  if (!isPartial(c)) return page();
  return c.html(await fragment(), status);
}

/** After a successful POST: the fragment htmx swaps in, or a 303 to where the result is shown. */
export async function fragmentOrRedirect(
  c: Context,
  location: string,
  fragment: () => JSX.Element | Promise<JSX.Element>,
): Promise<Response> {
  varyOnHtmx(c);
  if (!isPartial(c)) return c.redirect(location, 303);
  return c.html(await fragment());
}

/** Full page, or only the content as a fragment for htmx partial requests: same component, same URL. */
export function renderPage(c: Context, content: JSX.Element, meta: PageMeta, status: ContentfulStatusCode = 200) {
  varyOnHtmx(c);
  c.status(status);
  if (isPartial(c)) return c.html(content);
  return c.render(content, meta);
}
