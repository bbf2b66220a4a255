import type { NotificationFrequency } from "../../src/domain/debate.js";
import { Flash } from "../components/Form.js";
import { notificationsText as t } from "./comments.text.js";

const FREQUENCIES: NotificationFrequency[] = ["immediate", "daily", "off"];

export function NotificationSettingsPage({ frequency, saved }: { frequency: NotificationFrequency; saved: boolean }) {
  return (
    <>
      <h1>{t.settingsTitle}</h1>
      {saved ? <Flash kind="success">{t.saved}</Flash> : null}
      <p>{t.settingsLead}</p>
      <form method="post" action="/compte/notifications">
        <fieldset class="field">
          <legend>{t.frequencyLabel}</legend>
          {FREQUENCIES.map((value) => (
            <label class="stance-option">
              <input type="radio" name="frequence" value={value} checked={frequency === value} /> {t.frequencies[value]}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t.save}</button>
      </form>
    </>
  );
}

export function UnsubscribePage({ token, state }: { token: string; state: "ask" | "done" | "invalid" }) {
  return (
    <>
      <h1>{t.unsubscribeTitle}</h1>
      {state === "invalid" ? <Flash kind="error">{t.badLink}</Flash> : null}
      {state === "done" ? <Flash kind="success">{t.unsubscribed}</Flash> : null}
      {state === "ask" ? (
        <form method="post" action="/notifications/desabonnement">
          <p>{t.unsubscribeLead}</p>
          <input type="hidden" name="jeton" value={token} />
          <button type="submit">{t.unsubscribeButton}</button>
        </form>
      ) : null}
    </>
  );
}
