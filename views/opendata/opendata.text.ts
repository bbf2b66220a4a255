/** Every word of the open data page, in French, in one place. */
export const openDataText = {
  title: "Données ouvertes",
  lead: "Tout ce qui est public sur la plateforme se télécharge ici, en CSV (UTF-8, séparateur virgule) et en JSON, sous",
  licence: "Licence Ouverte 2.0 (Etalab)",
  reuse:
    ": vous pouvez les réutiliser librement, y compris commercialement, en citant la source « Concertation » et la date de téléchargement. Aucune adresse électronique n'est publiée ; le texte d'un commentaire masqué par la modération n'est jamais publié.",
  downloads: "Téléchargements",
  dictionary: "Dictionnaire des données",
  column: "Colonne",
  meaning: "Signification",
  columnsOf: (title: string) => `Colonnes du jeu « ${title} »`,
};
