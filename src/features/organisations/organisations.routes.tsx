import { type Context, Hono } from "hono";
import { text } from "../../../views/common/text.js";
import { OrganisationPage } from "../../../views/organisations/OrganisationPage.js";
import { type CollegeGroup, OrganisationsPage } from "../../../views/organisations/OrganisationsPage.js";
import type { AppEnv, RouteDeps } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/render.js";
import { loadOrganisationPositions } from "../ballots/index.js";
import { findOrganisationBySlug, listOrganisations } from "./organisations.queries.js";

type Ctx = Context<AppEnv>;
type OrganisationListRow = Awaited<ReturnType<typeof listOrganisations>>[number];

/** Rows arrive ordered by college, kind and name; nest them for the page. */
export function groupByCollegeAndKind(rows: OrganisationListRow[]): CollegeGroup[] {
  const colleges: CollegeGroup[] = [];
  for (const row of rows) {
    let college = colleges.at(-1);
    if (college?.collegeSlug !== row.collegeSlug) {
      college = { collegeSlug: row.collegeSlug, collegeName: row.collegeName, kinds: [] };
      colleges.push(college);
    }
    let kind = college.kinds.at(-1);
    if (kind?.kindSlug !== row.kindSlug) {
      kind = { kindSlug: row.kindSlug, kindLabel: row.kindLabel, organisations: [] };
      college.kinds.push(kind);
    }
    kind.organisations.push({ slug: row.slug, name: row.name, isDemo: row.isDemo });
  }
  return colleges;
}

/** The public directory of organisations (`/organisations`) and each one's page with its positions. */
export function organisationRoutes(deps: RouteDeps) {
  const { publicPage } = deps;
  return new Hono<AppEnv>()
    .get("/", publicPage, (c) => showOrganisations(c, deps))
    .get("/:slug", publicPage, (c) => showOrganisation(c, deps));
}

async function showOrganisations(c: Ctx, deps: RouteDeps) {
  const { db } = deps;
  const rows = await listOrganisations(db);
  return renderPage(c, <OrganisationsPage colleges={groupByCollegeAndKind(rows)} total={rows.length} />, {
    title: text.organisations.title,
  });
}

async function showOrganisation(c: Ctx, deps: RouteDeps) {
  const { db } = deps;
  const organisation = await findOrganisationBySlug(db, c.req.param("slug") ?? "");
  if (!organisation) throw notFound("Aucune organisation ne porte cette adresse.");
  const positions = await loadOrganisationPositions(db, organisation.slug);
  return renderPage(c, <OrganisationPage organisation={organisation} positions={positions} />, {
    title: organisation.name,
  });
}
