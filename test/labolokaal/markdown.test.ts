// A post's HTML is safe to show: Markdown is rendered, raw HTML is shown as typed, and what reaches
// bodyHtml holds only the allowed tags (p, br, strong, em, code, pre, blockquote, ul, ol, li, a,
// h3-h6) with no event handler, style or foreign attribute, and links only to http, https or
// mailto, marked nofollow. Each hostile case goes through the API (startThread, editThread and
// replyToThread) and is checked by parsing what came back, not by looking for one string.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boards } from "../../db/schema/boards.js";
import { organisations } from "../../db/schema/organisations.js";
import { ALLOWED_TAGS, LINK_REL } from "../../schema/labolokaal/markdown.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { globalId } from "../helpers/funding.js";
import { createLaboTheme, type LaboProject, laboMember, startLaboProject } from "../helpers/labolokaal.js";

let api: TestApi;
let A: LaboProject;
let member: Actor;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  const [board] = await api.database.db.select({ id: boards.id }).from(boards).orderBy(boards.name).limit(1);
  const [org] = await api.database.db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id).limit(1);
  A = await startLaboProject(api, { theme: await createLaboTheme(api, "Markdownthema"), board: globalId("Board", board!.id), expert: globalId("Organisation", org!.id) });
  member = laboMember(A.boardId, "md-m1");
});
afterAll(async () => {
  await api.close();
});

const START = graphql(`
  mutation LaboMarkdownStart($input: StartThreadInput!) {
    startThread(input: $input) { thread { id body bodyHtml } }
  }
`);
const EDIT = graphql(`
  mutation LaboMarkdownEdit($input: EditThreadInput!) {
    editThread(input: $input) { thread { bodyHtml } }
  }
`);
const REPLY = graphql(`
  mutation LaboMarkdownReply($input: ReplyInput!) {
    replyToThread(input: $input) { reply { bodyHtml } }
  }
`);

const ALLOWED = new Set<string>(ALLOWED_TAGS);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(["href", "title", "rel"]), ol: new Set(["start"]) };

