import type { ColumnType, Generated, Selectable } from "kysely";

/** Typed schema of the database; must match migrations/. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export const PROPOSAL_STATUSES = ["brouillon", "debat", "vote_ouvert", "clos"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface CollegeTable {
  slug: string;
  name: string;
  position: number;
}

export interface OrganisationKindTable {
  slug: string;
  label: string;
  position: number;
}

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind_slug: string;
  college_slug: string;
  description: Generated<string>;
  website: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProposalTable {
  id: Generated<string>;
  number: number;
  slug: string;
  title: string;
  body: string;
  status: ColumnType<ProposalStatus, ProposalStatus | undefined, ProposalStatus>;
  vote_opens_at: Date | null;
  vote_closes_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface Database {
  college: CollegeTable;
  organisation_kind: OrganisationKindTable;
  organisation: OrganisationTable;
  proposal: ProposalTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type ProposalRow = Selectable<ProposalTable>;
