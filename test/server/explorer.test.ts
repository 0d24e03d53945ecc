// The explorer on the local server: GraphiQL served from the project's own dependencies, so a
// browser needs no internet. The page and every file it references load from the server with
// their content types and caching, none of them points at another host, and the page's own
// script renders GraphiQL against the server it came from.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const require = createRequire(import.meta.url);
const installed = (pkg: string, file: string) => readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));

let api: TestApi;
let server: LocalServer;
let page: Response;
let html: string;
let references: string[];

beforeAll(async () => {
  api = await createTestApi();
  server = await startLocalServer(api.app, { port: 0, ping: async () => void (await api.database.db.execute(sql`select 1`)) });
  page = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });
  html = await page.text();
  references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
});
afterAll(async () => {
  await server.close();
  await api.close();
});

/** Every URL the text names with a scheme or as protocol-relative, other than data: URLs. */
function absoluteUrls(text: string): string[] {
  return [...text.matchAll(/(?:\b[a-z][a-z0-9+.-]*:)?\/\/[^\s"'()<>]+/gi)].map((m) => m[0]).filter((u) => !u.startsWith("data:"));
}

describe("the explorer page", () => {
  it("is GraphiQL, for a browser on GET /graphql, revalidated on every visit and limited to this server's scripts", () => {
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("etag")).toMatch(/^"[0-9a-f]{16}"$/);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(html).toContain('<div id="graphiql">');
    expect(html).toMatch(/<title>Talent API explorer<\/title>/);
    expect(html).not.toMatch(/apollographql|unpkg|jsdelivr|cdn/i);
  });

  it("names no URL on another host, and no inline script", () => {
    expect(absoluteUrls(html)).toEqual([]);
    expect(references.length).toBeGreaterThanOrEqual(5);
    for (const reference of references) expect(reference).toMatch(/^\/explorer\/[\w.-]+\?v=[0-9a-f]{16}$/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("loads every file it references from the server, with its content type, cached for good at that version", async () => {
    for (const reference of references) {
      const response = await fetch(new URL(reference, server.url));
      expect(response.status, reference).toBe(200);
      expect(response.headers.get("content-type"), reference).toBe(reference.includes(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
      expect(response.headers.get("cache-control"), reference).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options"), reference).toBe("nosniff");
      const etag = response.headers.get("etag");
      expect(etag, reference).toBe(`"${new URL(reference, server.url).searchParams.get("v")}"`);
      expect((await response.arrayBuffer()).byteLength, reference).toBeGreaterThan(0);
      const again = await fetch(new URL(reference, server.url), { headers: { "if-none-match": etag! } });
      expect(again.status, reference).toBe(304);
    }
  });

  it("serves the installed GraphiQL 3 on React 18's production builds", async () => {
    const body = async (name: string) => Buffer.from(await (await fetch(new URL(references.find((r) => r.startsWith(`/explorer/${name}?`))!, server.url))).arrayBuffer());
    expect((await body("graphiql.min.js")).equals(installed("graphiql", "graphiql.min.js"))).toBe(true);
    expect((await body("graphiql.min.css")).equals(installed("graphiql", "graphiql.min.css"))).toBe(true);
    expect((await body("react.production.min.js")).equals(installed("react", "umd/react.production.min.js"))).toBe(true);
    expect((await body("react-dom.production.min.js")).equals(installed("react-dom", "umd/react-dom.production.min.js"))).toBe(true);
    expect(JSON.parse(installed("graphiql", "package.json").toString()).version).toMatch(/^3\./);
    expect(JSON.parse(installed("react", "package.json").toString()).version).toMatch(/^18\./);
  });

  it("loads nothing from elsewhere through its stylesheet or its own script", async () => {
    const text = async (name: string) => (await fetch(new URL(references.find((r) => r.startsWith(`/explorer/${name}?`))!, server.url))).text();
    const css = await text("graphiql.min.css");
    expect([...css.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]!).filter((u) => !u.startsWith("data:"))).toEqual([]);
    expect(css).not.toMatch(/@import/);
    expect(absoluteUrls(await text("explorer.js"))).toEqual([]);
  });

  it("renders GraphiQL against the server it came from, over HTTP and WebSocket", async () => {
    const script = await (await fetch(new URL(references.find((r) => r.startsWith("/explorer/explorer.js?"))!, server.url))).text();
    const calls: Record<string, unknown> = {};
    const graphiql = Object.assign(() => null, { createFetcher: (options: unknown) => ((calls.fetcherOptions = options), "fetcher") });
    runInNewContext(script, {
      location: new URL("http://localhost:4000/graphql"),
      document: { getElementById: (id: string) => ((calls.container = id), { id }) },
      GraphiQL: graphiql,
      React: { createElement: (type: unknown, props: unknown) => ((calls.element = { type, props }), "element") },
      ReactDOM: { createRoot: () => ({ render: (element: unknown) => (calls.rendered = element) }) },
    });
    expect(calls.fetcherOptions).toEqual({ url: "http://localhost:4000/graphql", subscriptionUrl: "ws://localhost:4000/graphql" });
    expect(calls.container).toBe("graphiql");
    expect(calls.element).toMatchObject({ type: graphiql, props: { fetcher: "fetcher" } });
    expect(calls.rendered).toBe("element");
  });
});

describe("GET /graphql for programs", () => {
  it("still answers GraphQL to a client that asks for JSON", async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json", "apollo-require-preflight": "1" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers 404 for a file the explorer does not have", async () => {
    expect((await fetch(new URL("/explorer/graphiql.js.map", server.url))).status).toBe(404);
    expect((await fetch(new URL("/explorer/../package.json", server.url))).status).toBe(404);
  });
});
