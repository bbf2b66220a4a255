/** datetime-local values are typed in Paris time; the database stores instants. */
const PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function parisFields(date: Date): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of PARTS.formatToParts(date)) if (part.type !== "literal") fields[part.type] = Number(part.value);
  return fields;
}

function offsetMs(date: Date): number {
  const f = parisFields(date);
  return (
    Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0) - date.getTime()
  );
}

/** "2026-11-25T10:00" in Paris → the instant; undefined when not a valid value. */
export function parseParisDateTime(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = asUtc - offsetMs(new Date(asUtc));
  return new Date(asUtc - offsetMs(new Date(first)));
}

export function formatParisDateTime(date: Date | null): string {
  if (!date) return "";
  const f = parisFields(date);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${f.year}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}`;
}
