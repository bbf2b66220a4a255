/** View models of the site search: plain data built by search.read.ts, drawn by views/search. */
import type { ProposalStatus } from "../../../domain/proposals.js";
import type { MarkedText } from "../../../domain/search.js";

export interface ProposalHit {
  number: number;
  slug: string;
  status: ProposalStatus;
  title: MarkedText;
  excerpt: MarkedText;
}

export interface OrganisationHit {
  slug: string;
  isDemo: boolean;
  name: MarkedText;
  kindLabel: MarkedText;
  collegeName: MarkedText;
}

export interface CommentHit {
  id: string;
  proposalNumber: number;
  proposalTitle: string;
  authorName: string;
  organisationName: string;
  createdAt: Date;
  excerpt: MarkedText;
}

/** One kind of result: at most `limit` shown; `more` when the limit cut the list. */
export interface HitGroup<T> {
  hits: T[];
  limit: number;
  more: boolean;
}

export interface SearchResults {
  proposals: HitGroup<ProposalHit>;
  organisations: HitGroup<OrganisationHit>;
  comments: HitGroup<CommentHit>;
}

/** The search page: the query as typed (kept in the box), the results once there is a query, or why it was refused. */
export interface SearchView {
  query: string;
  results: SearchResults | null;
  refusal: "too-long" | null;
}
