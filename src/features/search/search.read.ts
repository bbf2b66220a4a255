import type { Kysely } from "kysely";
import type { Database } from "../../db/database.js";
import { splitMarks } from "../../domain/search.js";
import { searchComments } from "../comments/index.js";
import { searchOrganisations } from "../organisations/index.js";
import { searchProposals } from "../proposals/index.js";
import type { HitGroup, SearchResults } from "./view-models/search.model.js";

/** How many results of each kind a page shows. */
export const SEARCH_LIMITS = { proposals: 10, organisations: 20, comments: 50 } as const;

/** One more row than shown says whether the limit cut the list. */
function group<T>(rows: T[], limit: number): HitGroup<T> {
  return { hits: rows.slice(0, limit), limit, more: rows.length > limit };
}

/** Proposals, organisations and comments matching the query, each kind through its own feature. */
export async function searchSite(db: Kysely<Database>, query: string): Promise<SearchResults> {
  const [proposals, organisations, comments] = await Promise.all([
    searchProposals(db, query, SEARCH_LIMITS.proposals + 1),
    searchOrganisations(db, query, SEARCH_LIMITS.organisations + 1),
    searchComments(db, query, SEARCH_LIMITS.comments + 1),
  ]);
  return {
    proposals: group(
      proposals.map((row) => ({ ...row, title: splitMarks(row.title), excerpt: splitMarks(row.excerpt) })),
      SEARCH_LIMITS.proposals,
    ),
    organisations: group(
      organisations.map((row) => ({
        slug: row.slug,
        isDemo: row.isDemo,
        name: splitMarks(row.name),
        kindLabel: splitMarks(row.kindLabel),
        collegeName: splitMarks(row.collegeName),
      })),
      SEARCH_LIMITS.organisations,
    ),
    comments: group(
      comments.map((row) => ({
        id: row.id,
        proposalNumber: row.proposalNumber,
        proposalTitle: row.proposalTitle,
        authorName: row.authorName,
        organisationName: row.organisationName,
        createdAt: row.createdAt,
        excerpt: splitMarks(row.excerpt),
      })),
      SEARCH_LIMITS.comments,
    ),
  };
}
