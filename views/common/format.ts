const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** "9 mars 2022 à 10:00", always in Paris time whatever the server's zone. */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

const dayAndTime = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "Europe/Paris",
});

/** "4 décembre à 18:00": a date of this year's calendar, in Paris time. */
export function formatDayAndTime(value: Date): string {
  return dayAndTime.format(value);
}

/** "dans 2 jours", "dans 3 h 05", "dans 12 min": the time left before `until`, counted from `now`. */
export function formatTimeLeft(until: Date, now: Date): string {
  const minutes = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return "clôture imminente";
  if (minutes < 60) return `dans ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `dans ${hours} h ${String(minutes % 60).padStart(2, "0")}`;
  return `dans ${Math.floor(hours / 24)} jours`;
}

/** Splits a plain text on blank lines, for rendering as <p> elements. */
export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).filter((part) => part.trim() !== "");
}
