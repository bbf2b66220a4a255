const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** "9 mars 2022 à 10:00", always in Paris time whatever the server's zone. */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

/** Splits a plain text on blank lines, for rendering as <p> elements. */
export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).filter((part) => part.trim() !== "");
}
