import { Flash, TextArea } from "../../components/Form.js";
import { ballotsText as t } from "../ballots.text.js";

export type VerifyView =
  | { ok: true; events: number; head: string; witnessed?: { checkpoints: number; keyFingerprint: string } }
  | { ok: false; message: string };

export interface KeptCheckpointForm {
  /** What the person pasted, kept as typed. */
  value: string;
  error?: string;
  /** How many checkpoints were read from it (0 when nothing was pasted). */
  found: number;
}

/** The same check as `npm run verify`, run by the server on its own current export, and on a pasted checkpoint. */
export function VerifyPage({
  outcome,
  origin,
  fingerprint,
  kept,
}: {
  outcome: VerifyView;
  origin: string;
  fingerprint: string;
  kept: KeptCheckpointForm;
}) {
  return (
    <article>
      <h1>{t.verify.title}</h1>
      <p class="lead">{t.verify.lead}</p>
      {outcome.ok ? (
        <Flash kind="success">
          {t.verify.ok(outcome.events, outcome.head)}
          {outcome.witnessed ? ` ${t.verify.witnessed(outcome.witnessed.checkpoints, kept.found)}` : ""}
        </Flash>
      ) : (
        <Flash kind="error">
          {t.verify.failed} : {outcome.message}
        </Flash>
      )}
      <h2>{t.verify.keptTitle}</h2>
      <p>{t.verify.keptLead}</p>
      <form method="get" action="/verifier">
        <TextArea label={t.verify.keptLabel} name="point" value={kept.value} error={kept.error} rows={4} />
        <button type="submit">{t.verify.keptSubmit}</button>
      </form>
      <h2>{t.verify.keyTitle}</h2>
      <p>
        {t.verify.keyLead} <a href="/.well-known/concertation-checkpoint-key.json">{t.verify.keyLink}</a>
      </p>
      <p class="hash">
        <code>{fingerprint}</code>
      </p>
      <h2>{t.verify.cliTitle}</h2>
      <p>{t.verify.cli}</p>
      <pre>
        <code>
          npm run verify -- {origin}/journal.json --points recu.eml --cle {fingerprint}
        </code>
      </pre>
    </article>
  );
}
