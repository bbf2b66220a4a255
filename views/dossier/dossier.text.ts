/** Every word of the printable dossier, in French, in one place. */
export const dossierText = {
  title: "Dossier imprimable",
  kicker: "Dossier public — Concertation pour l'accès aux soins",
  allTitle: "Quatre propositions communes pour l'accès aux soins",
  establishedOn: "Document établi le",
  sources:
    "à partir des données publiques de la plateforme (Licence Ouverte 2.0, /donnees). Les résultats se vérifient dans la chaîne d'audit (/journal).",
  fullDossier: "Dossier complet",
  printHint: "Utilisez la fonction « Imprimer » de votre navigateur pour obtenir un document A4.",
  contents: "Sommaire du dossier",
  proposal: (number: number, title: string) => `Proposition n°${number} — ${title}`,
  officialText: "Texte officiel",
  results: "Résultat et vote nominatif",
  notClosed: "Le vote n'est pas encore clos : les résultats et le vote nominatif seront publiés à la clôture.",
  synthesis: "Synthèse du débat",
  noSynthesis: "Pas encore de synthèse publiée.",
  keyArguments: "Arguments clés",
  noKeyArguments: "Aucun argument clé retenu pour l'instant.",
};
