import { text } from "./text.js";

/**
 * Dates and numbers are written by `Intl`, in the interface's locale and always in Paris time
 * whatever the server's zone; a second language adds a locale here and a catalogue beside text.ts.
 */
const LOCALE = "fr-FR";
const ZONE = "Europe/Paris";

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: ZONE });
    formatters.set(key, format);
  }
  return format;
}

/** "9 mars 2022 à 10:00". */
export function formatDateTime(value: Date, locale = LOCALE): string {
  return dateFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(value);
}

/** "4 décembre à 18:00": a date of the current calendar, without its year. */
export function formatDayAndTime(value: Date, locale = LOCALE): string {
  return dateFormat(locale, { day: "numeric", month: "long", hour: "numeric", minute: "2-digit" }).format(value);
}

const MINUTE_MS = 60_000;

/** "dans 12 minutes", "dans 5 heures", "dans 3 jours": the time left before `until`, counted from `now`. */
export function formatTimeLeft(until: Date, now: Date, locale = LOCALE): string {
  const minutes = Math.ceil((until.getTime() - now.getTime()) / MINUTE_MS);
  if (minutes <= 0) return text.timeLeft.imminent;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  if (minutes < 60) return relative.format(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return relative.format(hours, "hour");
  return relative.format(Math.floor(hours / 24), "day");
}

/** Splits a plain text on blank lines, for rendering as <p> elements. */
export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).filter((part) => part.trim() !== "");
}
