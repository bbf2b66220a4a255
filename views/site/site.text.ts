import type { RetentionFacts } from "../../src/features/site/view-models/site.model.js";

/** Every word of the public-sector pages (accessibility, legal notice, personal data, site map, contact, help), in French. */

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;
export const days = (count: number) => plural(count, "jour", "jours");
export const hours = (count: number) => plural(count, "heure", "heures");
export const minutes = (count: number) => plural(count, "minute", "minutes");

export const siteText = {
  footer: {
    label: "Pied de page",
    participate: "Participer et vérifier",
    information: "Informations",
    charter: "Charte de modération",
    moderationJournal: "Journal de modération",
    openData: "Données ouvertes",
    dossier: "Dossier imprimable",
    help: "Aide",
    contact: "Contact",
    siteMap: "Plan du site",
    accessibility: "Accessibilité : non conforme",
    legal: "Mentions légales",
    privacy: "Données personnelles",
  },

  accessibility: {
    title: "Déclaration d'accessibilité",
    commitment: (publisher: string) =>
      `${publisher} s'engage à rendre ses services numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.`,
    scope: "Cette déclaration d'accessibilité s'applique à la plateforme Concertation :",
    stateHeading: "État de conformité",
    state:
      "La plateforme Concertation est non conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.2 : c'est la mention que le RGAA impose tant qu'aucun audit n'a mesuré un taux de conformité, quels que soient les contrôles menés par ailleurs (décrits ci-dessous), et en raison des non-conformités énumérées ci-dessous.",
    noAudit:
      "Aucun audit complet selon la méthode du RGAA n'a encore été réalisé : aucun taux de conformité ne peut donc être annoncé. Les vérifications décrites ci-dessous sont celles que l'équipe mène elle-même.",
    checksHeading: "Vérifications réalisées",
    checksDate: "Déclaration établie le 4 décembre 2026, à partir des vérifications décrites ci-dessous.",
    automaticHeading: "Vérifications automatiques, à chaque modification du code",
    automatic: [
      "Chaque page de la plateforme (une adresse par modèle de page, vue par la personne qui la voit : visiteur, représentant, modérateur, administrateur) est chargée dans Chromium à 320 et à 1 366 pixels de large : axe-core n'y doit trouver aucune erreur, et rien ne doit dépasser la largeur de l'écran hors d'un tableau défilant dans sa propre zone nommée.",
      "Au clavier seul : le premier élément atteint est le lien « Aller au contenu », qui mène au contenu principal, et le focus reste visible (contour d'au moins 2 pixels) ; après un vote, le message de confirmation reçoit le focus ; après chaque action du débat (aperçu, publication, réponse, soutien, « voir plus », filtre), le focus va à son résultat et l'action est annoncée dans la zone de messages de la page.",
      "Sans JavaScript : un commentaire se publie par un formulaire ordinaire.",
      "Aucune ressource n'est chargée depuis un autre site (police, script, statistiques).",
    ],
    manualHeading: "Vérifications manuelles",
    manual: [
      "Relecture des noms accessibles des liens, boutons et champs de formulaire : chacun dit ce qu'il fait, et deux commandes d'une même page ne portent pas le même nom.",
      "Relecture de la structure des pages (titres, régions, listes) et des textes de remplacement.",
    ],
    notDone:
      "N'ont pas été réalisés : des tests avec des lecteurs d'écran (NVDA, JAWS, VoiceOver), des tests avec des personnes en situation de handicap, ni le contrôle des 106 critères du RGAA.",
    issuesHeading: "Contenus non accessibles",
    issuesLead: "Non-conformités et limites connues :",
    issues: [
      "Aucun audit RGAA complet : des non-conformités non détectées par les outils automatiques peuvent subsister.",
      "Graphiques des résultats (barres, sièges) : chacun est une seule image décrite par son titre ; le détail siège par siège n'est donné qu'au survol, et les mêmes informations figurent dans les tableaux qui suivent.",
      "Les commentaires du débat sont rédigés par les représentants des organisations : la plateforme en limite la mise en forme, mais ne peut garantir que chaque lien qu'ils contiennent soit explicite.",
      "Le dossier imprimable produit un PDF par l'impression du navigateur : l'accessibilité de ce PDF (balisage) n'a pas été vérifiée ; la même information est disponible en HTML.",
      "Les mises à jour en direct du débat et du vote n'ont pas été testées avec un lecteur d'écran.",
    ],
    derogationsHeading: "Dérogations pour charge disproportionnée",
    derogations: "Aucune.",
    exemptHeading: "Contenus non soumis à l'obligation d'accessibilité",
    exempt: "Aucun.",
    technologiesHeading: "Technologies utilisées",
    technologies: ["HTML", "CSS", "SVG (graphiques des résultats)", "JavaScript (facultatif : mises à jour en direct)"],
    environmentHeading: "Environnement des vérifications",
    environment:
      "Chromium (version de Debian) piloté par Playwright, avec axe-core ; navigation au clavier ; JavaScript activé et désactivé.",
    feedbackHeading: "Retour d'information et contact",
    feedback:
      "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous : nous vous répondrons et vous donnerons l'information sous une autre forme. Décrivez la page (son adresse), ce que vous cherchiez à faire, et votre équipement (navigateur, aide technique) si vous le souhaitez.",
    feedbackLink: "Écrire à l'équipe",
    otherWays: "Autres moyens de nous joindre : page",
    recourseHeading: "Voies de recours",
    recourse:
      "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :",
    recourseWays: {
      form: "par le formulaire en ligne du Défenseur des droits",
      delegate: "en contactant le délégué du Défenseur des droits de votre région",
      post: "par courrier postal, gratuit, sans affranchissement :",
    },
    postalAddress: ["Défenseur des droits", "Libre réponse 71120", "75342 Paris CEDEX 07"],
  },

  legal: {
    title: "Mentions légales",
    publisherHeading: "Éditeur",
    publisher: "Le site est édité par :",
    contact: "Contact :",
    directorHeading: "Directrice ou directeur de la publication",
    hostingHeading: "Hébergement",
    hosting: "Le site est hébergé par :",
    hostingData:
      "Les courriels de la plateforme sont remis au serveur d'envoi (SMTP) choisi par l'éditeur. Aucune autre entreprise ne reçoit de données : ni mesure d'audience, ni publicité, ni ressource d'un autre site.",
    propertyHeading: "Propriété intellectuelle et licences",
    proposals:
      "Les quatre propositions sont le texte public de la coalition, présenté lors de sa conférence de presse du 9 mars 2022.",
    comments:
      "Chaque commentaire reste l'expression de l'organisation au nom de laquelle il a été publié ; son auteur ou son organisation en garde la responsabilité.",
    openDataBefore:
      "Les données publiques de la plateforme (organisations, propositions, commentaires publics, scrutins clos, journal de modération, chaîne d'audit) sont publiées sous",
    openDataLicence: "Licence Ouverte 2.0 (Etalab)",
    openDataAfter: "; elles se téléchargent sur la page",
    openDataPage: "Données ouvertes",
    marks: "Les noms et logos des organisations restent leur propriété ; la plateforme ne reproduit aucun logo.",
    creditsHeading: "Crédits",
    credits:
      "Conception et développement : l'équipe de la plateforme Concertation. Logiciels libres utilisés : Node.js, Hono, htmx, Kysely, PostgreSQL, axe-core (vérifications d'accessibilité). Aucune police, image ou script n'est chargé depuis un autre site.",
    linksHeading: "Voir aussi",
  },

  privacy: {
    title: "Données personnelles",
    lead: "Cette page dit quelles données la plateforme enregistre, pourquoi, combien de temps, et comment exercer vos droits. Les durées affichées sont celles que le code applique.",
    controllerHeading: "Responsable du traitement",
    controller: (publisher: string) => `${publisher}, éditeur du site.`,
    visitorsHeading: "Si vous visitez le site sans compte",
    visitors:
      "Aucun cookie, aucune mesure d'audience, aucune ressource d'un autre site. Le serveur journalise chaque requête (méthode, adresse de la page, code de réponse, durée) sans votre adresse IP ni votre navigateur ; ces journaux techniques sont conservés par l'hébergeur.",
    storedHeading: "Ce qui est enregistré pour les membres",
    storedLead:
      "Seuls les représentants des organisations et l'équipe (modération, administration) ont un compte, créé sur invitation. Pour eux, la plateforme enregistre :",
    what: "Données",
    why: "Finalité",
    howLong: "Durée de conservation",
    rows: (r: RetentionFacts) => [
      {
        topic: "Compte",
        what: "Adresse électronique, nom d'affichage, rôle, empreinte du mot de passe (jamais le mot de passe lui-même) ; pour l'équipe, clé de double authentification et empreintes des codes de secours",
        why: "Vous connecter et savoir qui agit",
        howLong:
          "Tant que le compte existe : il n'est pas supprimé automatiquement. Un compte suspendu ne permet plus de se connecter ; l'effacement se fait sur demande (voir « Vos droits »).",
      },
      {
        topic: "Session de connexion",
        what: "Un cookie de session (nécessaire au service, sans consentement à donner), l'adresse IP et le navigateur au moment de la connexion, les dates d'activité",
        why: "Vous garder connecté et repérer une session suspecte",
        howLong: `La session prend fin après ${days(r.sessionInactivityDays)} sans activité et au plus tard ${days(r.sessionAbsoluteDays)} après la connexion, puis elle est effacée dans les minutes qui suivent, comme à la déconnexion. Les autres sessions du compte sont effacées quand le mot de passe change ou que le compte est suspendu.`,
      },
      {
        topic: "Mandat",
        what: "L'organisation représentée, les dates de début et de fin, la note de l'administrateur",
        why: "Savoir au nom de quelle organisation chacun peut agir, et à quelle date",
        howLong: "Avec le compte : les mandats terminés restent, car ils disent qui pouvait agir quand.",
      },
      {
        topic: "Invitation et réinitialisation du mot de passe",
        what: "Adresse, rôle, organisation, empreinte du lien",
        why: "Créer le compte, retrouver l'accès",
        howLong: `Un lien d'invitation fonctionne une fois, pendant ${days(r.invitationDays)} ; un lien de réinitialisation une fois, pendant ${hours(r.resetLinkHours)}. L'invitation reste enregistrée dans l'historique de l'administration.`,
      },
      {
        topic: "Débat",
        what: "Commentaires et chacune de leurs versions, mentions d'organisations, soutiens (organisation et personne), signalements",
        why: "Le débat public entre organisations, et sa modération",
        howLong:
          "Sans limite de durée : ils forment l'archive publique de la concertation. Le texte d'un commentaire masqué n'est plus publié mais reste lisible par la modération.",
      },
      {
        topic: "Bulletins de vote",
        what: "Choix et motivation déposés au nom de l'organisation, personne qui a déposé le bulletin, chaque modification et son reçu",
        why: "Le vote de l'organisation, publié et vérifiable après la clôture",
        howLong: "Sans limite de durée : le scrutin clos est public et doit rester vérifiable.",
      },
      {
        topic: "Suivi et notifications",
        what: "Propositions suivies, fréquence des notifications, notifications et rappels de vote envoyés",
        why: "Vous prévenir des réponses, mentions et fins de vote",
        howLong:
          "Jusqu'à ce que vous changiez vos réglages (page Notifications de votre compte) ou que le compte soit effacé.",
      },
      {
        topic: "Courriels",
        what: "Destinataire, objet, contenu (qui peut contenir un lien à usage unique), dates d'envoi",
        why: "Envoyer invitations, reçus de vote, rappels et notifications",
        howLong: `Le contenu d'un courriel envoyé est effacé ${days(r.emailBodyDays)} après l'envoi ; le destinataire, l'objet et la date restent. Un courriel que le serveur n'a jamais pu envoyer garde son contenu.`,
      },
      {
        topic: "Protection contre les essais de mots de passe",
        what: "Pour chaque connexion échouée et chaque demande de réinitialisation : adresse saisie, adresse IP, nombre d'échecs",
        why: "Ralentir les essais de mots de passe (chaque nouvel échec impose une attente croissante)",
        howLong: `L'attente est au plus de ${minutes(r.throttleMaxMinutes)} ; après ${hours(r.throttleQuietHours)} sans échec, le compteur (adresse saisie et adresse IP comprises) est effacé ; celui du compte l'est aussi dès la connexion réussie.`,
      },
      {
        topic: "Journal de l'administration et de la modération",
        what: "Qui a invité, suspendu, programmé un vote, masqué ou rétabli un commentaire, et les tentatives de voter pour une autre organisation",
        why: "Rendre compte des décisions et protéger le service",
        howLong: "Sans limite de durée. Le journal public de modération nomme la personne par son rôle seulement.",
      },
    ],
    basisHeading: "Base légale",
    basis:
      "Ces traitements sont nécessaires à l'exécution d'une mission d'intérêt public, la concertation des organisations de la coalition, et à la sécurité du service (article 6, paragraphe 1, points e et f du RGPD). Ils ne servent à rien d'autre, et en particulier jamais à de la publicité.",
    recipientsHeading: "Qui y a accès",
    recipients:
      "L'équipe de modération et l'administration, chacune pour ce que son rôle demande ; l'hébergeur du site (voir les mentions légales) ; le prestataire d'envoi des courriels, qui reçoit l'adresse du destinataire et le contenu de chaque courriel. Aucune donnée n'est vendue ni cédée.",
    publicHeading: "Ce qui est public",
    public:
      "Sont publics, et publiés en données ouvertes : les commentaires avec le nom de leur auteur et de son organisation, les soutiens des organisations, et, après la clôture de chaque vote, le choix et la motivation de chaque organisation. Les adresses électroniques ne sont jamais publiées ; le texte d'un commentaire masqué par la modération n'est plus publié.",
    rightsHeading: "Vos droits",
    rightsLead:
      "Vous pouvez demander l'accès à vos données, leur rectification, leur effacement, la limitation de leur traitement, ou vous opposer à ce traitement. Votre mot de passe se change aussi depuis votre compte.",
    rightsLimit:
      "Le journal d'audit (bulletins, clôtures, résultats, décisions de modération) est chaîné et public : il ne peut pas être effacé sans casser la vérification des votes. Il ne contient ni nom ni adresse électronique : des organisations, des numéros et des empreintes.",
    rightsHow: "Pour exercer ces droits, écrivez à",
    rightsHowAfter:
      "en précisant l'objet de votre demande et l'adresse de votre compte ; nous répondons dans un délai d'un mois.",
    cnil: "Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL :",
    cnilLink: "adresser une plainte à la CNIL",
  },

  siteMap: {
    title: "Plan du site",
    publicHeading: "Pages publiques",
    proposalsHeading: "Les propositions",
    proposal: (number: number, title: string) => `Proposition n° ${number} : ${title}`,
    membersHeading: "Espace des membres",
    membersLead: "Réservé aux représentants mandatés et à l'équipe, sur invitation.",
    infoHeading: "Informations",
    publicPages: [
      { href: "/", label: "Accueil" },
      { href: "/organisations", label: "Les organisations" },
      { href: "/resultats", label: "Résultats de toutes les organisations" },
      { href: "/journal", label: "Journal public du vote" },
      { href: "/verifier", label: "Vérifier les résultats" },
      { href: "/recherche", label: "Rechercher dans le débat" },
      { href: "/charte", label: "Charte de modération" },
      { href: "/journal-de-moderation", label: "Journal de modération" },
      { href: "/donnees", label: "Données ouvertes" },
      { href: "/dossier", label: "Dossier imprimable" },
      { href: "/a-propos", label: "À propos" },
    ],
    memberPages: [
      { href: "/connexion", label: "Connexion" },
      { href: "/mot-de-passe-oublie", label: "Mot de passe oublié" },
      { href: "/tableau-de-bord", label: "Tableau de bord de votre organisation" },
      { href: "/compte", label: "Mon compte" },
      { href: "/compte/notifications", label: "Notifications" },
      { href: "/moderation", label: "Modération (équipe)" },
      { href: "/admin", label: "Administration (équipe)" },
    ],
    infoPages: [
      { href: "/aide", label: "Aide" },
      { href: "/contact", label: "Contact" },
      { href: "/accessibilite", label: "Accessibilité" },
      { href: "/mentions-legales", label: "Mentions légales" },
      { href: "/donnees-personnelles", label: "Données personnelles" },
    ],
  },

  contact: {
    title: "Contact",
    lead: "Le secrétariat de la coalition et l'équipe de modération lisent la même adresse :",
    writeTo: (email: string) => `Écrire à ${email}`,
    aboutHeading: "Selon votre demande",
    topics: {
      accountTitle: "Un compte, une invitation, un mandat",
      account:
        "Dites le nom de votre organisation et l'adresse de votre compte. Si votre lien d'invitation ou de réinitialisation a expiré, demandez-en un nouveau.",
      moderationTitle: "Une décision de modération",
      moderationBefore:
        "Donnez l'adresse du commentaire et ce que vous contestez : une autre personne de l'équipe réexamine la décision. Les règles sont dans la",
      moderationLink: "charte de modération",
      accessibilityTitle: "Un problème d'accessibilité",
      accessibility:
        "Donnez l'adresse de la page, ce que vous cherchiez à faire, ce qui vous en a empêché et, si vous le souhaitez, votre navigateur et votre aide technique (lecteur d'écran, loupe, commande vocale). Nous vous donnerons l'information sous une autre forme.",
      accessibilityLink: "Déclaration d'accessibilité",
      privacyTitle: "Vos données personnelles",
      privacy:
        "Dites quel droit vous exercez (accès, rectification, effacement, limitation, opposition) et l'adresse de votre compte ; nous répondons dans un délai d'un mois.",
      privacyLink: "Données personnelles",
    },
    noReply:
      "Les courriels automatiques de la plateforme (invitations, reçus de vote, notifications) partent d'une adresse qui ne lit pas les réponses : pour toute question, y compris pour contester une décision de modération, écrivez à l'adresse ci-dessus.",
  },

  help: {
    title: "Aide",
    lead: "Comment participer, voter, et vérifier les votes.",
    toc: "Sur cette page",
    mandateHeading: "Le mandat",
    mandate: [
      "Sur la plateforme, ce sont les organisations qui délibèrent et qui votent. Une personne agit au nom d'une organisation parce qu'elle en a le mandat : un administrateur l'a invitée comme représentante de cette organisation, pour une période qui peut avoir une date de fin.",
      "Tant que votre mandat est en cours, vous pouvez commenter, soutenir un commentaire et voter au nom de votre organisation , celle qu'indique votre tableau de bord. Un mandat terminé, ou un compte suspendu, ne permet plus d'agir ; ce qui a été fait pendant le mandat reste.",
    ],
    debateHeading: "Le débat",
    debate:
      "Chaque proposition a son fil de discussion, lisible par tous. Un commentaire de premier niveau dit sa position (pour, contre, nuance, question) ; on peut y répondre, et chaque organisation peut soutenir un commentaire une fois. Les règles sont dans la",
    debateLink: "charte de modération",
    voteHeading: "Voter",
    vote: [
      "Quand le vote est ouvert, la page de la proposition montre le formulaire de vote aux représentants mandatés : choisissez Pour, Contre ou Abstention, ajoutez si vous le souhaitez une motivation (2 000 caractères au plus), puis validez.",
      "Chaque organisation a un seul bulletin par proposition, quel que soit le nombre de ses représentants : un second vote d'un représentant de la même organisation remplace le premier.",
      "Le bulletin peut être modifié jusqu'à la clôture : le dernier enregistré compte. Renvoyer le même choix et la même motivation n'enregistre rien de nouveau.",
      "Le vote est secret jusqu'à la clôture : pendant le vote, le journal public montre seulement qu'une organisation a voté ou modifié son bulletin. À la clôture, le choix et la motivation de chaque organisation sont publiés, avec le résultat.",
      "Le quorum et la règle d'adoption sont affichés dans la section « Règles du vote » de chaque proposition.",
    ],
    receiptHeading: "Le reçu de vote",
    receipt: [
      "Après chaque bulletin enregistré, la page affiche un reçu : l'empreinte de l'événement dans le journal public. Le même reçu vous est envoyé par courriel, avec un point de contrôle signé par la plateforme (une ligne qui commence par concertation-checkpoint/1) : l'état du journal juste après votre bulletin.",
      "Gardez ce courriel. Le reçu figure dans le journal public dès le vote, sans votre choix ; après la clôture, chacun peut vérifier que votre bulletin a été compté tel quel.",
    ],
    verifyHeading: "Vérifier le journal et les résultats",
    verifyLead:
      "Chaque bulletin, ouverture, clôture et résultat est un événement chaîné : son empreinte couvre l'empreinte précédente. À la clôture, la clé secrète de la proposition est publiée, ce qui permet de recalculer chaque bulletin à partir de son engagement.",
    verifySteps: {
      journal: "Consultez le",
      journalLink: "journal public du vote",
      journalAfter: "et cherchez-y votre reçu.",
      online: "La page",
      onlineLink: "Vérifier les résultats",
      onlineAfter:
        "recalcule toute la chaîne et les décomptes ; collez-y votre courriel de reçu pour vérifier que le journal prolonge bien votre point de contrôle, c'est-à-dire qu'il n'a été ni tronqué ni réécrit depuis votre vote.",
      local: "Sans faire confiance au serveur, téléchargez la chaîne d'audit en JSON depuis la page",
      localLink: "Données ouvertes",
      localAfter:
        "(fichier chaine-audit.json, le même que /journal.json), puis, avec le code source de la plateforme :",
      command: "npm run verify -- chaine-audit.json --points courriel-de-recu.txt --cle <empreinte>",
      commandHelp:
        "La commande recalcule la chaîne, chaque bulletin révélé et chaque résultat, vérifie qu'elle prolonge les points de contrôle gardés, et, avec --cle, que la clé de signature est celle dont vous avez noté l'empreinte (affichée sur la page de vérification). Elle s'arrête en nommant le premier événement faux.",
    },
    moreHeading: "Besoin d'aide ?",
    more: "Une question sur votre compte, votre mandat ou un vote : voir la page",
  },
};
