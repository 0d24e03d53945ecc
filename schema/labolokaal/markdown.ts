// A forum post as HTML: its Markdown (or plain text) rendered with marked and sanitised with
// sanitize-html, both maintained libraries, so no script, event handler, style or frame reaches a
// reader. Two layers: HTML written in a post is never interpreted (marked's raw-HTML tokens are
// escaped, so "<b>" shows as typed), and whatever marked does produce passes an allow-list of tags
// and attributes; links keep only http, https and mailto and are marked nofollow (user content).
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** What a rendered post may contain. */
export const ALLOWED_TAGS = ["p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6"] as const;

export const LINK_REL = "nofollow noopener noreferrer ugc";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML in a post is text, not markup.
    html: ({ text }) => escapeHtml(text),
  },
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  // `rel` is always ours: transformTags below replaces the author's before the allow-list runs.
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // A forbidden element goes, its text stays (but never a script's or style's: nonTextTags).
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math"],
  // Bigger headings than a post's own would outshout the page: they become h3.
  transformTags: {
    h1: "h3",
    h2: "h3",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }),
  },
};

/** A post's body as sanitised HTML: Markdown rendered, raw HTML escaped, only the allow-list kept. */
export function renderPost(body: string): string {
  const rendered = marked.parse(body) as string;
  return sanitizeHtml(rendered, sanitizeOptions).trim();
}
