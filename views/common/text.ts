import type { ProposalStatus } from "../../src/domain/proposals.js";

/** Every word the interface shows, in French, in one place (an English catalogue can sit beside it). */
export const text = {
  siteName: "Concertation",
  /** Under the name, in the header: who runs the service. */
  serviceLine: { coalition: "Coalition pour l'accès aux soins", members: "35 organisations" },
  tagline: "Accès aux soins : 35 organisations délibèrent et votent sur 4 propositions communes",
  skipLink: "Aller au contenu",
  nav: {
    label: "Navigation principale",
    home: "Accueil",
    organisations: "Organisations",
    about: "À propos",
    signIn: "Connexion",
    signOut: "Se déconnecter",
    account: "Mon compte",
    dashboard: "Tableau de bord",
    admin: "Administration",
    moderation: "Modération",
    menu: "Menu",
    accountMenuPrefix: "Menu de ",
    searchLabel: "Rechercher sur le site",
    searchPlaceholder: "Rechercher…",
    searchButton: "Rechercher",
    searchButtonMore: " sur le site",
  },
  footer: {
    about:
      "Concertation est une plateforme de délibération entre organisations. Les pages publiques sont lisibles sans compte.",
    demo: "Les organisations marquées « démo » sont des données de démonstration.",
  },
  status: {
    brouillon: "Brouillon",
    debat: "En débat",
    vote_ouvert: "Vote ouvert",
    clos: "Clos",
  } satisfies Record<ProposalStatus, string>,
  statusHelp: {
    brouillon: "La proposition est en préparation ; le débat n'est pas encore ouvert.",
    debat: "Les organisations débattent de la proposition ; le vote n'est pas encore ouvert.",
    vote_ouvert: "Chaque organisation peut voter jusqu'à la clôture.",
    clos: "Le vote est clos ; les résultats sont publics.",
  } satisfies Record<ProposalStatus, string>,
  demoBadge: "démo",
  proposal: {
    numberPrefix: "Proposition n°",
    officialText: "Texte officiel",
    schedule: "Calendrier du vote",
    opensAt: "Ouverture du vote",
    closesAt: "Clôture du vote",
    notScheduled: "pas encore programmée",
    discussion: "Débat",
    discussionSoon: "Le débat entre organisations s'affichera ici : arguments pour et contre, questions et réponses.",
    results: "Résultats",
    resultsSoon: "Les résultats seront publiés ici à la clôture du vote, avec le détail par organisation.",
    read: "Lire la proposition",
    status: "Statut",
  },
  timeLeft: {
    imminent: "clôture imminente",
  },
  card: {
    closes: (when: string, left: string) => `Clôture le ${when} (${left})`,
    closedOn: (when: string) => `le ${when}`,
    opens: (when: string) => `Ouverture du vote le ${when}`,
    notScheduled: "Vote pas encore programmé",
    debate: (comments: number, organisations: number) =>
      comments === 0
        ? "Aucun message dans le débat pour le moment."
        : `${comments} message${comments > 1 ? "s" : ""} de ${organisations} organisation${organisations > 1 ? "s" : ""} dans le débat.`,
  },
  home: {
    title: "Accès aux soins : quatre propositions communes",
    lead: (organisations: number) =>
      `${organisations} organisations représentant les acteurs de l'accès aux soins — patients, citoyens sans médecin, soignants, étudiants, établissements, secours, mutuelles et élus — débattent et votent sur quatre propositions communes.`,
    proposalsHeading: "Les quatre propositions",
    coalitionHeading: "La coalition",
    coalitionText: (organisations: number, kinds: number) =>
      `${organisations} organisations de ${kinds} types différents, réparties en collèges pour la lecture des résultats.`,
    seeOrganisations: "Voir toutes les organisations",
    signedOut: "Vous êtes déconnecté·e.",
  },
  organisations: {
    title: "Les organisations de la coalition",
    lead: (count: number) => `${count} organisations, regroupées par collège puis par type.`,
    kind: "Type",
    college: "Collège",
    website: "Site web",
    demoNotice: "Organisation fictive de démonstration : son nom ne désigne aucune organisation réelle.",
    positionsSoon: "Les positions de l'organisation sur chaque proposition s'afficheront ici après les votes.",
    positions: "Positions",
    back: "Toutes les organisations",
  },
  about: {
    title: "À propos",
  },
  errors: {
    notFoundTitle: "Page introuvable",
    notFoundMessage: "Cette page n'existe pas ou a été déplacée.",
    forbiddenTitle: "Action refusée",
    badRequestTitle: "Requête illisible",
    badRequestMessage: "Le contenu envoyé n'a pas pu être lu. Revenez au formulaire et envoyez-le à nouveau.",
    unreadableAddressMessage:
      "L'adresse demandée contient des caractères invisibles qui ne peuvent pas être lus. Vérifiez le lien ou retapez votre recherche.",
    controlCharacters: "Ce champ contient des caractères invisibles non autorisés : retapez-le.",
    conflictTitle: "Action impossible dans l'état actuel",
    goneTitle: "Lien expiré ou déjà utilisé",
    invalidTitle: "Données à corriger",
    tooManyTitle: "Trop de tentatives",
    tooLargeTitle: "Contenu trop volumineux",
    tooLargeMessage: "Le contenu envoyé dépasse la taille autorisée.",
    serverErrorTitle: "Erreur inattendue",
    serverErrorMessage: "Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez dans un instant.",
    unavailableTitle: "Service momentanément indisponible",
    unavailableMessage:
      "La base de données ne répond pas pour le moment. Rien de ce que vous avez déjà enregistré n'est perdu ; réessayez dans quelques secondes.",
    backHome: "Retour à l'accueil",
    requestId: "Référence de la requête",
  },
} as const;
