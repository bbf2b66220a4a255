import type { Child } from "hono/jsx";
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

/** Skip link, header with navigation, main landmark and footer around every page. */
function ViewerLinks({ viewer, currentPath }: { viewer: Viewer | undefined; currentPath: string }) {
  if (!viewer) {
    return (
      <li>
        <a href="/connexion" aria-current={currentPath === "/connexion" ? "page" : undefined}>
          {text.nav.signIn}
        </a>
      </li>
    );
  }
  const current = (href: string) => (isCurrent(href, currentPath) ? "page" : undefined);
  return (
    <>
      {viewer.organisationName ? (
        <li>
          <a href="/tableau-de-bord" aria-current={current("/tableau-de-bord")}>
            {text.nav.dashboard}
          </a>
        </li>
      ) : null}
      {viewer.isStaff ? (
        <li>
          <a href="/moderation" aria-current={current("/moderation")}>
            {text.nav.moderation}
          </a>
        </li>
      ) : null}
      {viewer.isAdmin ? (
        <li>
          <a href="/admin" aria-current={current("/admin")}>
            {text.nav.admin}
          </a>
        </li>
      ) : null}
      <li>
        <a href="/compte" aria-current={current("/compte")}>
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
    </>
  );
}

export function AppShell({ currentPath, viewer, children }: AppShellProps) {
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
              <ViewerLinks viewer={viewer} currentPath={currentPath} />
            </ul>
          </nav>
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
