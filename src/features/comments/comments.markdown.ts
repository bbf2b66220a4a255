import MarkdownIt from "markdown-it";

/**
 * The markdown subset of the debate: paragraphs, emphasis, lists, links, quotes.
 * Raw HTML is off (markdown-it escapes it), headings, code blocks, tables and
 * images are disabled, and only http(s)/mailto links survive (markdown-it's
 * validateLink already refuses javascript:, vbscript:, file: and most data:).
 */
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false });
md.enable(["paragraph", "newline", "emphasis", "list", "blockquote", "link", "linkify", "autolink", "escape"]);
md.validateLink = (url) => /^(https?:\/\/|mailto:)/i.test(url.trim());

md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index];
  token?.attrSet("rel", "nofollow ugc noopener");
  return self.renderToken(tokens, index, options);
};

const MENTION = /(^|[^\p{L}\p{N}_/@])@([a-z0-9]+(?:-[a-z0-9]+)*)/gu;

/** Organisations that can be mentioned: slug → name. */
export type MentionDirectory = ReadonlyMap<string, string>;

/**
 * `@slug` of a known organisation becomes a link to its page. Done on text tokens
 * (never inside links or code), so a mention cannot inject markup.
 */
md.core.ruler.push("organisation_mentions", (state) => {
  const directory = (state.env as { mentions?: MentionDirectory }).mentions;
  if (!directory) return;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const children: typeof block.children = [];
    let insideLink = 0;
    for (const token of block.children) {
      if (token.type === "link_open") insideLink += 1;
      if (token.type === "link_close") insideLink -= 1;
      if (token.type !== "text" || insideLink > 0) {
        children.push(token);
        continue;
      }
      children.push(...splitMentions(state, token.content, directory));
    }
    block.children = children;
  }
});

type StateCore = Parameters<Parameters<typeof md.core.ruler.push>[1]>[0];

function splitMentions(state: StateCore, content: string, directory: MentionDirectory) {
  const tokens = [];
  let last = 0;
  for (const match of content.matchAll(MENTION)) {
    const slug = match[2] ?? "";
    if (!directory.has(slug)) continue;
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    tokens.push(textToken(state, content.slice(last, start)));
    const open = new state.Token("link_open", "a", 1);
    open.attrs = [
      ["href", `/organisations/${slug}`],
      ["class", "mention"],
    ];
    tokens.push(open, textToken(state, `@${slug}`), new state.Token("link_close", "a", -1));
    last = start + slug.length + 1;
  }
  tokens.push(textToken(state, content.slice(last)));
  return tokens.filter((token) => token.type !== "text" || token.content !== "");
}

function textToken(state: StateCore, content: string) {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

export function renderCommentMarkdown(body: string, mentions?: MentionDirectory): string {
  return md.render(body, { mentions });
}

/** Slugs of known organisations mentioned in a body (for notifications). */
export function mentionedSlugs(body: string, directory: MentionDirectory): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    if (match[2] && directory.has(match[2])) found.add(match[2]);
  }
  return [...found];
}
