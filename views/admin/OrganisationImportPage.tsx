import { Flash, TextArea } from "../components/Form.js";
import { TableScroll } from "../components/TableScroll.js";
import type { Choice } from "./OrganisationFormPage.js";
import { organisationsAdminText as t } from "./organisations-admin.text.js";

export const CSV_COLUMNS = "slug,name,kind,college,description,website,demo";

export interface OrganisationImportPageProps {
  /** The pasted CSV, kept when the import is refused. */
  csv: string;
  /** Beside the source that was sent: `csv` for the pasted text, `file` for the file. */
  errors: Record<string, string>;
  kinds: Choice[];
  colleges: Choice[];
}

export function OrganisationImportPage({ csv, errors, kinds, colleges }: OrganisationImportPageProps) {
  return (
    <section aria-labelledby="titre-import">
      <p>
        <a href="/admin/organisations">{t.form.back}</a>
      </p>
      <h1 id="titre-import">{t.import.title}</h1>
      <p class="lead">{t.import.lead}</p>
      <p>
        {t.import.columns} <code>{CSV_COLUMNS}</code>
      </p>
      {Object.keys(errors).length > 0 ? <Flash kind="error">{t.form.errorSummary}</Flash> : null}
      <form method="post" action="/admin/organisations/import" enctype="multipart/form-data">
        <TextArea label={t.import.csv} name="csv" value={csv} error={errors.csv} hint={t.import.csvHint} rows={12} />
        <FileField error={errors.file} />
        <button type="submit">{t.import.submit}</button>
      </form>
      <CodesTables kinds={kinds} colleges={colleges} />
    </section>
  );
}

function FileField({ error }: { error?: string | undefined }) {
  const describedBy = ["champ-file-aide", error ? "champ-file-erreur" : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for="champ-file">{t.import.file}</label>
      <p class="muted" id="champ-file-aide">
        {t.import.fileHint}
      </p>
      <input
        id="champ-file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p class="field-error" id="champ-file-erreur">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CodesTables({ kinds, colleges }: { kinds: Choice[]; colleges: Choice[] }) {
  return (
    <details>
      <summary>{t.import.codes}</summary>
      <CodesTable id="codes-types" caption={t.import.kindsCaption} rows={kinds} />
      <CodesTable id="codes-colleges" caption={t.import.collegesCaption} rows={colleges} />
    </details>
  );
}

function CodesTable({ id, caption, rows }: { id: string; caption: string; rows: Choice[] }) {
  return (
    <TableScroll labelledBy={id}>
      <table class="data-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.import.code}</th>
            <th scope="col">{t.import.label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <code>{row.value}</code>
              </th>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
