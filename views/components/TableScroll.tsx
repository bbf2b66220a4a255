import type { Child } from "hono/jsx";

/**
 * The one way to show a table that may be wider than the screen: it scrolls sideways inside
 * its own region, named by the table's caption (or heading) and reachable with the keyboard,
 * so the page itself never scrolls sideways at 320 px (WCAG 1.4.10).
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: Child }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scrolling wrapper is no section of the document; the region role only names it.
    <div class="table-scroll" role="region" aria-labelledby={labelledBy} tabindex={0}>
      {children}
    </div>
  );
}
