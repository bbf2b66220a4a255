import type { Stance } from "../../src/domain/debate.js";

/** Every word of the debate, in French, in one place. */
function supportCount(count: number): string {
  return count === 0 ? "Aucun soutien" : count === 1 ? "1 soutien" : `${count} soutiens`;
}

function supportWord(count: number): string {
  return supportCount(count).toLowerCase();
}

export const commentsText = {
  heading: "Débat",
  lead: "Les organisations argumentent pour et contre la proposition. Chaque argument est publié au nom d'une organisation.",
  stances: { pour: "Pour", contre: "Contre", nuance: "Nuancé", question: "Question" } satisfies Record<Stance, string>,
  stanceLabel: "Position",
  stanceError: "Choisissez une position : pour, contre, nuancé ou question.",
  bodyLabel: "Votre argument",
  replyLabel: "Votre réponse",
  bodyHint: (max: number) =>
    `Au plus ${max.toLocaleString("fr-FR")} caractères. Mise en forme : *italique*, **gras**, listes (- …), citations (> …), liens, @organisation pour mentionner une organisation.`,
  counter: (left: number) => `${left.toLocaleString("fr-FR")} caractères restants`,
  emptyBody: "Écrivez votre texte avant de publier.",
  tooLong: (max: number, length: number) =>
    `Le texte fait ${length.toLocaleString("fr-FR")} caractères : la limite est de ${max.toLocaleString("fr-FR")}. Raccourcissez-le ; il a été conservé ci-dessous.`,
  publish: "Publier au nom de mon organisation",
  publishReply: "Publier la réponse",
  preview: "Prévisualiser",
  unpublished: "Votre texte (non publié, à copier si besoin)",
  previewHeading: "Aperçu",
  postingAs: (organisation: string) => `Vous publiez au nom de ${organisation}.`,
  signInToTake: "Connectez-vous pour prendre part au débat.",
  signIn: "Se connecter",
  noMandate:
    "Vous lisez le débat : seuls les représentants mandatés par une organisation peuvent publier, répondre ou soutenir un argument.",
  closedProposal: "Le débat est clos : la proposition est close, on ne peut plus y publier ni modifier de commentaire.",
  draftProposal: "Le débat n'est pas encore ouvert sur cette proposition.",
  lockedThread: "Le débat sur cette proposition est verrouillé par la modération.",
  rateLimited:
    "Vous publiez très vite : attendez une minute avant de publier à nouveau. Votre texte a été conservé ci-dessous.",
  closedReason: (state: "closed" | "draft" | "locked", lockedReason: string | null) =>
    state === "closed"
      ? commentsText.closedProposal
      : state === "draft"
        ? commentsText.draftProposal
        : lockedReason
          ? `${commentsText.lockedThread} ${lockedReason}`
          : commentsText.lockedThread,
  unknownProposal: "Aucune proposition ne porte cette adresse.",
  unknownParent: "Le commentaire auquel vous répondez n'existe pas.",
  unknownComment: "Ce commentaire n'existe pas.",
  notAuthor: "Seule la personne qui a écrit ce commentaire peut le modifier ou le supprimer.",
  alreadyDeleted: "Ce commentaire a été supprimé.",
  hiddenByModeration: "Ce commentaire est masqué par la modération : il ne peut plus être modifié.",
  hiddenTombstone: (rule: string, reason: string) => `Masqué par la modération — motif : ${rule}. ${reason}`,
  charterLink: "Charte de modération",
  pinned: "Argument clé",
  report: "Signaler",
  ownSupport: "Une organisation ne soutient pas ses propres arguments.",
  deleted: "Commentaire supprimé par son auteur.",
  edited: "modifié",
  ownAction: (action: string, posted: string) => `${action} mon commentaire du ${posted}`,
  permalinkName: (who: string) => ` : lien vers ce commentaire de ${who}`,
  editedHistory: (who: string, version: number) => `: historique des ${version} versions du commentaire de ${who}`,
  reply: "Répondre",
  replyTo: (name: string) => `en réponse à ${name}`,
  edit: "Modifier",
  delete: "Supprimer",
  permalink: "Lien",
  support: "Notre organisation soutient cet argument",
  unsupport: "Retirer le soutien de notre organisation",
  supportCount: (count: number) => supportCount(count),
  supportedBy: "Soutenu par :",
  filterLabel: "Afficher",
  all: "Toutes les positions",
  sortLabel: "Trier par",
  sorts: { recent: "Les plus récents", soutien: "Les plus soutenus" },
  apply: "Appliquer",
  counts: "Arguments par position",
  empty: "Aucun argument pour le moment.",
  emptyFiltered: "Aucun argument avec cette position.",
  more: "Voir plus d'arguments",
  thread: "Fil de discussion",
  backToProposal: "Retour à la proposition",
  editTitle: "Modifier mon commentaire",
  save: "Enregistrer la modification",
  cancel: "Annuler",
  deleteTitle: "Supprimer mon commentaire",
  deleteConfirm:
    "Le texte sera retiré ; la mention « supprimé par son auteur » restera à sa place et les réponses seront conservées.",
  deleteButton: "Supprimer définitivement",
  historyTitle: "Historique des modifications",
  version: (n: number) => `Version ${n}`,
  firstVersion: "Première version",
  changes: "Modifications par rapport à la version précédente",
  added: "ajouté",
  removed: "retiré",
  searchLink: "Rechercher dans les débats",
  live: {
    created: (who: string) => `Nouveau commentaire de ${who}.`,
    edited: (who: string) => `Commentaire de ${who} modifié.`,
    deleted: "Un commentaire a été supprimé par son auteur.",
    hidden: "Un commentaire a été masqué par la modération.",
    restored: (who: string) => `Commentaire de ${who} rétabli par la modération.`,
    pinned: (who: string) => `Commentaire de ${who} mis en avant comme argument clé.`,
    unpinned: (who: string) => `Commentaire de ${who} retiré des arguments clés.`,
    locked: "La modération a verrouillé la discussion : les nouveaux messages sont suspendus.",
    unlocked: "La modération a rouvert la discussion.",
    synthesis: "La modération a publié une nouvelle synthèse du débat.",
    supported: (count: number) => `Soutiens mis à jour : ${count}.`,
  },
  /** What an htmx action did, said once in the live region while the focus moves to its result. */
  done: {
    published: "Votre commentaire est publié ; il est en tête du débat.",
    replyPublished: (to: string) => `Votre réponse à ${to} est publiée.`,
    replyFormOpened: (to: string) => `Formulaire de réponse à ${to} ouvert.`,
    previewShown: "Aperçu affiché sous le formulaire ; rien n'est encore publié.",
    supported: (count: number) => `Soutien de votre organisation enregistré : ${supportWord(count)}.`,
    unsupported: (count: number) => `Soutien de votre organisation retiré : ${supportWord(count)}.`,
    more: (count: number) =>
      count === 1 ? "1 commentaire de plus affiché." : `${count} commentaires de plus affichés.`,
  },
  newBadge: "nouveau",
  follow: "Suivre cette proposition",
  unfollow: "Ne plus suivre cette proposition",
  followHint: "Vous recevrez un courriel pour chaque nouveau commentaire.",
  following: "Vous suivez cette proposition.",
  notificationSettings: "Réglages des courriels",
} as const;

