import { MAX_SEARCH_LENGTH } from "../../src/domain/search.js";

/** The search page's words, in French. */
export const searchText = {
  title: "Rechercher",
  titleFor: (q: string) => `Recherche « ${q} »`,
  heading: "Rechercher sur Concertation",
  intro: "Propositions, organisations et commentaires des débats. Majuscules et accents sont sans importance.",
  label: "Mots recherchés",
  hint: `Des guillemets pour une expression exacte, un tiret devant un mot pour l'exclure ; ${MAX_SEARCH_LENGTH} caractères au plus.`,
  button: "Rechercher",
  tooLong: `La recherche est trop longue : ${MAX_SEARCH_LENGTH} caractères au plus. Raccourcissez-la.`,
  summary: (q: string, total: number) =>
    total === 0
      ? `Aucun résultat pour « ${q} ».`
      : `${total === 1 ? "1 résultat" : `${total} résultats`} pour « ${q} ».`,
  noneHelp: "Essayez un autre mot, un mot plus court ou sans tiret, ou vérifiez l'orthographe.",
  proposals: "Propositions",
  organisations: "Organisations",
  comments: "Commentaires",
  groupHeading: (label: string, count: number, more: boolean) => `${label} (${more ? `plus de ${count}` : count})`,
  noneOfKind: "Aucun résultat.",
  more: (limit: number) =>
    `Seuls les ${limit} premiers résultats sont affichés. Précisez la recherche pour trouver les autres.`,
  proposalNumber: (n: number) => `Proposition n°${n}`,
  commentBy: "Commentaire de",
  onProposal: (n: number, title: string) => `sur la proposition n°${n}, ${title}`,
} as const;
