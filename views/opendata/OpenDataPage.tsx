import { TableScroll } from "../components/TableScroll.js";
import { openDataText as t } from "./opendata.text.js";

export interface DatasetView {
  name: string;
  title: string;
  description: string;
  fields: Record<string, string>;
}

export function OpenDataPage({ datasets }: { datasets: DatasetView[] }) {
  return (
    <article>
      <h1>{t.title}</h1>
      <p>
        {t.lead}{" "}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" hreflang="fr">
          {t.licence}
        </a>
        {t.reuse}
      </p>
      <h2>{t.downloads}</h2>
      <ul class="downloads">
        {datasets.map((d) => (
          <li>
            <strong>{d.title}</strong> — {d.description}{" "}
            <a href={`/donnees/${d.name}.csv`}>
              CSV<span class="visually-hidden"> : {d.title}</span>
            </a>{" "}
            ·{" "}
            <a href={`/donnees/${d.name}.json`}>
              JSON<span class="visually-hidden"> : {d.title}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t.dictionary}</h2>
      {datasets.map((d) => (
        <section aria-labelledby={`dictionnaire-${d.name}`}>
          <h3 id={`dictionnaire-${d.name}`}>{d.title}</h3>
          <TableScroll labelledBy={`colonnes-${d.name}`}>
            <table class="data-table">
              <caption id={`colonnes-${d.name}`} class="visually-hidden">
                {t.columnsOf(d.title)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.meaning}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(d.fields).map(([field, meaning]) => (
                  <tr>
                    <td>
                      <code>{field}</code>
                    </td>
                    <td>{meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </article>
  );
}
