import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Actor } from "../domain/actor.js";
import type { Stance } from "../domain/debate.js";
import { type BallotContext, castBallot, scheduleVote, transitionByHand } from "../features/ballots/index.js";
import { postComment, toggleSupport } from "../features/comments/index.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Representatives with a current mandate, as the services expect them. */
export async function listRepresentatives(db: Kysely<Database>): Promise<Actor[]> {
  const rows = await db
    .selectFrom("mandate as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["u.id", "u.email", "u.display_name", "m.id as mandateId", "o.id as organisationId", "o.slug", "o.name"])
    .where("m.ends_at", "is", null)
    .orderBy("o.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: "representative",
    totpEnabled: false,
    mandate: {
      id: row.mandateId,
      organisationId: row.organisationId,
      organisationSlug: row.slug,
      organisationName: row.name,
    },
  }));
}

const ARGUMENTS: ReadonlyArray<readonly [string, Stance, string]> = [
  [
    "escap",
    "pour",
    "Une coordination déclenchée par **n'importe quel professionnel** au chevet du patient évitera des passages aux urgences.",
  ],
  ["escap", "question", "Comment la coordination serait-elle valorisée financièrement, et par qui ?"],
  ["escap", "nuance", "Favorable, à condition que la télé-expertise soit accessible dans les *zones blanches*."],
  [
    "stages",
    "pour",
    "Les hébergements territoriaux sont la condition pour que les étudiants acceptent des stages loin de la faculté.",
  ],
  [
    "stages",
    "contre",
    "Rendre la diversification obligatoire sans maîtres de stage en nombre suffisant dégradera l'encadrement.",
  ],
  [
    "guichet-unique",
    "pour",
    "Un guichet par département simplifierait enfin l'installation : voir la position de @apvf.",
  ],
];

/** A few arguments, replies, supports and two votes (one closed with its result), for the demo only. */
export async function seedDemoDebate(db: Kysely<Database>, ballotContext: BallotContext): Promise<void> {
  const { publicOrigin } = ballotContext;
  const representatives = await listRepresentatives(db);
  if (representatives.length < 30) return;
  const person = (index: number): Actor => {
    const representative = representatives[index % representatives.length];
    if (!representative) throw new Error("no representative to act for the demo");
    return representative;
  };
  const posted: string[] = [];
  for (const [index, [proposalSlug, stance, body]] of ARGUMENTS.entries()) {
    const comment = await postComment(
      db,
      person(index),
      { proposalSlug, stance, body, idempotencyKey: `demo-arg-${index}` },
      publicOrigin,
    );
    posted.push(comment.id);
  }
  const reply = "Nous partageons ce point et proposons d'en faire un critère d'évaluation.";
  await postComment(
    db,
    person(10),
    { proposalSlug: "escap", parentId: posted[0], body: reply, idempotencyKey: "demo-reply-1" },
    publicOrigin,
  );
  for (const supporter of [11, 12, 13]) await toggleSupport(db, person(supporter), posted[0] as string);
  await seedDemoVotes(db, representatives, ballotContext);
}

async function seedDemoVotes(db: Kysely<Database>, representatives: Actor[], ballotContext: BallotContext) {
  const admin = await db.selectFrom("app_user").select("id").where("role", "=", "administrator").executeTakeFirst();
  if (!admin) return;
  for (const slug of ["exercice-mixte", "guichet-unique"]) {
    await scheduleVote(db, admin.id, slug, {
      opensAt: null,
      closesAt: new Date(Date.now() + 7 * DAY_MS),
      quorumFraction: 0.5,
      quorumCount: null,
      adoptionRule: "majorite_exprimes",
      showRunningTally: false,
    });
    await transitionByHand(db, admin.id, slug, "ouvrir", "Ouverture du vote (démonstration)");
  }
  const choices = ["pour", "pour", "contre", "abstention", "pour"];
  for (const [index, representative] of representatives.slice(0, 26).entries()) {
    const choice = choices[index % choices.length] as string;
    await castBallot(
      db,
      representative,
      { proposalSlug: "exercice-mixte", choice, reason: "Position adoptée par le bureau." },
      ballotContext,
    );
    if (index < 9)
      await castBallot(db, representative, { proposalSlug: "guichet-unique", choice, reason: "" }, ballotContext);
  }
  await transitionByHand(db, admin.id, "exercice-mixte", "clore", "Clôture du vote (démonstration)");
}
