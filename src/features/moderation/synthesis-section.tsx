import type { JSX } from "hono/jsx/jsx-runtime";
import type { Kysely } from "kysely";
import { commentsText } from "../../../views/comments/comments.text.js";
import {
  type KeyArgumentView,
  SynthesisSection,
  type SynthesisView,
} from "../../../views/moderation/SynthesisSection.js";
import type { Database } from "../../db/database.js";
import type { AppDeps } from "../../http/env.js";
import { mentionDirectory, renderCommentMarkdown } from "../comments/index.js";
import { findLatestSynthesis, type KeyArgumentRow, listKeyArguments } from "./synthesis.queries.js";

const EXCERPT = 200;

export function keyArgumentView(row: KeyArgumentRow): KeyArgumentView {
  const plain = row.body.replace(/\s+/g, " ").trim();
  return {
    id: row.id,
    rootId: row.rootId,
    organisationName: row.organisationName,
    stanceLabel: row.stance ? commentsText.stances[row.stance] : null,
    excerpt: plain.length > EXCERPT ? `${plain.slice(0, EXCERPT)}…` : plain,
  };
}

/** The published synthesis and key arguments of one proposal, ready for the page or the dossier. */
export async function loadSynthesis(db: Kysely<Database>, proposalId: string): Promise<SynthesisView> {
  const [synthesis, keyArguments, directory] = await Promise.all([
    findLatestSynthesis(db, proposalId, true),
    listKeyArguments(db, proposalId),
    mentionDirectory(db),
  ]);
  return {
    html: synthesis ? renderCommentMarkdown(synthesis.body, directory) : null,
    version: synthesis?.version ?? null,
    publishedAt: synthesis?.publishedAt ?? null,
    keyArguments: keyArguments.map(keyArgumentView),
  };
}

/** The synthesis region of the proposal page (plugged in by proposal-sections.ts). */
export async function loadSynthesisSection(deps: AppDeps, proposal: { id: string }): Promise<JSX.Element | undefined> {
  const view = await loadSynthesis(deps.db, proposal.id);
  return <SynthesisSection view={view} />;
}
