import { describe, expect, it } from "vitest";
import { mentionedSlugs, renderCommentMarkdown } from "../../src/features/comments/comments.markdown.js";

const directory = new Map([
  ["apvf", "APVF"],
  ["union-medecins", "Union des médecins"],
]);

describe("comment markdown subset", () => {
  it("renders paragraphs, emphasis, lists and quotes", () => {
    const html = renderCommentMarkdown("*a* **b**\n\n- un\n- deux\n\n1. premier\n\n> cité");
    expect(html).toContain("<p><em>a</em> <strong>b</strong></p>");
    expect(html).toContain("<ul>\n<li>un</li>");
    expect(html).toContain("<ol>\n<li>premier</li>");
    expect(html).toContain("<blockquote>");
  });

  it("escapes raw HTML and never produces other markup (headings, images, code blocks)", () => {
    const html = renderCommentMarkdown(
      '<script>x</script> <a href="/" hx-get="/x">a</a>\n\n# titre\n\n![i](https://x/i.png)\n\n    code',
    );
    expect(html).not.toMatch(/<(script|a href="\/"|h1|img|pre|code)/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps http(s) and mailto links only, with rel=nofollow ugc noopener", () => {
    expect(renderCommentMarkdown("[a](https://exemple.fr)")).toContain(
      '<a href="https://exemple.fr" rel="nofollow ugc noopener">a</a>',
    );
    for (const url of ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "/interne", "file:///etc/passwd"]) {
      expect(renderCommentMarkdown(`[a](${url})`)).not.toContain("<a ");
    }
    expect(renderCommentMarkdown("voir https://exemple.fr/page")).toContain('rel="nofollow ugc noopener"');
  });

  it("links @mentions of known organisations only, never inside a link or an email address", () => {
    const html = renderCommentMarkdown(
      "@apvf et @union-medecins, pas @inconnu ni a@apvf ni [@apvf](https://x.fr)",
      directory,
    );
    expect(html.match(/class="mention"/g)).toHaveLength(2);
    expect(html).toContain('<a href="/organisations/union-medecins" class="mention"');
    expect(mentionedSlugs("@apvf @apvf @inconnu", directory)).toEqual(["apvf"]);
  });
});
