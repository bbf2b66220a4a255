import { dossierText as t } from "./dossier.text.js";

/** A CSS string literal: quotes and backslashes escaped, line breaks (never expected) as spaces. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&").replace(/[\r\n\f]/g, " ")}"`;
}

/**
 * The dossier's page margins, which the static stylesheet cannot hold: the journal head this
 * printing reflects, and the origin relative links in published syntheses resolve against.
 * Served at one URL per head (so it never goes stale) and linked from the page, because the
 * CSP allows no inline style.
 */
export function dossierMarginsCss({ head, origin }: { head: string; origin: string }): string {
  return `@media print {
  @page {
    @top-left { content: ${cssString(t.marginTitle)}; }
    @bottom-left { content: ${cssString(`${t.marginHead} ${head}`)}; }
    @bottom-right { content: counter(page) " / " counter(pages); }
  }
  @page :first {
    @top-left { content: none; }
  }
  .dossier .synthesis-body a[href^="/"]::after { content: " (" ${cssString(origin)} attr(href) ")"; }
}
`;
}
