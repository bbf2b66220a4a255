import type { ModerationRule } from "../../src/domain/moderation.js";

const RULES: Record<ModerationRule, { label: string; help: string }> = {
  "hors-sujet": {
    label: "hors-sujet",
    help: "Le message ne porte pas sur la proposition discutée ni sur l'accès aux soins.",
  },
  insultes: {
    label: "insultes",
    help: "Attaques personnelles, propos injurieux, diffamatoires ou discriminatoires envers une personne ou une organisation.",
  },
  "donnees-personnelles": {
    label: "données personnelles",
    help: "Le message publie des informations permettant d'identifier une personne (santé, adresse, téléphone…) sans son accord.",
  },
  desinformation: {
    label: "désinformation",
    help: "Affirmations factuelles manifestement fausses ou trompeuses, notamment sur la santé publique.",
  },
  autre: { label: "autre", help: "Tout autre manquement, précisé dans le motif de la décision." },
};

export const ruleLabel = (rule: ModerationRule): string => RULES[rule].label;
export const ruleHelp = (rule: ModerationRule): string => RULES[rule].help;

/** Every word of moderation, in French, in one place. */
export const moderationText = {
  charter: {
    title: "Charte de modération",
    lead: "Le débat est public. La modération n'agit qu'en citant l'une des règles ci-dessous ; chaque décision est publiée dans le journal de modération, avec sa date, la règle et le motif.",
    rules: "Règles",
    contest:
      "Contester une décision : l'auteur reçoit un courriel avec la règle et le motif ; il peut répondre à ce courriel pour demander un nouvel examen par une autre personne de l'équipe de modération.",
    journalLink: "Journal de modération",
  },
  errors: {
    commentNotFound: "Ce commentaire n'existe pas.",
    alreadyHidden: "Ce commentaire est déjà masqué.",
    commentDeleted: "Ce commentaire a été supprimé par son auteur.",
    notHidden: "Ce commentaire n'est pas masqué.",
    noReports: "Aucun signalement en attente sur ce commentaire.",
    pinUnavailable: "Un commentaire masqué ou supprimé ne peut pas être un argument clé.",
    accountNotFound: "Ce compte n'existe pas.",
    staffAccount: "Seule l'administration peut suspendre un compte de l'équipe.",
  },
  report: {
    title: "Signaler un commentaire",
    lead: "Indiquez quelle règle de la charte ce commentaire ne respecte pas. L'équipe de modération examinera votre signalement.",
    rule: "Règle concernée",
    rulePlaceholder: "Choisissez une règle",
    ruleError: "Choisissez la règle de la charte concernée.",
    note: "Précisions (facultatif)",
    noteError: "Au plus 1 000 caractères.",
    submit: "Envoyer le signalement",
    done: "Merci : votre signalement a été transmis à l'équipe de modération.",
    already: "Vous avez déjà signalé ce commentaire : votre signalement est compté une seule fois.",
    cannotReportOwn: "Vous ne pouvez pas signaler votre propre commentaire.",
    unavailable: "Ce commentaire ne peut plus être signalé.",
    back: "Retour au commentaire",
  },
  queue: {
    title: "Modération",
    lead: "Commentaires signalés, du plus ancien signalement au plus récent.",
    empty: "Aucun signalement en attente.",
    reports: (count: number) =>
      count === 0 ? "aucun signalement en attente" : count === 1 ? "1 signalement" : `${count} signalements`,
    rules: "Règles citées",
    notes: "Précisions",
    hiddenBody: "Texte (visible par la modération seulement)",
    author: "Auteur",
    proposal: "Proposition",
    hide: "Masquer",
    restore: "Rétablir",
    dismiss: "Classer les signalements",
    pin: "Épingler comme argument clé",
    unpin: "Retirer des arguments clés",
    reasonFor: {
      hide: "Motif du masquage (public)",
      restore: "Motif du rétablissement (public)",
      dismiss: "Motif du classement (public)",
      suspend: "Motif de la suspension (public)",
      reinstate: "Motif de la réactivation (public)",
      lock: "Motif du verrouillage (public)",
    },
    rule: "Règle",
    rulePlaceholder: "Choisissez une règle",
    ruleRequired: "Choisissez la règle de la charte qui motive la décision.",
    reasonRequired: "Écrivez le motif (1 à 1 000 caractères) : il est publié.",
    threads: "Fils de discussion",
    lock: "Verrouiller le fil",
    unlock: "Déverrouiller le fil",
    locked: "verrouillé",
    people: "Personnes",
    suspend: "Suspendre",
    reinstate: "Réactiver",
    personId: "Numéro de la personne",
    journal: "Journal de modération",
    synthesis: "Synthèses",
    context: "Voir le fil",
    ownOrganisation:
      "Vous représentez l'organisation concernée : une autre personne de l'équipe de modération doit prendre cette décision.",
    done: "Décision enregistrée et publiée au journal.",
    charter: "Charte",
    examine: "Examiner et décider",
    examineHidden: (author: string) => ` : masquer, rétablir ou classer le commentaire de ${author}`,
    firstReport: "premier signalement le",
    commentOf: (author: string) => `Commentaire de ${author}`,
    lockedBecause: "Fil verrouillé :",
    proposalHeading: (number: number, title: string) => `Proposition n°${number} — ${title}`,
    synthesisVersion: (version: number, published: boolean) =>
      `Version ${version} ${published ? "publiée" : "non publiée"}`,
    synthesisLabel: "Texte de la synthèse (markdown ; liez les arguments clés avec leur adresse /commentaires/…)",
    synthesisSubmit: "Publier cette version",
  },
  synthesis: {
    title: "Synthèse du débat",
    byline: (version: number | null) => `Rédigée par la modération · version ${version ?? 1} du`,
    keyArguments: "Arguments clés",
  },
  journal: {
    title: "Journal de modération",
    lead: "Chaque décision de modération, avec sa date, la règle citée, la cible et le motif. Les décisions font partie de la chaîne d'audit publique ; la personne qui agit apparaît par son rôle.",
    when: "Date",
    who: "Par",
    what: "Décision",
    rule: "Règle",
    target: "Cible",
    reason: "Motif",
    empty: "Aucune décision de modération pour l'instant.",
    roles: { administrator: "administration", moderator: "modération", representative: "représentation" } as Record<
      string,
      string
    >,
    kinds: {
      "moderation.hide": "Commentaire masqué",
      "moderation.restore": "Commentaire rétabli",
      "moderation.dismiss": "Signalements classés",
      "moderation.lock": "Fil verrouillé",
      "moderation.unlock": "Fil déverrouillé",
      "moderation.pin": "Argument clé épinglé",
      "moderation.unpin": "Argument clé retiré",
      "moderation.suspend": "Compte suspendu",
      "moderation.reinstate": "Compte réactivé",
      "moderation.synthesis": "Synthèse publiée",
    } as Record<string, string>,
  },
  email: {
    hiddenSubject: "Votre commentaire a été masqué par la modération",
    hiddenBody: (rule: string, reason: string, link: string) =>
      `Bonjour,\n\nVotre commentaire a été masqué par l'équipe de modération.\n\nRègle de la charte : ${rule}\nMotif : ${reason}\n\nLe fil reste consultable : ${link}\n\nPour contester cette décision, répondez à ce courriel en expliquant pourquoi : une autre personne de l'équipe de modération réexaminera votre commentaire. La charte : ${link.replace(/\/commentaires\/.*$/, "/charte")}\n`,
    restoredSubject: "Votre commentaire a été rétabli",
    restoredBody: (link: string) =>
      `Bonjour,\n\nVotre commentaire a été rétabli par l'équipe de modération : ${link}\n`,
  },
};
