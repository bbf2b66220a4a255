/** View models: the plain data a page is drawn from, built by the feature, drawn by views/. */
export interface QueueItemView {
  id: string;
  body: string;
  rootId: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
  authorName: string;
  organisationName: string;
  proposalSlug: string;
  proposalTitle: string;
  reportCount: number;
  firstReportAt: Date;
  rules: string[];
  notes: string[];
}

export interface ProposalLinkView {
  slug: string;
  number: number;
  title: string;
  locked: boolean;
}

export interface ModeratedCommentView {
  id: string;
  body: string;
  rootId: string | null;
  hidden: boolean;
  pinned: boolean;
  authorId: string;
  authorName: string;
  authorSuspended: boolean;
  organisationName: string;
  proposalSlug: string;
  notes: string[];
  reportCount: number;
}