export const notificationsText = {
  subject: (reason: "reply" | "mention" | "followed", number: number) =>
    reason === "reply"
      ? `Nouvelle réponse à votre commentaire — proposition n°${number}`
      : reason === "mention"
        ? `Votre organisation est mentionnée — proposition n°${number}`
        : `Nouveau commentaire — proposition n°${number}`,
  line: (reason: "reply" | "mention" | "followed", who: string, number: number, title: string) =>
    reason === "reply"
      ? `${who} a répondu à votre commentaire sur la proposition n°${number} « ${title} ».`
      : reason === "mention"
        ? `${who} a mentionné votre organisation sur la proposition n°${number} « ${title} ».`
        : `${who} a publié un commentaire sur la proposition n°${number} « ${title} », que vous suivez.`,
  read: "Lire :",
  unsubscribe: "Ne plus recevoir ces courriels (un clic) :",
  digestSubject: (count: number) => `Concertation : ${count} nouveauté${count > 1 ? "s" : ""} dans les débats`,
  digestIntro: "Voici les nouveautés des débats depuis votre dernier résumé :",
  settingsTitle: "Notifications des débats",
  settingsLead:
    "Réponses à vos commentaires, mentions de votre organisation et nouveaux commentaires des propositions que vous suivez.",
  frequencyLabel: "Recevoir les courriels",
  frequencies: { immediate: "Tout de suite", daily: "Un résumé par jour", off: "Jamais" },
  save: "Enregistrer",
  saved: "Vos préférences de notification sont enregistrées.",
  unsubscribeTitle: "Se désabonner des courriels des débats",
  unsubscribeLead: "Un clic suffit : vous ne recevrez plus de courriel sur les débats.",
  unsubscribeButton: "Me désabonner",
  unsubscribed:
    "C'est fait : vous ne recevrez plus de courriel sur les débats. Vous pouvez changer d'avis dans votre compte.",
  badLink: "Ce lien de désabonnement n'est pas valide.",
} as const;
