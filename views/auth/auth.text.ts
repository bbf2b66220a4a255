/** French text of sign-in, invitations, password reset and two-factor pages. */
export const authText = {
  throttled: (waitSeconds: number) => `Trop de tentatives. Réessayez dans ${formatWait(waitSeconds)}.`,
  signIn: {
    title: "Connexion",
    lead: "Espace des représentants d'organisation, des modérateurs et des administrateurs. Le public lit tout sans compte.",
    email: "Adresse électronique",
    password: "Mot de passe",
    submit: "Se connecter",
    forgot: "Mot de passe oublié ?",
    invalid: "Adresse ou mot de passe incorrect.",
    throttled: (wait: string) => `Trop de tentatives. Réessayez dans ${wait}.`,
    noAccount: "Pas de compte ? L'accès se fait sur invitation d'un administrateur de la coalition.",
  },
  secondFactor: {
    title: "Double authentification",
    lead: "Saisissez le code à 6 chiffres affiché par votre application d'authentification, ou l'un de vos codes de secours.",
    code: "Code",
    submit: "Valider",
    invalid: "Code incorrect ou expiré.",
  },
  signOut: "Se déconnecter",
  forgot: {
    title: "Mot de passe oublié",
    lead: "Indiquez votre adresse : si un compte y correspond, vous recevrez un lien valable une heure.",
    submit: "Envoyer le lien",
    sent: "Si un compte correspond à cette adresse, un lien de réinitialisation vient d'être envoyé. Il est valable une heure.",
  },
  reset: {
    title: "Nouveau mot de passe",
    password: "Nouveau mot de passe",
    confirm: "Confirmez le mot de passe",
    hint: "Au moins 12 caractères. Une phrase facile à retenir convient très bien.",
    submit: "Enregistrer le mot de passe",
    mismatch: "Les deux mots de passe ne sont pas identiques.",
  },
  invitation: {
    title: "Activer votre compte",
    lead: (role: string, organisation: string | null) =>
      organisation ? `Vous êtes invité·e comme ${role} de ${organisation}.` : `Vous êtes invité·e comme ${role}.`,
    name: "Nom affiché",
    nameHint: "Tel qu'il apparaîtra à côté de vos contributions, par exemple « Claire Martin ».",
    submit: "Activer mon compte",
  },
  link: {
    invalidTitle: "Lien inutilisable",
    expired: "Ce lien a expiré.",
    used: "Ce lien a déjà servi.",
    revoked: "Ce lien a été annulé.",
    unknown: "Ce lien n'est pas valide.",
    askAgainReset: "Demander un nouveau lien de réinitialisation",
    askAgainInvitation: "Demandez à l'administrateur qui vous a invité·e de vous renvoyer une invitation.",
  },
  roles: {
    administrator: "administrateur ou administratrice",
    moderator: "modérateur ou modératrice",
    representative: "représentant·e",
  },
} as const;

/** "30 secondes", "2 minutes": how long to wait before trying again. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}
