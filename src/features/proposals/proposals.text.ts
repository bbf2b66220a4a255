/** A proposal's official text, as published by the coalition. */
export interface OfficialProposal {
  number: number;
  slug: string;
  title: string;
  body: string;
}

const HEADING = /^### Proposition n°(\d+) — (.+?) \(slug: `([a-z0-9-]+)`\)\s*$/;

/**
 * Reads the coalition's document (a copy of shared/seed/acces-aux-soins.md).
 * Hard-wrapped lines are joined; blank lines separate paragraphs.
 */
export function parseOfficialProposals(markdown: string): OfficialProposal[] {
  const proposals: OfficialProposal[] = [];
  let current: { head: Omit<OfficialProposal, "body">; lines: string[] } | undefined;
  const flush = () => {
    if (current) proposals.push({ ...current.head, body: joinParagraphs(current.lines) });
    current = undefined;
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      current = { head: { number: Number(heading[1]), title: heading[2] ?? "", slug: heading[3] ?? "" }, lines: [] };
    } else if (line.startsWith("#")) {
      flush();
    } else {
      current?.lines.push(line);
    }
  }
  flush();
  return proposals;
}

function joinParagraphs(lines: string[]): string {
  return lines
    .join("\n")
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
    .join("\n\n");
}
