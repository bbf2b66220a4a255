import { Flash } from "../components/Form.js";
import { ballotsText as t } from "./ballots.text.js";

export type VerifyView = { ok: true; events: number; head: string } | { ok: false; message: string };

/** The same check as `npm run verify`, run by the server on its own current export. */
export function VerifyPage({ outcome, origin }: { outcome: VerifyView; origin: string }) {
  return (
    <article>
      <h1>{t.verify.title}</h1>
      <p class="lead">{t.verify.lead}</p>
      {outcome.ok ? (
        <Flash kind="success">{t.verify.ok(outcome.events, outcome.head)}</Flash>
      ) : (
        <Flash kind="error">
          {t.verify.failed} : {outcome.message}
        </Flash>
      )}
      <p>{t.verify.cli}</p>
      <pre>
        <code>npm run verify -- {origin}/journal.json</code>
      </pre>
    </article>
  );
}
