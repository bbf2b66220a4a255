/**
 * The page's one polite live region, in every page's layout: what an htmx action did and what
 * live updates brought are read after what the person is doing.
 */
export const ANNOUNCER_ID = "annonce";

export function Announcer() {
  return <div id={ANNOUNCER_ID} class="visually-hidden" role="status" aria-live="polite" />;
}

/** Out-of-band replacement of the announcer's text; it never moves the focus. */
export function Announcement({ message }: { message: string }) {
  return (
    <div id={ANNOUNCER_ID} hx-swap-oob="innerHTML">
      {message}
    </div>
  );
}
