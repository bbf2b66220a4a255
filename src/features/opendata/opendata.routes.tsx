import { type Context, Hono } from "hono";
import { OpenDataPage } from "../../../views/opendata/OpenDataPage.js";
import { openDataText } from "../../../views/opendata/opendata.text.js";
import { checkpointKeyOf } from "../../audit/checkpoints.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { DATASETS } from "./datasets.js";

/** Headers are Latin-1: an RFC 8288 link, ASCII only. */
const LICENCE_LINK = '<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"';

/** Open data: public, no account, CSV and JSON for every public dataset. */
export function openDataRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get("/", deps.publicPage, (c) => showDatasets(c))
    .get("/:file{[a-z-]+\\.[a-z]+}", (c) => downloadDataset(c, deps));
}

function showDatasets(c: Context<AppEnv>) {
  return renderPage(c, <OpenDataPage datasets={DATASETS} />, { title: openDataText.title });
}

async function downloadDataset(c: Context<AppEnv, "/:file">, { db, signer }: RouteDeps) {
  const [name = "", format] = c.req.param("file").split(".");
  const dataset = DATASETS.find((d) => d.name === name);
  if (!dataset || (format !== "csv" && format !== "json")) throw notFound("Ce jeu de données n'existe pas.");
  c.header("Link", LICENCE_LINK);
  if (format === "json") return c.json(await dataset.json(db, checkpointKeyOf(signer)));
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}.csv"`);
  return c.body(await dataset.csv(db));
}
