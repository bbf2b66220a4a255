import type { LinkState } from "../../src/domain/links.js";
import { authText } from "./auth.text.js";

/** A used, expired, revoked or unknown link: say which, and how to get a new one. */
export function LinkProblemPage({ state, kind }: { state: Exclude<LinkState, "valid">; kind: "reset" | "invitation" }) {
  const t = authText.link;
  return (
    <section class="narrow" aria-labelledby="titre-lien">
      <h1 id="titre-lien">{t.invalidTitle}</h1>
      <p class="lead">{t[state]}</p>
      {kind === "reset" ? (
        <p>
          <a href="/mot-de-passe-oublie">{t.askAgainReset}</a>
        </p>
      ) : (
        <p>{t.askAgainInvitation}</p>
      )}
    </section>
  );
}
