import type { AdoptionRule, Choice, VoteResult } from "../../src/domain/ballots.js";

/** What a confirmation says was recorded. */
interface RecordedBallot {
  choice: string;
  organisation: string;
  by: string;
  at: string;
}

/** The choice as a word inside a sentence (« Voter Pour au nom de … »). */
const choiceWord: Record<Choice, string> = { pour: "Pour", contre: "Contre", abstention: "l'abstention" };

/** Every word of the vote, results, journal and verification pages, in French. */
export const ballotsText = {
  nav: { results: "Résultats" },
  choices: { pour: "Pour", contre: "Contre", abstention: "Abstention" } satisfies Record<Choice, string>,
  results: {
    adoptee: "Adoptée",
    rejetee: "Rejetée",
    quorum_non_atteint: "Quorum non atteint",
  } satisfies Record<VoteResult, string>,
  adoptionRules: {
    majorite_exprimes:
      "plus de voix Pour que de voix Contre parmi les suffrages exprimés (les abstentions ne comptent pas)",
    majorite_absolue: "plus de la moitié des bulletins déposés sont Pour (les abstentions comptent)",
    deux_tiers_exprimes: "au moins deux tiers de voix Pour parmi les suffrages exprimés",
  } satisfies Record<AdoptionRule, string>,
  errors: {
    wrongOrganisation: (name: string) =>
      `Vous ne pouvez voter qu'au nom de votre organisation (${name}). La tentative a été enregistrée.`,
    unknownChoice: "Choisissez Pour, Contre ou Abstention.",
    reasonTooLong: "La motivation fait au plus 2 000 caractères.",
    unknownProposal: "Aucune proposition ne porte cette adresse.",
    voteNotOpen: "Le vote n'est pas ouvert sur cette proposition : aucun bulletin ne peut être déposé ou modifié.",
    mandateEnded: "Votre mandat n'est plus en cours : vous ne pouvez plus voter pour cette organisation.",
    notDraft: "Seule une proposition en brouillon peut passer en débat.",
    cannotOpen: "Le vote ne peut être ouvert que sur une proposition en brouillon ou en débat.",
    noClosingTime: "Programmez d'abord une date de clôture future avant d'ouvrir le vote.",
    notOpen: "Le vote n'est pas ouvert : il ne peut pas être clos.",
    scheduleLocked: "Le vote est ouvert ou clos : son calendrier et ses règles ne peuvent plus changer.",
  },
  live: {
    ballotCast: (turnout: number, eligible: number) =>
      `Nouveau bulletin : ${turnout} organisation${turnout > 1 ? "s" : ""} sur ${eligible} ${turnout > 1 ? "ont" : "a"} voté.`,
    voteOpened: "Le vote est ouvert.",
    voteClosed: "Le vote est clos : le résultat est affiché.",
    voteScheduled: "Le calendrier du vote a changé.",
  },
  receiptEmail: {
    subject: (proposal: string) => `Reçu de vote : ${proposal}`,
    body: (v: {
      organisation: string;
      proposal: string;
      choice: string;
      receipt: string;
      link: string;
      checkpoint: string;
      verifyLink: string;
    }) =>
      `Bonjour,\n\nLe bulletin de ${v.organisation} sur « ${v.proposal} » est enregistré : ${v.choice}.\n\n` +
      `Reçu (empreinte de l'événement dans le journal public) :\n${v.receipt}\n\n` +
      `Le journal public montre cette empreinte sans votre choix jusqu'à la clôture : ${v.link}\n` +
      "Après la clôture, chacun peut vérifier que votre bulletin a été compté tel quel.\n\n" +
      "Point de contrôle signé par la plateforme (le journal tel qu'il était juste après votre bulletin) :\n" +
      `${v.checkpoint}\n\n` +
      "Gardez ce courriel : si un jour le journal était tronqué ou réécrit, la vérification " +
      `(npm run verify -- journal.json --points ce-courriel.txt, ou ${v.verifyLink}) le montrerait.\n`,
  },
  reminderEmail: {
    subject: (proposal: string, hours: number) => `Vote : plus que ${hours} h pour « ${proposal} »`,
    body: (v: { organisation: string; proposal: string; closesAt: string; link: string }) =>
      `Bonjour,\n\n${v.organisation} n'a pas encore voté sur « ${v.proposal} ». Le vote ferme le ${v.closesAt}.\n\n` +
      `Voter : ${v.link}\n`,
  },
  vote: {
    heading: "Vote",
    rulesHeading: "Règles du vote",
    quorum: (required: number, eligible: number) =>
      `Quorum : au moins ${required} organisations sur ${eligible} doivent déposer un bulletin (abstentions comprises).`,
    adoption: (rule: string) => `Adoption : ${rule}.`,
    runningHidden: "Les décomptes restent cachés jusqu'à la clôture.",
    runningShown: "Les décomptes provisoires sont affichés pendant le vote.",
    turnout: (voted: number, eligible: number) => `${voted} organisations sur ${eligible} ont voté`,
    provisional: "Décompte provisoire",
    yourOrganisation: (name: string) => `Bulletin de ${name}`,
    notYetVoted: "Votre organisation n'a pas encore voté.",
    castBy: (name: string, when: string) => `Déposé par ${name}, ${when}.`,
    current: (choice: string) => `Choix actuel : ${choice}.`,
    castHeading: "Voter",
    changeHeading: "Changer le bulletin (jusqu'à la clôture)",
    reason: "Motivation (facultative, publique après la clôture)",
    reasonHint: "2 000 caractères au plus.",
    castAs: (choice: Choice, organisation: string) =>
      choice === "abstention"
        ? `S'abstenir au nom de ${organisation}`
        : `Voter ${choiceWord[choice]} au nom de ${organisation}`,
    changeTo: (choice: Choice, organisation: string) => `Changer pour ${choiceWord[choice]} au nom de ${organisation}`,
    keepAs: (choice: Choice, organisation: string) =>
      `Garder ${choiceWord[choice]} au nom de ${organisation}, avec cette motivation`,
    receipt: "Reçu",
    copy: "Copier le reçu",
    copied: "Reçu copié dans le presse-papiers.",
    receiptHelp:
      "Ce reçu est l'empreinte de votre bulletin dans le journal public ; il vous a aussi été envoyé par courriel.",
    recorded: (v: RecordedBallot) =>
      `Bulletin enregistré : ${v.choice}, au nom de ${v.organisation}, par ${v.by}, ${v.at}.`,
    changed: (v: RecordedBallot) =>
      `Bulletin modifié : ${v.choice}, au nom de ${v.organisation}, par ${v.by}, ${v.at}.`,
    unchanged: (castByName: string) =>
      `Ce bulletin est déjà celui de votre organisation, déposé par ${castByName} : rien de nouveau n'a été enregistré.`,
    signInToVote: "Les représentants mandatés se connectent pour voter.",
    noMandate: "Seuls les représentants mandatés d'une organisation peuvent voter.",
    notOpenYet: "Le vote n'est pas encore ouvert.",
    missingHeading: "Organisations qui n'ont pas encore voté",
    allVoted: "Toutes les organisations ont voté.",
    history: "Historique du bulletin",
  },
  result: {
    heading: "Résultats",
    outcome: "Résultat",
    head: "Empreinte du journal à la publication",
    countsCaption: "Décompte par choix",
    choice: "Choix",
    count: "Organisations",
    share: "Part des bulletins",
    chartTitle: (title: string) => `Répartition des bulletins : ${title}`,
    byCollege: "Par collège",
    byKind: "Par type d'organisation",
    group: "Groupe",
    rollCall: "Vote de chaque organisation",
    organisation: "Organisation",
    reasonColumn: "Motivation",
    noBallot: "n'a pas voté",
    total: "Total",
    quorumLine: (cast: number, required: number) => `${cast} bulletins déposés ; quorum requis : ${required}.`,
  },
  seats: {
    title: (organisations: number, summary: string) =>
      `Les ${organisations} organisations, une par siège : ${summary}.`,
    label: { pour: "Pour", contre: "Contre", abstention: "Abstention", none: "n'a pas voté" },
    byCollege: (summary: string) => `Choix par collège — ${summary}.`,
  },
  screen: {
    title: (title: string) => `Écran de séance : ${title}`,
    unknown: "Cette proposition n'existe pas.",
    kicker: (number: number) => `Proposition n°${number} · écran de séance`,
    link: "Écran de séance (à projeter)",
    back: "Revenir à la proposition",
    opensAt: (when: string) => `Ouverture du vote : ${when}.`,
    notScheduled: "Le vote n'est pas encore programmé.",
    closesAt: (when: string, left: string) => `Clôture : ${when} (${left}).`,
    closedAt: (when: string) => `Vote clos le ${when}.`,
    turnout: (voted: number, eligible: number) => `${voted} / ${eligible}`,
    turnoutLabel: "organisations ont voté",
    quorum: (required: number) => `Quorum : ${required} organisations.`,
    seats: "Les organisations",
    seatsSecret: "Pendant le vote, l'écran montre qui a voté, jamais son choix.",
    voted: "✓ a voté",
    waiting: "en attente",
    noBallot: "n'a pas voté",
    tally: (pour: number, contre: number, abstention: number) =>
      `Pour ${pour} · Contre ${contre} · Abstention ${abstention}`,
    noScript: "Sans JavaScript, cette page se recharge toutes les 15 secondes.",
  },
  matrix: {
    title: "Résultats : toutes les organisations",
    lead: "Le choix de chaque organisation sur chaque proposition close. Les votes en cours restent secrets.",
    audit: "Journal public du vote",
    pending: "vote en cours ou à venir",
    none: "—",
    exports: "Télécharger les données",
    csv: "CSV (virgules)",
    csvFr: "CSV pour tableur français (points-virgules)",
    json: "JSON",
    chain: "Journal d'audit (JSON)",
  },
  positions: {
    heading: "Positions",
    none: "Aucun vote clos pour le moment.",
    proposal: "Proposition",
    position: "Position",
  },
  journal: {
    title: "Journal public du vote",
    lead: "Chaque bulletin, ouverture, clôture et résultat est un événement chaîné : son empreinte couvre l'empreinte précédente. Pendant le vote, le journal montre qu'une organisation a voté, sans son choix ; la clé secrète publiée à la clôture permet ensuite à chacun de vérifier chaque bulletin.",
    head: "Empreinte de tête",
    number: "N°",
    when: "Date",
    event: "Événement",
    hash: "Empreinte",
    verifyLink: "Vérifier la chaîne maintenant",
    kinds: {
      ballot: "Bulletin",
      debate_opened: "Ouverture du débat",
      vote_opened: "Ouverture du vote",
      vote_closed: "Clôture du vote",
      result: "Résultat",
    } as Record<string, string>,
    ballotDescription: (org: string, action: string) =>
      `${org} a ${action === "change" ? "modifié son bulletin" : "voté"}`,
  },
  verify: {
    title: "Vérifier les résultats",
    lead: "Cette page recalcule toute la chaîne d'audit et les décomptes à partir de l'export public, comme le fait la commande npm run verify.",
    ok: (events: number, head: string) => `Vérification réussie : ${events} événements, empreinte de tête ${head}.`,
    failed: "Vérification échouée",
    witnessed: (checkpoints: number, kept: number) =>
      `La chaîne prolonge ${checkpoints} point${checkpoints > 1 ? "s" : ""} de contrôle signé${checkpoints > 1 ? "s" : ""}` +
      (kept > 0 ? `, dont ${kept} que vous avez collé${kept > 1 ? "s" : ""}.` : "."),
    keptTitle: "Vérifier un point de contrôle gardé",
    keptLead:
      "Chaque courriel de reçu contient un point de contrôle signé par la plateforme (une ligne qui commence par concertation-checkpoint/1). Collez-le ici, ou tout le courriel : la vérification échoue si le journal a depuis été tronqué ou réécrit.",
    keptLabel: "Point de contrôle ou courriel de reçu",
    keptSubmit: "Vérifier",
    keptNone:
      "Aucun point de contrôle reconnu dans ce texte : collez la ligne qui commence par concertation-checkpoint/1.",
    keyTitle: "Clé de signature",
    keyLead:
      "Les points de contrôle sont signés (Ed25519) par une clé gardée hors de la base de données. Son empreinte SHA-256, à épingler une fois :",
    keyLink: "clé publique (JSON)",
    cliTitle: "Vérifier chez vous",
    cli: "La même vérification sur votre machine, sans faire confiance au serveur, avec vos reçus et l'empreinte épinglée :",
  },
  dashboard: {
    title: "Tableau de bord",
    lead: (organisation: string) => `Vous représentez ${organisation}.`,
    proposal: "Proposition",
    status: "Statut",
    deadline: "Clôture",
    done: "Bulletin de l'organisation",
    receipts: "Reçus",
    none: "Pas encore voté",
    vote: "Voter",
  },
  admin: {
    title: "Calendrier et règles des votes",
    opensAt: "Ouverture programmée (heure de Paris)",
    closesAt: "Clôture programmée (heure de Paris)",
    quorumFraction: "Quorum en part des organisations (ex. 0,5)",
    quorumCount: "Ou quorum en nombre d'organisations (laisser vide pour utiliser la part)",
    adoptionRule: "Règle d'adoption",
    showRunningTally: "Afficher les décomptes provisoires pendant le vote",
    save: "Enregistrer le calendrier",
    reason: "Motif (journalisé)",
    openDebate: "Ouvrir le débat maintenant",
    openVote: "Ouvrir le vote maintenant",
    closeVote: "Clore le vote maintenant",
    saved: "Calendrier enregistré.",
    done: "Transition effectuée.",
    formError: "Le formulaire n'a pas été enregistré : corrigez le champ signalé.",
    badDate: "Date illisible : utilisez le sélecteur de date et d'heure (jj/mm/aaaa hh:mm).",
    badWindow: "La clôture doit suivre l'ouverture.",
    badQuorumFraction: "Le quorum est une part entre 0 et 1, par exemple 0,5.",
    badQuorumCount: (max: number) => `Le quorum en nombre est un entier entre 1 et ${max} (le nombre d'organisations).`,
    badRule: "Choisissez une règle d'adoption dans la liste.",
    badTransition: "Transition inconnue : rechargez la page.",
    reasonRequired: "Indiquez un motif (500 caractères au plus).",
  },
} as const;