/** Every tag of the HTML with its attributes (decoded), as a browser would read them. */
function tagsOf(html: string): { name: string; attributes: Map<string, string> }[] {
  const tags: { name: string; attributes: Map<string, string> }[] = [];
  for (const match of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const attributes = new Map<string, string>();
    for (const attr of (match[2] ?? "").matchAll(/([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const value = (attr[2] ?? attr[3] ?? attr[4] ?? "").replace(/&#(\d+);/g, (_m, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, "&");
      attributes.set(attr[1]!.toLowerCase(), value);
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** Fails unless the HTML holds only allowed tags and attributes, and safe, nofollow links. */
function expectSafe(html: string) {
  // A "<" that opens no tag would be parsed by a browser as one: every "<" must be part of a tag.
  expect(html.replace(/<\/?[a-zA-Z][^>]*>/g, "")).not.toMatch(/<[a-zA-Z!/?]/);
  for (const { name, attributes } of tagsOf(html)) {
    expect(ALLOWED.has(name), `tag <${name}> in ${html}`).toBe(true);
    for (const [attribute, value] of attributes) {
      expect(ALLOWED_ATTRIBUTES[name]?.has(attribute), `attribute ${attribute} on <${name}> in ${html}`).toBe(true);
      if (attribute === "href") expect(value, html).toMatch(/^(https?:\/\/|mailto:)/i);
    }
    if (name === "a" && attributes.size > 0) expect(attributes.get("rel"), html).toBe(LINK_REL);
  }
}

// [case, body, what the HTML must still show (text or markup), what it must not]
const HOSTILE: [string, string, string | null, RegExp | null][] = [
  ["a script tag", "Hallo <script>alert(1)</script>", "&lt;script&gt;", /<script/i],
  ["a script block", "<script>\nalert(document.cookie)\n</script>", null, /<script/i],
  ["an image with onerror", '<img src=x onerror="alert(1)">', null, /<img/i],
  ["a Markdown image", "![kat](https://example.org/kat.png)", null, /<img/i],
  ["a javascript: link", "[klik](javascript:alert(1))", ">klik</a>", /href/],
  ["a mixed-case javascript: link", "[klik](JaVaScRiPt:alert(1))", null, /href/],
  ["an entity-encoded javascript: link", "[klik](&#106;avascript&#58;alert(1))", null, /href/],
  ["a javascript: link with a tab", "[klik](java\tscript:alert(1))", null, /href="java/i],
  ["a data: URL link", "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", null, /href/],
  ["a data: URL image", "![x](data:image/svg+xml,<svg onload=alert(1)>)", null, /<img|<svg/i],
  ["a vbscript: autolink", "<vbscript:msgbox(1)>", null, /href/],
  ["a protocol-relative link", "[klik](//evil.example/x)", null, /href/],
  ["an inline event attribute", '<a href="https://example.org" onclick="alert(1)">x</a>', null, /<a /],
  ["a style attribute", '<p style="background:url(javascript:alert(1))">x</p>', null, /<p style/i],
  ["a style element", "<style>body{display:none}</style>", null, /<style/i],
  ["an iframe", '<iframe src="https://evil.example"></iframe>', null, /<iframe/i],
  ["an svg with onload", "<svg onload=alert(1)><circle/></svg>", null, /<svg/i],
  ["nested tags to break out", "<scr<script>ipt>alert(1)</scr</script>ipt>", null, /<script/i],
  ["an unterminated tag", "<img src=x onerror=alert(1)//", null, /<img/i],
  ["a tag in a link's text", "[<img src=x onerror=alert(1)>](https://example.org)", null, /<img/i],
  // The quotes stay inside the title, escaped: expectSafe parses the attributes and finds no handler.
  ["a title breaking out of its attribute", '[x](https://example.org "a\\" onmouseover=\\"alert(1)")', 'title="a&quot; onmouseover=&quot;alert(1)"', null],
  ["an HTML comment", "<!-- <script>alert(1)</script> -->", null, /<!--|<script/i],
  ["a form", '<form action="https://evil.example"><input name=x></form>', null, /<form|<input/i],
  ["a meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">', null, /<meta/i],
  ["a link element", '<link rel="stylesheet" href="https://evil.example/x.css">', null, /<link/i],
  ["an object", '<object data="https://evil.example/x.swf"></object>', null, /<object/i],
];

describe("hostile posts", () => {
  it.each(HOSTILE)("%s: bodyHtml holds none of it", async (_case, body, shows, never) => {
    const { thread } = (await api.ok(START, { input: { themeId: A.themeId, title: "Test", body } }, { as: member })).startThread;
    expect(thread.body).toBe(body.trim());
    expectSafe(thread.bodyHtml!);
    if (never) expect(thread.bodyHtml).not.toMatch(never);
    if (shows) expect(thread.bodyHtml).toContain(shows);
  });

  it("sanitises an edit and a reply the same way", async () => {
    const { thread } = (await api.ok(START, { input: { themeId: A.themeId, title: "Test", body: "Gewoon" } }, { as: member })).startThread;
    for (const [, body] of HOSTILE) {
      const edited = (await api.ok(EDIT, { input: { id: thread.id, body } }, { as: member })).editThread.thread;
      expectSafe(edited.bodyHtml!);
      const replied = (await api.ok(REPLY, { input: { threadId: thread.id, body } }, { as: member })).replyToThread.reply;
      expectSafe(replied.bodyHtml!);
    }
  });
});

describe("what a post may hold", () => {
  it.each([
    ["plain text, escaped", 'Kosten < 5 & > 2 "euro\'s"', '<p>Kosten &lt; 5 &amp; &gt; 2 "euro\'s"</p>'],
    ["line breaks", "regel 1\nregel 2", "<p>regel 1<br />regel 2</p>"],
    ["emphasis and code", "**vet** *schuin* `code`", "<p><strong>vet</strong> <em>schuin</em> <code>code</code></p>"],
    ["a list", "- een\n- twee", "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"],
    ["a numbered list", "3. drie\n4. vier", '<ol start="3">\n<li>drie</li>\n<li>vier</li>\n</ol>'],
    ["a quote", "> geciteerd", "<blockquote>\n<p>geciteerd</p>\n</blockquote>"],
    ["a code block", "```\n<b>x</b>\n```", "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>"],
    ["headings, big ones made h3", "# Groot\n\n#### Klein", "<h3>Groot</h3>\n<h4>Klein</h4>"],
    ["an https link with rel nofollow", "[site](https://example.org/a?b=1&c=2)", `<p><a href="https://example.org/a?b=1&amp;c=2" rel="${LINK_REL}">site</a></p>`],
    ["a mailto link", "[mail](mailto:info@example.org)", `<p><a href="mailto:info@example.org" rel="${LINK_REL}">mail</a></p>`],
    ["an autolink", "https://example.org", `<p><a href="https://example.org" rel="${LINK_REL}">https://example.org</a></p>`],
    ["the author's own rel replaced", '[x](https://example.org "t")', `<p><a href="https://example.org" title="t" rel="${LINK_REL}">x</a></p>`],
  ])("%s", async (_case, body, html) => {
    const { thread } = (await api.ok(START, { input: { themeId: A.themeId, title: "Opmaak", body } }, { as: member })).startThread;
    expect(thread.bodyHtml).toBe(html);
    expectSafe(thread.bodyHtml!);
  });
});
