import type { Child } from "hono/jsx";
import { text } from "../common/text.js";

export interface AssetUrls {
  css: string;
  htmx: string;
  /** Our own script for every page (focus after htmx actions, announcements, copy): static/app.js. */
  script: string;
  favicon: string;
}

export interface DocumentProps {
  title: string;
  description?: string;
  assets: AssetUrls;
  /** Seconds between reloads when scripts do not run (a live page that must stay current without them). */
  refreshWithoutScript?: number | undefined;
  children: Child;
}

/** The HTML document: lang="fr", metadata, our own stylesheet and htmx (never a CDN). */
export function Document({ title, description, assets, refreshWithoutScript, children }: DocumentProps) {
  const fullTitle = title === text.siteName ? title : `${title} — ${text.siteName}`;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description ?? text.tagline} />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href={assets.favicon} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.htmx} defer />
        <script src={assets.script} defer />
        {refreshWithoutScript ? (
          <noscript>
            <meta http-equiv="refresh" content={String(refreshWithoutScript)} />
          </noscript>
        ) : null}
      </head>
      <body>{children}</body>
    </html>
  );
}
