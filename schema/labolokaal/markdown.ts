// A forum post as HTML: its Markdown (or plain text) rendered with marked and sanitised with
// sanitize-html, both maintained libraries, so no script, event handler, style or frame reaches a
// reader. Two layers: HTML written in a post is never interpreted (marked's raw-HTML tokens are
// escaped, so "<b>" shows as typed), and whatever marked does produce passes an allow-list of tags
// and attributes; links keep only http, https and mailto and are marked nofollow (user content).
//
// Both libraries are loaded on the first post rendered, not when the API starts: with
// sanitize-html's parser (htmlparser2, entities, postcss) they are about 300 KB that a Lambda
// cold start would otherwise parse although most invocations never write a post. In the bundle
// the dynamic imports become a chunk of their own (infra/lambda-build.ts).
import type sanitizeHtml from "sanitize-html";

/** What a rendered post may contain. */
export const ALLOWED_TAGS = ["p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6"] as const;

export const LINK_REL = "nofollow noopener noreferrer ugc";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

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

type Render = (body: string) => string;

/** The renderer, built once on first use; a failed load is not cached, so the next post tries again. */
let renderer: Promise<Render> | undefined;

async function loadRenderer(): Promise<Render> {
  const [{ Marked }, { default: sanitize }] = await Promise.all([import("marked"), import("sanitize-html")]);
  const marked = new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      // Raw HTML in a post is text, not markup.
      html: ({ text }) => escapeHtml(text),
    },
  });
  return (body) => sanitize(marked.parse(body) as string, sanitizeOptions).trim();
}

/** A post's body as sanitised HTML: Markdown rendered, raw HTML escaped, only the allow-list kept. */
export async function renderPost(body: string): Promise<string> {
  renderer ??= loadRenderer().catch((error: unknown) => {
    renderer = undefined;
    throw error;
  });
  return (await renderer)(body);
}
