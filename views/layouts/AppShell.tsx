import type { Child } from "hono/jsx";
import { text } from "../text.js";

export interface AppShellProps {
  currentPath: string;
  children: Child;
}

const NAV_LINKS = [
  { href: "/", label: text.nav.home },
  { href: "/organisations", label: text.nav.organisations },
  { href: "/a-propos", label: text.nav.about },
] as const;

function isCurrent(href: string, currentPath: string): boolean {
  return href === "/" ? currentPath === "/" : currentPath === href || currentPath.startsWith(`${href}/`);
}

/** Skip link, header with navigation, main landmark and footer around every page. */
export function AppShell({ currentPath, children }: AppShellProps) {
  return (
    <>
      <a class="skip-link" href="#contenu">
        {text.skipLink}
      </a>
      <header class="site-header">
        <div class="container">
          <a class="brand" href="/">
            {text.siteName}
          </a>
          <nav class="site-nav" aria-label={text.nav.label}>
            <ul>
              {NAV_LINKS.map((link) => (
                <li>
                  <a href={link.href} aria-current={isCurrent(link.href, currentPath) ? "page" : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" class="container" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{text.footer.about}</p>
          <p class="muted">{text.footer.demo}</p>
        </div>
      </footer>
    </>
  );
}
