/** Every word of the printable dossier, in French, in one place. */
export const dossierText = {
  title: "Dossier imprimable",
  kicker: "Dossier public",
  coalition: (organisations: number) => `Coalition de ${organisations} organisations pour l'accès aux soins`,
  allTitle: "Quatre propositions communes pour l'accès aux soins",
  establishedOn: "Document établi le",
  sources: "à partir des données publiques de la plateforme, réutilisables sous Licence Ouverte 2.0 :",
  fullDossier: "Dossier complet",
  printHint: "Utilisez la fonction « Imprimer » de votre navigateur pour obtenir un document A4.",
  verifyHeading: "Ce dossier et le journal d'audit",
  headLabel: "Tête du journal d'audit",
  headHelp: (events: number) =>
    `Empreinte SHA-256 du dernier des ${events} événements du journal (bulletins, ouvertures, clôtures, résultats) au moment où ce document a été établi.`,
  howToVerify: "Pour vérifier les résultats publiés ici :",
  verifySteps: {
    download: "téléchargez l'export public du journal :",
    recompute: "recalculez toute la chaîne et les décomptes sur la page",
    recomputeCli: "ou avec la commande",
    compare:
      "l'empreinte de tête trouvée doit être celle-ci, ou un événement portant cette empreinte doit figurer dans la chaîne s'il y a eu des votes depuis : le journal ne fait que s'allonger.",
  },
  contents: "Sommaire",
  proposal: (number: number) => `Proposition n°${number}`,
  officialText: "Texte officiel",
  results: "Résultat et vote nominatif",
  notClosed: "Le vote n'est pas encore clos : les résultats et le vote nominatif seront publiés à la clôture.",
  synthesis: "Synthèse du débat",
  noSynthesis: "Pas encore de synthèse publiée.",
  keyArguments: "Arguments clés",
  noKeyArguments: "Aucun argument clé retenu pour l'instant.",
  /** In the printed page margins, beside the page number. */
  marginHead: "Journal d'audit, tête :",
  marginTitle: "Concertation — Dossier public",
};
