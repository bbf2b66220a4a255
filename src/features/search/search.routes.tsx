import { type Context, Hono } from "hono";
import { SearchPage } from "../../../views/search/SearchPage.js";
import { searchText as t } from "../../../views/search/search.text.js";
import { MAX_SEARCH_LENGTH } from "../../domain/search.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { renderPage } from "../../http/render.js";
import { searchSite } from "./search.read.js";
import type { SearchView } from "./view-models/search.model.js";

type Ctx = Context<AppEnv>;

/** `/recherche?q=…`: proposals, organisations and comments, public (the header's search box sends here). */
export function searchRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get("/", deps.publicPage, (c) => showSearch(c, deps));
}

async function showSearch(c: Ctx, deps: RouteDeps) {
  // Control characters never get here: readableUrl answers them with its own 400.
  const query = (c.req.query("q") ?? "").trim();
  if (query.length > MAX_SEARCH_LENGTH) {
    const view: SearchView = { query: query.slice(0, MAX_SEARCH_LENGTH), results: null, refusal: "too-long" };
    return renderPage(c, <SearchPage view={view} />, { title: t.title }, 400);
  }
  const view: SearchView = { query, results: query ? await searchSite(deps.db, query) : null, refusal: null };
  return renderPage(c, <SearchPage view={view} />, { title: query ? t.titleFor(query) : t.title });
}
