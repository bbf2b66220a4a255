import type { Child } from "hono/jsx";
import { text } from "../common/text.js";
import { Announcer } from "../components/Announcement.js";

/** A page to project (the meeting screen): the main landmark only, full width, with the live region. */
export function ScreenShell({ children }: { children: Child }) {
  return (
    <>
      <a class="skip-link" href="#contenu">
        {text.skipLink}
      </a>
      <main id="contenu" class="screen-main" tabindex={-1}>
        {children}
        <Announcer />
      </main>
    </>
  );
}
