import { type Kysely, sql } from "kysely";

const COMMENT_KINDS = [
  "comment_created",
  "comment_edited",
  "comment_deleted",
  "comment_supported",
  "comment_hidden",
  "comment_restored",
  "comment_pinned",
];
const PROPOSAL_KINDS = [
  "ballot_cast",
  "debate_opened",
  "vote_scheduled",
  "vote_opened",
  "vote_closed",
  "discussion_locked",
  "synthesis_published",
];

const list = (kinds: string[]) => sql.raw(kinds.map((kind) => `'${kind}'`).join(", "));

/**
 * Live events beyond comments: ballots, vote transitions and moderation decisions reach
 * every open page and every instance's page cache the same way. Events about a proposal
 * as a whole carry no comment; events about a comment always do.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table live_event drop constraint if exists live_event_kind_check`.execute(db);
  await sql`alter table live_event alter column comment_id drop not null`.execute(db);
  await sql`alter table live_event add constraint live_event_kind_check check (
    (kind in (${list(COMMENT_KINDS)}) and comment_id is not null)
    or (kind in (${list(PROPOSAL_KINDS)}) and comment_id is null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from live_event where comment_id is null or kind not in
            ('comment_created', 'comment_edited', 'comment_deleted', 'comment_supported')`.execute(db);
  await sql`alter table live_event drop constraint live_event_kind_check`.execute(db);
  await sql`alter table live_event alter column comment_id set not null`.execute(db);
  await sql`alter table live_event add constraint live_event_kind_check check (kind in
            ('comment_created', 'comment_edited', 'comment_deleted', 'comment_supported'))`.execute(db);
}
