import { type Kysely, sql } from "kysely";
import type { Database } from "../../../db/database.js";
import { mandateIsCurrent } from "../../../mandates/mandates.queries.js";
import { queueEmail } from "../../email/index.js";

const HOUR_MS = 60 * 60 * 1000;

/**
 * 48 h and 24 h before closing, every representative of an organisation that has
 * not voted gets one reminder. The (proposal, person, hours) primary key makes
 * "once each" hold across instances: a second insert does nothing, so no second email.
 */
export async function sendDueReminders(db: Kysely<Database>, publicOrigin: string): Promise<number> {
  const proposals = await db
    .selectFrom("proposal")
    .select(["id", "slug", "title", "vote_closes_at as closesAt"])
    .where("status", "=", "vote_ouvert")
    .where("vote_closes_at", ">", sql<Date>`now()`)
    .where("vote_closes_at", "<=", sql<Date>`now() + interval '48 hours'`)
    .execute();
  let sent = 0;
  for (const proposal of proposals) {
    const closesAt = proposal.closesAt as Date;
    const hours = closesAt.getTime() - Date.now() <= 24 * HOUR_MS ? 24 : 48;
    sent += await remindProposal(db, { ...proposal, closesAt }, hours, publicOrigin);
  }
  return sent;
}

async function remindProposal(
  db: Kysely<Database>,
  proposal: { id: string; slug: string; title: string; closesAt: Date },
  hours: 24 | 48,
  publicOrigin: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const recipients = await trx
      .insertInto("vote_reminder")
      .columns(["proposal_id", "user_id", "hours_before"])
      .expression((eb) =>
        eb
          .selectFrom("mandate as m")
          .innerJoin("app_user as u", "u.id", "m.user_id")
          .select([sql<string>`${proposal.id}::bigint`.as("proposal_id"), "u.id", sql<number>`${hours}::int`.as("h")])
          .where("u.status", "=", "active")
          .where(mandateIsCurrent("m"))
          .where((w) =>
            w.not(
              w.exists(
                w
                  .selectFrom("ballot as b")
                  .select(sql`1`.as("one"))
                  .whereRef("b.organisation_id", "=", "m.organisation_id")
                  .where("b.proposal_id", "=", proposal.id),
              ),
            ),
          ),
      )
      .onConflict((oc) => oc.doNothing())
      .returning("user_id")
      .execute();
    for (const { user_id } of recipients) await queueReminder(trx, user_id, proposal, hours, publicOrigin);
    return recipients.length;
  });
}

async function queueReminder(
  db: Kysely<Database>,
  userId: string,
  proposal: { slug: string; title: string; closesAt: Date },
  hours: number,
  publicOrigin: string,
) {
  const person = await db
    .selectFrom("app_user as u")
    .innerJoin("mandate as m", (join) => join.onRef("m.user_id", "=", "u.id").on(mandateIsCurrent("m")))
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["u.email", "o.name"])
    .where("u.id", "=", userId)
    .executeTakeFirstOrThrow();
  await queueEmail(db, {
    kind: "vote_reminder",
    to: person.email,
    template: {
      name: "vote_reminder",
      params: {
        organisation: person.name,
        proposal: proposal.title,
        closesAt: proposal.closesAt.toISOString(),
        hours,
        link: `${publicOrigin}/propositions/${proposal.slug}#vote`,
      },
    },
  });
}
