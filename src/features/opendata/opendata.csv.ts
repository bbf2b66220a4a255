export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** RFC 4180, comma-separated, UTF-8; cells starting like a spreadsheet formula are defused. */
export function toCsv(columns: string[], rows: Row[]): string {
  const lines = [columns, ...rows.map((row) => columns.map((column) => format(row[column] ?? null)))];
  return `${lines.map((cells) => cells.map(cell).join(",")).join("\r\n")}\r\n`;
}

function format(value: Cell): string {
  if (value === null) return "";
  return String(value);
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
