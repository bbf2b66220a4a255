import type { Child } from "hono/jsx";
import { MAX_SEARCH_LENGTH } from "../../src/domain/search.js";
import { ballotsText } from "../ballots/ballots.text.js";
import { text } from "../common/text.js";
import { Announcer } from "../components/Announcement.js";
import { siteText } from "../site/site.text.js";

/** The signed-in person, as the header shows them. */
export interface Viewer {
  displayName: string;
  organisationName: string | null;
  isStaff: boolean;
  isAdmin: boolean;
}

export interface AppShellProps {
  currentPath: string;
  viewer?: Viewer | undefined;
  children: Child;
}

const NAV_LINKS = [
  { href: "/", label: text.nav.home },
  { href: "/organisations", label: text.nav.organisations },
  { href: "/resultats", label: ballotsText.nav.results },
  { href: "/a-propos", label: text.nav.about },
] as const;

function isCurrent(href: string, currentPath: string): boolean {
  return href === "/" ? currentPath === "/" : currentPath === href || currentPath.startsWith(`${href}/`);
}

const current = (href: string, currentPath: string) => (isCurrent(href, currentPath) ? "page" : undefined);

const FOOTER_GROUPS = [
  {
    id: "pied-participer",
    heading: siteText.footer.participate,
    links: [
      { href: "/aide", label: siteText.footer.help },
      { href: "/charte", label: siteText.footer.charter },
      { href: "/journal-de-moderation", label: siteText.footer.moderationJournal },
      { href: "/donnees", label: siteText.footer.openData },
      { href: "/dossier", label: siteText.footer.dossier },
    ],
  },
  {
    id: "pied-informations",
    heading: siteText.footer.information,
    links: [
      { href: "/accessibilite", label: siteText.footer.accessibility },
      { href: "/mentions-legales", label: siteText.footer.legal },
      { href: "/donnees-personnelles", label: siteText.footer.privacy },
      { href: "/contact", label: siteText.footer.contact },
      { href: "/plan-du-site", label: siteText.footer.siteMap },
    ],
  },
] as const;

/** The header's search box: every page reaches the site search (GET, so it works without JavaScript). */
function HeaderSearch() {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is a search landmark in every browser; <search> is not yet
    <form class="site-search" role="search" method="get" action="/recherche" aria-label={text.nav.searchLabel}>
      <label for="site-recherche" class="visually-hidden">
        {text.nav.searchLabel}
      </label>
      <input
        id="site-recherche"
        name="q"
        type="search"
        maxlength={MAX_SEARCH_LENGTH}
        placeholder={text.nav.searchPlaceholder}
      />
      <button type="submit">
        <svg class="site-search__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="6.5" cy="6.5" r="5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M10.3 10.3 15 15" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        <span class="site-search__label">{text.nav.searchButton}</span>
        <span class="visually-hidden">{text.nav.searchButtonMore}</span>
      </button>
    </form>
  );
}

/**
 * A visitor's « Connexion »; a signed-in person's own menu, named after them (a <details>, so it
 * opens without JavaScript): their dashboard or the staff pages, their account and signing out.
 */
function ViewerMenu({ viewer, currentPath }: { viewer: Viewer | undefined; currentPath: string }) {
  if (!viewer) {
    return (
      <a class="site-signin" href="/connexion" aria-current={currentPath === "/connexion" ? "page" : undefined}>
        {text.nav.signIn}
      </a>
    );
  }
  const links = [
    ...(viewer.organisationName ? [{ href: "/tableau-de-bord", label: text.nav.dashboard }] : []),
    ...(viewer.isStaff ? [{ href: "/moderation", label: text.nav.moderation }] : []),
    ...(viewer.isAdmin ? [{ href: "/admin", label: text.nav.admin }] : []),
  ];
  const inside = [...links.map((link) => link.href), "/compte"].some((href) => isCurrent(href, currentPath));
  return (
    <details class="account-menu">
      <summary class={inside ? "is-current" : undefined} title={viewer.displayName}>
        <span class="visually-hidden">{text.nav.accountMenuPrefix}</span>
        <span class="account-menu__name">{viewer.displayName}</span>
      </summary>
      <ul class="account-menu__list">
        {links.map((link) => (
          <li>
            <a href={link.href} aria-current={current(link.href, currentPath)}>
              {link.label}
            </a>
          </li>
        ))}
        <li>
          <a href="/compte" aria-current={current("/compte", currentPath)}>
            {text.nav.account}
            <span class="visually-hidden">
              {" "}
              ({viewer.displayName}
              {viewer.organisationName ? `, ${viewer.organisationName}` : ""})
            </span>
          </a>
        </li>
        <li>
          <form method="post" action="/deconnexion" class="inline-form">
            <button type="submit" class="link-button">
              {text.nav.signOut}
            </button>
          </form>
        </li>
      </ul>
    </details>
  );
}

/**
 * Skip link, header, main landmark and footer around every page. The header names the service
 * and the coalition; from 1024 px its menu is always shown on one line, below it is a « Menu »
 * <details> (both without JavaScript; `::details-content` in app.css keeps it open on wide screens).
 */
export function AppShell({ currentPath, viewer, children }: AppShellProps) {
  return (
    <>
      <a class="skip-link" href="#contenu">
        {text.skipLink}
      </a>
      <header class="site-header">
        <div class="container site-header__bar">
          <a class="brand" href="/">
            <span class="brand__name">{text.siteName}</span>
            <span class="brand__line">
              {text.serviceLine.coalition}
              <span class="brand__separator"> · </span>
              <span class="brand__members">{text.serviceLine.members}</span>
            </span>
          </a>
          <details class="site-menu">
            <summary>{text.nav.menu}</summary>
            <div class="site-menu__panel">
              <nav class="site-nav" aria-label={text.nav.label}>
                <ul>
                  {NAV_LINKS.map((link) => (
                    <li>
                      <a href={link.href} aria-current={current(link.href, currentPath)}>
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <HeaderSearch />
              <ViewerMenu viewer={viewer} currentPath={currentPath} />
            </div>
          </details>
        </div>
      </header>
      <main id="contenu" class="container" tabindex={-1}>
        {children}
        <Announcer />
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{text.footer.about}</p>
          <nav class="footer-nav" aria-label={siteText.footer.label}>
            {FOOTER_GROUPS.map((group) => (
              <div class="footer-group">
                <h2 class="footer-heading" id={group.id}>
                  {group.heading}
                </h2>
                <ul>
                  {group.links.map((link) => (
                    <li>
                      <a href={link.href} aria-current={currentPath === link.href ? "page" : undefined}>
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <p class="muted">{text.footer.demo}</p>
        </div>
      </footer>
    </>
  );
}
