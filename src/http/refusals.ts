import { accountText } from "../../views/account/account.text.js";
import { organisationsAdminText } from "../../views/admin/organisations-admin.text.js";
import { authText } from "../../views/auth/auth.text.js";
import { ballotsText } from "../../views/ballots/ballots.text.js";
import { commentsText } from "../../views/comments/comments.text.js";
import { text } from "../../views/common/text.js";
import { moderationText } from "../../views/moderation/moderation.text.js";
import { peopleText } from "../../views/people/people.text.js";
import type { DomainError } from "../domain/errors.js";

type Params = Readonly<Record<string, string | number>>;
type RefusalStatus = 403 | 404 | 409 | 422 | 429;

interface Rule {
  status: RefusalStatus;
  message: string | ((params: Params) => string);
  /** Shown on the form that was sent (beside the error's field, or above the form), not as an error page. */
  onForm?: true;
}

const str = (value: string | number | undefined) => String(value ?? "");

/**
 * The one place where a domain refusal becomes HTTP: its status and its French message.
 * Every code a service throws is here; `test/unit/refusals.test.ts` checks that none is missing.
 */
const RULES = {
  "mandate.none": { status: 403, message: peopleText.errors.noMandate },
  "auth.throttled": { status: 429, message: (p) => authText.throttled(Number(p.waitSeconds)), onForm: true },
  "account.two_factor_required": { status: 403, message: accountText.errors.twoFactorRequired },

  "ballots.proposal_not_found": { status: 404, message: ballotsText.errors.unknownProposal },
  "ballots.wrong_organisation": {
    status: 403,
    message: (p) => ballotsText.errors.wrongOrganisation(str(p.organisation)),
  },
  "ballots.unknown_choice": { status: 422, message: ballotsText.errors.unknownChoice, onForm: true },
  "ballots.reason_too_long": { status: 422, message: ballotsText.errors.reasonTooLong, onForm: true },
  "ballots.vote_not_open": { status: 409, message: ballotsText.errors.voteNotOpen },
  "ballots.mandate_ended": { status: 403, message: ballotsText.errors.mandateEnded },
  "lifecycle.proposal_not_found": { status: 404, message: text.errors.notFoundMessage },
  "lifecycle.not_draft": { status: 409, message: ballotsText.errors.notDraft, onForm: true },
  "lifecycle.cannot_open": { status: 409, message: ballotsText.errors.cannotOpen, onForm: true },
  "lifecycle.no_closing_time": { status: 409, message: ballotsText.errors.noClosingTime, onForm: true },
  "lifecycle.not_open": { status: 409, message: ballotsText.errors.notOpen, onForm: true },
  "lifecycle.schedule_locked": { status: 409, message: ballotsText.errors.scheduleLocked, onForm: true },

  "comments.proposal_not_found": { status: 404, message: commentsText.unknownProposal },
  "comments.parent_not_found": { status: 404, message: commentsText.unknownParent },
  "comments.comment_not_found": { status: 404, message: commentsText.unknownComment },
  "comments.thread_not_found": { status: 404, message: text.errors.notFoundMessage },
  "comments.discussion_closed": {
    status: 403,
    message: (p) =>
      commentsText.closedReason(p.state as "closed" | "draft" | "locked", p.lockedReason ? str(p.lockedReason) : null),
    onForm: true,
  },
  "comments.rate_limited": { status: 429, message: commentsText.rateLimited, onForm: true },
  "comments.not_author": { status: 403, message: commentsText.notAuthor },
  "comments.deleted": { status: 403, message: commentsText.alreadyDeleted, onForm: true },
  "comments.hidden": { status: 403, message: commentsText.hiddenByModeration, onForm: true },
  "comments.own_support": { status: 403, message: commentsText.ownSupport },

  "moderation.comment_not_found": { status: 404, message: moderationText.errors.commentNotFound },
  "moderation.own_comment": { status: 403, message: moderationText.report.cannotReportOwn },
  "moderation.report_unavailable": { status: 409, message: moderationText.report.unavailable },
  "moderation.own_organisation": { status: 403, message: moderationText.queue.ownOrganisation },
  "moderation.already_hidden": { status: 409, message: moderationText.errors.alreadyHidden },
  "moderation.comment_deleted": { status: 409, message: moderationText.errors.commentDeleted },
  "moderation.not_hidden": { status: 409, message: moderationText.errors.notHidden },
  "moderation.no_reports": { status: 409, message: moderationText.errors.noReports },
  "moderation.pin_unavailable": { status: 409, message: moderationText.errors.pinUnavailable },
  "moderation.account_not_found": { status: 404, message: moderationText.errors.accountNotFound },
  "moderation.staff_account": { status: 403, message: moderationText.errors.staffAccount },

  "people.self_suspension": { status: 409, message: peopleText.errors.selfSuspension },
  "people.not_active": { status: 409, message: peopleText.errors.notActive },
  "people.not_suspended": { status: 409, message: peopleText.errors.notSuspended },
  "people.mandate_closed": { status: 409, message: peopleText.errors.mandateClosed },
  "invitations.account_exists": { status: 409, message: peopleText.errors.accountExists, onForm: true },
  "invitations.too_many_emails": { status: 429, message: peopleText.errors.tooManyInvitations, onForm: true },
  "invitations.pending": { status: 409, message: peopleText.errors.pendingInvitation, onForm: true },
  "invitations.closed": { status: 409, message: peopleText.errors.invitationClosed },

  "organisations.not_found": { status: 404, message: organisationsAdminText.errors.notFound },
  "organisations.csv_invalid": { status: 422, message: (p) => str(p.detail), onForm: true },
  "organisations.csv_line_unknown_kind": {
    status: 422,
    message: (p) => organisationsAdminText.errors.lineUnknownKind(Number(p.line), str(p.value)),
    onForm: true,
  },
  "organisations.csv_line_unknown_college": {
    status: 422,
    message: (p) => organisationsAdminText.errors.lineUnknownCollege(Number(p.line), str(p.value)),
    onForm: true,
  },
  "organisations.csv_line_name_repeated": {
    status: 422,
    message: (p) => organisationsAdminText.errors.lineNameRepeated(Number(p.line), str(p.value)),
    onForm: true,
  },
  "organisations.csv_line_name_taken": {
    status: 422,
    message: (p) => organisationsAdminText.errors.lineNameTaken(Number(p.line), str(p.value), str(p.owner)),
    onForm: true,
  },
  "organisations.csv_empty": { status: 422, message: organisationsAdminText.errors.csvEmpty, onForm: true },
  "organisations.unknown_kind": { status: 422, message: organisationsAdminText.errors.unknownKind, onForm: true },
  "organisations.unknown_college": { status: 422, message: organisationsAdminText.errors.unknownCollege, onForm: true },
  "organisations.slug_taken": { status: 409, message: organisationsAdminText.errors.slugTaken, onForm: true },
  "organisations.name_taken": { status: 409, message: organisationsAdminText.errors.nameTaken, onForm: true },
} satisfies Record<string, Rule>;

export type RefusalCode = keyof typeof RULES;
export const REFUSAL_CODES = Object.keys(RULES) as RefusalCode[];

export interface DescribedRefusal {
  status: RefusalStatus;
  message: string;
  field: string | undefined;
  onForm: boolean;
}

/** Status and wording of a refusal; an unknown code is our fault, so it is a 500 upstream. */
export function describeRefusal(error: DomainError): DescribedRefusal | undefined {
  const rule: Rule | undefined = (RULES as Record<string, Rule>)[error.code];
  if (!rule) return undefined;
  const message = typeof rule.message === "function" ? rule.message(error.params) : rule.message;
  return { status: rule.status, message, field: error.field, onForm: rule.onForm === true };
}
