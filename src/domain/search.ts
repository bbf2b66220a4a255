/** Searching the site: the query's bounds, and how matched words travel from the database to the page. */

/** Longest query read (the search box says so too); a longer one is refused. */
export const MAX_SEARCH_LENGTH = 200;

/** Sentinels around matches (ts_headline's StartSel/StopSel): the view escapes the text, then turns them into <mark>. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** ts_headline's options: whole text (a title, a name) or fragments of a long one (a comment, an official text). */
export const HEADLINE_WHOLE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
export const HEADLINE_FRAGMENTS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

/** A text with its matched words as separate parts; never HTML. */
export type MarkedText = { text: string; match: boolean }[];

/** Headline output → text parts; the view escapes every part, so nothing from the data becomes markup. */
export function splitMarks(excerpt: string): MarkedText {
  const parts: MarkedText = [];
  for (const [index, chunk] of excerpt.split(MARK_START).entries()) {
    if (index === 0) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    const [match = "", rest = ""] = chunk.split(MARK_END);
    parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
