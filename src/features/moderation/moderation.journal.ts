import type { JournalEntryView } from "../../../views/moderation/PublicPages.js";
import type { ModerationRule } from "../../domain/moderation.js";
import type { JournalRow } from "./moderation.queries.js";

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** Audit payload → public row: the role, never the person; a comment target links to its thread. */
export function journalEntries(rows: JournalRow[]): JournalEntryView[] {
  return rows.map((row) => {
    const [type = "", id = ""] = String(row.payload.target ?? "").split(":");
    return {
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      role: String(row.payload.role ?? ""),
      rule: str(row.payload.rule) as ModerationRule | null,
      reason: str(row.payload.reason),
      target: targetLabel(type, id, row.proposalSlug),
      targetHref: targetHref(type, id, row.proposalSlug),
    };
  });
}

function targetLabel(type: string, id: string, slug: string | null): string {
  if (type === "comment") return `commentaire n°${id}`;
  if (type === "proposal" || type === "synthesis") return `proposition ${slug ?? id}`;
  if (type === "app_user") return `compte n°${id}`;
  return `${type} ${id}`;
}

function targetHref(type: string, id: string, slug: string | null): string | null {
  if (type === "comment") return `/commentaires/${id}`;
  if ((type === "proposal" || type === "synthesis") && slug) return `/propositions/${slug}`;
  return null;
}
