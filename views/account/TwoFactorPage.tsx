import { Field, Flash } from "../components/Form.js";
import { accountText as t } from "./account.text.js";

export type TwoFactorPageProps =
  | { mode: "setup"; secret: string; uri: string; error?: string; message?: string | undefined }
  | { mode: "enabled"; staff: boolean; error?: string; message?: string | undefined }
  | { mode: "recovery-codes"; codes: string[] };

export function TwoFactorPage(props: TwoFactorPageProps) {
  return (
    <section class="narrow" aria-labelledby="titre-2fa">
      <h1 id="titre-2fa">{t.totp.title}</h1>
      {"message" in props && props.message ? <Flash kind="info">{props.message}</Flash> : null}
      {props.mode === "setup" ? <Setup {...props} /> : null}
      {props.mode === "enabled" ? <Enabled {...props} /> : null}
      {props.mode === "recovery-codes" ? <RecoveryCodes codes={props.codes} /> : null}
    </section>
  );
}

function Setup({ secret, uri, error }: { secret: string; uri: string; error?: string }) {
  return (
    <>
      <p>{t.totp.lead}</p>
      <dl>
        <dt>{t.totp.key}</dt>
        <dd>
          <code class="totp-key">{secret.replaceAll(/(.{4})/g, "$1 ").trim()}</code>
        </dd>
        <dt>{t.totp.uri}</dt>
        <dd>
          <a href={uri}>otpauth://…</a>
        </dd>
      </dl>
      <form method="post" action="/compte/double-authentification">
        <input type="hidden" name="key" value={secret} />
        <Field
          label={t.totp.code}
          name="code"
          error={error}
          autocomplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={8}
        />
        <button type="submit">{t.totp.enable}</button>
      </form>
    </>
  );
}

function Enabled({ staff, error }: { staff: boolean; error?: string }) {
  return (
    <>
      <p>{t.totp.enabled}</p>
      {staff ? (
        <p>{t.totp.required}</p>
      ) : (
        <form method="post" action="/compte/double-authentification/desactiver">
          <Field
            label={t.totp.disablePassword}
            name="password"
            type="password"
            error={error}
            autocomplete="current-password"
            required
            maxLength={128}
          />
          <button type="submit" class="button--secondary">
            {t.totp.disable}
          </button>
        </form>
      )}
    </>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <Flash kind="success">{t.totp.enabled}</Flash>
      <h2>{t.totp.recoveryTitle}</h2>
      <p>{t.totp.recoveryLead}</p>
      <ul class="recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/compte">{t.totp.continue}</a>
      </p>
    </>
  );
}
