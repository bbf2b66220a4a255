import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { Row } from "./opendata.csv.js";

/** Reads for the open data (decision 004). Never an email, never a hidden body. */

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export async function organisationRows(db: Kysely<Database>): Promise<Row[]> {
  const rows = await db
    .selectFrom("organisation as o")
    .innerJoin("organisation_kind as k", "k.slug", "o.kind_slug")
    .innerJoin("college as g", "g.slug", "o.college_slug")
    .select(["o.slug", "o.name", "k.label as kind", "g.name as college", "o.website", "o.description"])
    .orderBy("o.name")
    .execute();
  return rows.map((r) => ({
    identifiant: r.slug,
    nom: r.name,
    type: r.kind,
    college: r.college,
    site: r.website,
    description: r.description,
  }));
}

export async function proposalRows(db: Kysely<Database>): Promise<Row[]> {
  const rows = await db.selectFrom("proposal").selectAll().orderBy("number").execute();
  return rows.map((p) => ({
    numero: p.number,
    identifiant: p.slug,
    titre: p.title,
    texte: p.body,
    statut: p.status,
    ouverture_vote: iso(p.vote_opens_at),
    cloture_vote: iso(p.vote_closes_at),
    resultat: p.result,
  }));
}

/** Every comment still published; a hidden one keeps its place (tombstone) without its body. */
export async function commentRows(db: Kysely<Database>): Promise<Row[]> {
  const rows = await db
    .selectFrom("comment as c")
    .innerJoin("organisation as o", "o.id", "c.organisation_id")
    .innerJoin("proposal as p", "p.id", "c.proposal_id")
    .select([
      "c.id",
      "c.parent_id as parentId",
      "p.slug as proposal",
      "o.slug as organisation",
      "o.name as organisationName",
      "c.stance",
      "c.created_at as createdAt",
      "c.edited_at as editedAt",
      "c.support_count as supportCount",
      "c.hidden_rule as hiddenRule",
      "c.hidden_reason as hiddenReason",
      sql<string | null>`case when c.hidden_at is null then c.body else null end`.as("body"),
    ])
    .where("c.deleted_at", "is", null)
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({
    identifiant: r.id,
    reponse_a: r.parentId,
    proposition: r.proposal,
    organisation: r.organisation,
    nom_organisation: r.organisationName,
    position: r.stance,
    date: iso(r.createdAt),
    modifie_le: iso(r.editedAt),
    soutiens: r.supportCount,
    masque_regle: r.hiddenRule,
    masque_motif: r.hiddenReason,
    texte: r.body,
  }));
}

export async function auditRows(db: Kysely<Database>, moderationOnly: boolean): Promise<Row[]> {
  let query = db
    .selectFrom("audit_event")
    .select(["id", "kind", "prev_hash as prevHash", "hash", "payload", "created_at as createdAt"])
    .orderBy("id");
  if (moderationOnly) query = query.where("kind", "like", "moderation.%");
  const rows = await query.execute();
  return rows.map((r) => ({
    identifiant: r.id,
    type: r.kind,
    date: iso(r.createdAt),
    ...(moderationOnly
      ? {
          role: String(r.payload.role ?? ""),
          cible: String(r.payload.target ?? ""),
          regle: (r.payload.rule as string | null) ?? null,
          motif: (r.payload.reason as string | null) ?? null,
        }
      : { contenu: JSON.stringify(r.payload) }),
    empreinte_precedente: r.prevHash,
    empreinte: r.hash,
  }));
}
