import type { Kysely } from "kysely";
import type { CheckpointKey } from "../../audit/checkpoints.js";
import type { Database } from "../../db/database.js";
import { buildChainExport, buildResults, resultsCsv } from "../ballots/index.js";
import { type Row, toCsv } from "./opendata.csv.js";
import { auditRows, commentRows, organisationRows, proposalRows } from "./opendata.queries.js";

export interface Dataset {
  name: string;
  title: string;
  description: string;
  /** Data dictionary: column → meaning. */
  fields: Record<string, string>;
  csv(db: Kysely<Database>): Promise<string>;
  /** `checkpointKey`: this instance's public key, which the chain export carries. */
  json(db: Kysely<Database>, checkpointKey: CheckpointKey): Promise<unknown>;
}

function tabular(meta: Omit<Dataset, "csv" | "json">, load: (db: Kysely<Database>) => Promise<Row[]>): Dataset {
  const columns = Object.keys(meta.fields);
  return { ...meta, csv: async (db) => toCsv(columns, await load(db)), json: async (db) => await load(db) };
}

const AUDIT_FIELDS = {
  identifiant: "Numéro d'ordre de l'événement dans la chaîne",
  type: "Type d'événement (ballot, vote_closed, result, moderation.hide…)",
  date: "Date et heure (ISO 8601, UTC)",
};
const HASHES = {
  empreinte_precedente: "Empreinte SHA-256 de l'événement précédent",
  empreinte: "Empreinte SHA-256 de cet événement (chaînée)",
};

export const DATASETS: Dataset[] = [
  tabular(
    {
      name: "organisations",
      title: "Organisations",
      description: "Les organisations de la coalition.",
      fields: {
        identifiant: "Identifiant stable de l'organisation",
        nom: "Nom",
        type: "Type d'organisation",
        college: "Collège",
        site: "Site web",
        description: "Présentation",
      },
    },
    organisationRows,
  ),
  tabular(
    {
      name: "propositions",
      title: "Propositions",
      description: "Les quatre propositions, leur texte officiel, leur calendrier et leur résultat.",
      fields: {
        numero: "Numéro",
        identifiant: "Identifiant stable",
        titre: "Titre",
        texte: "Texte officiel",
        statut: "brouillon, debat, vote_ouvert ou clos",
        ouverture_vote: "Ouverture du vote (ISO 8601)",
        cloture_vote: "Clôture du vote (ISO 8601)",
        resultat: "adoptee, rejetee, quorum_non_atteint ou vide",
      },
    },
    proposalRows,
  ),
  tabular(
    {
      name: "commentaires",
      title: "Commentaires publics",
      description:
        "Les arguments publiés au nom des organisations. Un commentaire masqué par la modération garde sa place, avec la règle et le motif, sans son texte. Aucune adresse électronique.",
      fields: {
        identifiant: "Numéro du commentaire",
        reponse_a: "Numéro du commentaire auquel il répond",
        proposition: "Identifiant de la proposition",
        organisation: "Identifiant de l'organisation",
        nom_organisation: "Nom de l'organisation",
        position: "pour, contre, nuance ou question (premier niveau seulement)",
        date: "Date de publication (ISO 8601)",
        modifie_le: "Date de dernière modification",
        soutiens: "Nombre d'organisations qui le soutiennent",
        masque_regle: "Règle de la charte, si masqué",
        masque_motif: "Motif public, si masqué",
        texte: "Texte (markdown), vide si masqué",
      },
    },
    commentRows,
  ),
  {
    name: "scrutins",
    title: "Scrutins (après clôture)",
    description: "Vote nominatif de chaque organisation, motivation et reçu, publiés à la clôture de chaque vote.",
    fields: {
      proposition: "Identifiant de la proposition",
      organisation: "Identifiant de l'organisation",
      nom: "Nom de l'organisation",
      college: "Collège",
      type: "Type d'organisation",
      choix: "pour, contre ou abstention",
      motivation: "Motivation publiée avec le vote",
      recu: "Reçu de vote, vérifiable dans la chaîne d'audit",
    },
    csv: (db) => resultsCsv(db, ","),
    json: async (db) => ({ generatedAt: new Date().toISOString(), results: await buildResults(db) }),
  },
  tabular(
    {
      name: "journal-moderation",
      title: "Journal de modération",
      description: "Chaque décision de modération ; la personne qui agit apparaît par son rôle.",
      fields: {
        ...AUDIT_FIELDS,
        role: "Rôle de la personne qui a agi",
        cible: "Cible (comment:12, proposal:3, app_user:8, synthesis:3)",
        regle: "Règle de la charte citée",
        motif: "Motif public",
        ...HASHES,
      },
    },
    (db) => auditRows(db, true),
  ),
  {
    name: "chaine-audit",
    title: "Chaîne d'audit",
    description:
      "Tous les événements chaînés (votes, clôtures, résultats, modération), vérifiables avec npm run verify.",
    fields: { ...AUDIT_FIELDS, contenu: "Contenu haché de l'événement (JSON canonique)", ...HASHES },
    csv: async (db) =>
      toCsv(
        ["identifiant", "type", "date", "contenu", "empreinte_precedente", "empreinte"],
        await auditRows(db, false),
      ),
    json: (db, checkpointKey) => buildChainExport(db, checkpointKey),
  },
];
