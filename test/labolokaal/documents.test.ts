// Documents in a theme's space, through the real local server and its folder store: a member asks
// for an upload link, PUTs the bytes, confirms, and every member downloads the same bytes through a
// link signed on each read. Wrong types (by their bytes, not their name), oversized files, outsiders,
// anonymous callers and former members are refused, and nothing half-written remains.
import { crc32 } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { laboApplications, laboDocuments, laboProjects, laboThemes, projectCalls } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { toGlobalId } from "../../schema/shared/relay.js";
import type { FolderStore } from "../../schema/shared/storage.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";

let api: TestApi;
let server: LocalServer;

beforeAll(async () => {
  api = await createTestApi();
  server = await startLocalServer(api.app, { port: 0, ping: async () => {}, storage: api.services.storage });
});
afterAll(async () => {
  await server.close();
  await api.close();
});

/** The row id in a global id. */
const rowIdOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

/** The folder store signs links for PUBLIC_URL (localhost:4000); the test's server listens elsewhere. */
const local = (url: string) => url.replace("http://localhost:4000", new URL(server.url).origin);

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

interface Space {
  themeId: string;
  themeRowId: string;
  otherThemeId: string;
  member: Actor;
  colleague: Actor;
  expert: Actor;
  outsider: Actor;
  otherThemeExpert: Actor;
  projectRowId: string;
}

let fx: Space;

/** A theme with one project (a seeded board, a seeded expert organisation), inserted directly, and a second theme with another project. */
async function makeSpace(): Promise<Space> {
  const db = api.database.db;
  const someBoards = await db.select({ id: boards.id }).from(boards).orderBy(boards.id).limit(3);
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id).limit(2);
  const [board, outsiderBoard, otherBoard] = someBoards;
  const [expertOrg, otherExpertOrg] = orgs;
  if (!board || !outsiderBoard || !otherBoard || !expertOrg || !otherExpertOrg) throw new Error("the seed has too few boards or organisations");
  const project = async (name: string, boardId: string, expertId: string) => {
    const [theme] = await db
      .insert(laboThemes)
      .values({ name: { nl: name }, fundingSource: "VIA" })
      .returning();
    const [call] = await db
      .insert(projectCalls)
      .values({ themeId: theme!.id, title: { nl: "Oproep" }, opensOn: "2026-01-01", deadline: "2026-12-31", supportCents: 500_000, ownContributionCents: 0 })
      .returning();
    const [application] = await db
      .insert(laboApplications)
      .values({ callId: call!.id, boardId, motivation: "Wij doen mee.", contactName: "Contact", contactEmail: "contact@example.org" })
      .returning();
    const [row] = await db
      .insert(laboProjects)
      .values({ applicationId: application!.id, callId: call!.id, themeId: theme!.id, boardId, expertId, supportCents: 500_000, ownContributionCents: 0, startedOn: "2026-02-01" })
      .returning();
    return { themeRowId: theme!.id, projectRowId: row!.id };
  };
  const main = await project("Opslagthema", board.id, expertOrg.id);
  const other = await project("Ander thema", otherBoard.id, otherExpertOrg.id);
  return {
    themeId: toGlobalId("Theme", main.themeRowId),
    themeRowId: main.themeRowId,
    otherThemeId: toGlobalId("Theme", other.themeRowId),
    projectRowId: main.projectRowId,
    member: { role: "BOARD_MEMBER", sub: "doc-member", board: board.id },
    colleague: { role: "BOARD_MEMBER", sub: "doc-colleague", board: board.id },
    expert: { role: "EXPERT", sub: "doc-expert", org: expertOrg.id },
    outsider: { role: "BOARD_MEMBER", sub: "doc-outsider", board: outsiderBoard.id },
    otherThemeExpert: { role: "EXPERT", sub: "doc-other-expert", org: otherExpertOrg.id },
  };
}

beforeEach(async () => {
  await api.reseed();
  fx = await makeSpace();
});

const REQUEST = graphql(`
  mutation DocumentsRequest($input: RequestDocumentUploadInput!) {
    requestDocumentUpload(input: $input) {
      document { id title filename status contentType sizeBytes downloadUrl viewerCanRemove theme { id } }
      upload { url method headers expiresAt maxBytes }
    }
  }
`);
const CONFIRM = graphql(`
  mutation DocumentsConfirm($id: ID!) {
    confirmDocumentUpload(id: $id) { document { id status contentType sizeBytes uploadedAt } }
  }
`);
const REMOVE = graphql(`
  mutation DocumentsRemove($id: ID!) {
    removeDocument(id: $id) { document { id } }
  }
`);
const LIST = graphql(`
  query DocumentsList($themeId: ID!, $first: Int, $after: String) {
    node(id: $themeId) {
      ... on Theme {
        space {
          documents(first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { id title filename contentType sizeBytes status viewerCanRemove author { displayName photoUrl board { id } organisation { id } } } }
          }
        }
      }
    }
  }
`);
const DOCUMENT = graphql(`
  query DocumentsOne($id: ID!) {
    node(id: $id) { ... on Document { id title downloadUrl } }
  }
`);

type Declared = { filename?: string; contentType?: string; sizeBytes?: number; title?: string };

async function request(as: Actor, bytes: Buffer, declared: Declared = {}) {
  const { requestDocumentUpload } = await api.ok(
    REQUEST,
    {
      input: {
        themeId: fx.themeId,
        title: declared.title ?? "Verslag lerend netwerk",
        filename: declared.filename ?? "verslag.pdf",
        contentType: declared.contentType ?? "application/pdf",
        sizeBytes: declared.sizeBytes ?? bytes.length,
      },
    },
    { as },
  );
  return requestDocumentUpload;
}

async function put(upload: { url: string; headers: unknown }, bytes: Buffer) {
  return fetch(local(upload.url), { method: "PUT", headers: upload.headers as Record<string, string>, body: bytes });
}

/** Requests, uploads and confirms a document: its global id. */
async function share(as: Actor, bytes: Buffer = PDF, declared: Declared = {}): Promise<string> {
  const { document, upload } = await request(as, bytes, declared);
  expect((await put(upload, bytes)).status).toBe(200);
  await api.ok(CONFIRM, { id: document.id }, { as });
  return document.id;
}

const rowOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

describe("the whole path through the local server", () => {
  it("requests a link, PUTs the bytes, confirms, lists and downloads the same bytes", async () => {
    const { document, upload } = await request(fx.member, PDF);
    expect(document).toMatchObject({ status: "PENDING", contentType: null, downloadUrl: null, viewerCanRemove: true, theme: { id: fx.themeId } });
    expect(upload).toMatchObject({ method: "PUT", headers: { "content-type": "application/pdf" }, maxBytes: PDF.length });
    // About 15 minutes, and the key is random: the file's name is not in the link.
    const minutes = (new Date(upload.expiresAt as string).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(upload.url).not.toContain("verslag");

    // Pending documents are not listed.
    const before = await api.ok(LIST, { themeId: fx.themeId }, { as: fx.colleague });
    expect(before.node).toMatchObject({ space: { documents: { totalCount: 0, edges: [] } } });

    expect((await put(upload, PDF)).status).toBe(200);
    const { confirmDocumentUpload } = await api.ok(CONFIRM, { id: document.id }, { as: fx.member });
    expect(confirmDocumentUpload.document).toMatchObject({ status: "AVAILABLE", contentType: "application/pdf", sizeBytes: PDF.length });

    for (const viewer of [fx.colleague, fx.expert, { role: "CONSULTANT", sub: "doc-consultant" } as Actor]) {
      const listed = await api.ok(LIST, { themeId: fx.themeId }, { as: viewer });
      expect(listed.node).toMatchObject({
        space: {
          documents: {
            totalCount: 1,
            edges: [
              {
                node: {
                  id: document.id,
                  filename: "verslag.pdf",
                  contentType: "application/pdf",
                  status: "AVAILABLE",
                  author: { displayName: "Deelnemer", board: { id: toGlobalId("Board", fx.member.board!) }, organisation: null },
                },
              },
            ],
          },
        },
      });
    }
    const listed = await api.ok(LIST, { themeId: fx.themeId }, { as: fx.colleague });
    // Only the uploader and moderators may remove it.
    expect(listed.node).toMatchObject({ space: { documents: { edges: [{ node: { viewerCanRemove: false } }] } } });

    const { node } = await api.ok(DOCUMENT, { id: document.id }, { as: fx.expert });
    const url = (node as { downloadUrl: string }).downloadUrl;
    // The API's own link, asked for membership at its use, redirects to a storage link of 60 seconds.
    expect(new URL(url).pathname).toMatch(new RegExp(`^/labolokaal/documents/${rowIdOf(document.id)}/`));
    const redirect = await fetch(local(url), { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get("location")!;
    const expires = Number(new URL(location).searchParams.get("expires")) * 1000 - Date.now();
    expect(expires).toBeGreaterThan(50_000);
    expect(expires).toBeLessThanOrEqual(60_000);
    const download = await fetch(local(location));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain('filename="verslag.pdf"');
  });

  it("announces a shared document with ids only and keeps no title or file name in the audit log", async () => {
    const id = await share(fx.member, PDF, { title: "Geheime titel", filename: "geheim-bestand.pdf" });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "labo.space.changed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toEqual([{ themeId: fx.themeRowId, part: "DOCUMENT", partId: rowOf(id), operation: "CREATED" }]);
    const audit = await api.database.db.select().from(auditLog).where(eq(auditLog.entityType, "Document")).orderBy(auditLog.createdAt, auditLog.id);
    expect(audit.map((a) => a.operation)).toEqual(expect.arrayContaining(["requestDocumentUpload", "confirmDocumentUpload"]));
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toMatch(/Geheime|geheim-bestand/);
  });

  it("lists newest first, a page at a time", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await share(fx.member, PDF, { title: `Document ${i}` }));
    const first = await api.ok(LIST, { themeId: fx.themeId, first: 2 }, { as: fx.expert });
    const page = (first.node as any).space.documents;
    expect(page.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await api.ok(LIST, { themeId: fx.themeId, first: 2, after: page.pageInfo.endCursor }, { as: fx.expert });
    expect((second.node as any).space.documents.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
  });

  it("costs the same number of statements for the list with its authors at two sizes", async () => {
    const cost = async () => (await api.exec(LIST, { themeId: fx.themeId, first: 50 }, { as: fx.expert })).statements;
    await share(fx.member, PDF);
    await share(fx.expert, PNG, { filename: "foto.png", contentType: "image/png" });
    const small = await cost();
    for (let i = 0; i < 4; i++) await share(i % 2 ? fx.colleague : fx.member, PDF);
    expect(await cost()).toBe(small);
  });
});

describe("the bytes decide the type and the size", () => {
  it("refuses a PNG renamed .pdf and declared as a PDF, and removes both the file and the document", async () => {
    const { document, upload } = await request(fx.member, PNG, { filename: "scan.pdf", contentType: "application/pdf" });
    expect((await put(upload, PNG)).status).toBe(200);
    const result = await api.exec(CONFIRM, { id: document.id }, { as: fx.member });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    expect(result.errors?.[0]?.message).toContain("is not a PDF, Office document or image");
    expect(await api.database.db.select().from(laboDocuments)).toEqual([]);
    const store = api.services.storage as FolderStore;
    expect(await store.head(new URL(upload.url).pathname.replace("/storage/", ""))).toBeNull();
  });

  it("refuses bytes that are no allowed type at all, even declared as an image", async () => {
    const { document, upload } = await request(fx.member, Buffer.from("just some text"), { filename: "foto.png", contentType: "image/png" });
    await put(upload, Buffer.from("just some text"));
    expect(errorOf(await api.exec(CONFIRM, { id: document.id }, { as: fx.member }))).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    expect(await api.database.db.select().from(laboDocuments)).toEqual([]);
  });

  it("accepts an image declared as an image, with the type its bytes show", async () => {
    const id = await share(fx.member, PNG, { filename: "foto.png", contentType: "image/png" });
    const [row] = await api.database.db
      .select()
      .from(laboDocuments)
      .where(eq(laboDocuments.id, rowOf(id)));
    expect(row).toMatchObject({ status: "AVAILABLE", contentType: "image/png", sizeBytes: PNG.length });
  });

  it("refuses a declared size over 25 MB, a type outside the list and a file name with folders", async () => {
    const input = { themeId: fx.themeId, title: "Groot", filename: "groot.pdf", contentType: "application/pdf", sizeBytes: 1000 };
    const tooLarge = await api.exec(REQUEST, { input: { ...input, sizeBytes: 26_214_401 } }, { as: fx.member });
    expect(errorOf(tooLarge)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.sizeBytes" });
    const atLimit = await api.exec(REQUEST, { input: { ...input, sizeBytes: 26_214_400 } }, { as: fx.member });
    expect(atLimit.errors).toBeUndefined();
    expect(errorOf(await api.exec(REQUEST, { input: { ...input, sizeBytes: 0 } }, { as: fx.member }))).toMatchObject({ field: "input.sizeBytes" });
    expect(errorOf(await api.exec(REQUEST, { input: { ...input, contentType: "application/zip" } }, { as: fx.member }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contentType",
    });
    expect(errorOf(await api.exec(REQUEST, { input: { ...input, contentType: "text/html" } }, { as: fx.member }))).toMatchObject({ field: "input.contentType" });
    expect(errorOf(await api.exec(REQUEST, { input: { ...input, filename: "../../etc/passwd" } }, { as: fx.member }))).toMatchObject({ field: "input.filename" });
    expect(errorOf(await api.exec(REQUEST, { input: { ...input, title: " " } }, { as: fx.member }))).toMatchObject({ field: "input.title" });
    expect(errorOf(await api.exec(REQUEST, { input: { ...input, title: "x".repeat(201) } }, { as: fx.member }))).toMatchObject({ field: "input.title" });
    // Only the accepted request wrote a row.
    expect(await api.database.db.select().from(laboDocuments)).toHaveLength(1);
  });

  it("refuses a PUT larger than the link was signed for (413) and keeps nothing, so confirming finds no file", async () => {
    const { document, upload } = await request(fx.member, PDF);
    const response = await put(upload, Buffer.concat([PDF, Buffer.alloc(100)]));
    expect(response.status).toBe(413);
    const result = await api.exec(CONFIRM, { id: document.id }, { as: fx.member });
    expect(errorOf(result)).toMatchObject({ code: "CONFLICT" });
    expect(result.errors?.[0]?.message).toMatch(/not uploaded yet/);
  });

  it("refuses a tampered, an expired or a wrongly typed upload link with 403, and a tampered download link", async () => {
    const { upload } = await request(fx.member, PDF);
    const tampered = new URL(local(upload.url));
    tampered.searchParams.set("max", "99999999");
    expect((await fetch(tampered, { method: "PUT", headers: upload.headers as Record<string, string>, body: PDF })).status).toBe(403);
    const otherKey = new URL(local(upload.url));
    otherKey.pathname = "/storage/documents/00000000-0000-4000-8000-000000000000";
    expect((await fetch(otherKey, { method: "PUT", headers: upload.headers as Record<string, string>, body: PDF })).status).toBe(403);
    expect((await fetch(local(upload.url), { method: "PUT", headers: { "content-type": "text/html" }, body: PDF })).status).toBe(403);

    const store = api.services.storage;
    const expired = await store.signUpload("documents/expired-link", { contentType: "application/pdf", maxBytes: 100, expiresInSeconds: -1 });
    expect((await fetch(local(expired.url), { method: "PUT", headers: expired.headers, body: PDF })).status).toBe(403);
    expect(await store.head("documents/expired-link")).toBeNull();

    const id = await share(fx.member);
    const { node } = await api.ok(DOCUMENT, { id }, { as: fx.member });
    const link = local((node as { downloadUrl: string }).downloadUrl);
    const download = new URL(local((await fetch(link, { redirect: "manual" })).headers.get("location")!));
    download.searchParams.set("filename", "other.exe");
    expect((await fetch(download)).status).toBe(403);
    // The API's link, tampered with (the first character of its claims) or for another document, is refused too.
    const token = link.slice(link.lastIndexOf("/") + 1);
    const tamperedLink = `${link.slice(0, link.lastIndexOf("/") + 1)}${token.startsWith("e") ? "f" : "e"}${token.slice(1)}`;
    expect((await fetch(tamperedLink, { redirect: "manual" })).status).toBe(403);
    const otherId = await share(fx.member);
    expect((await fetch(link.replace(rowIdOf(id), rowIdOf(otherId)), { redirect: "manual" })).status).toBe(403);
    const expiredDownload = await store.signDownload(await keyOf(id), { filename: "x.pdf", contentType: "application/pdf", expiresInSeconds: -1 });
    expect((await fetch(local(expiredDownload.url))).status).toBe(403);
  });
});

async function keyOf(id: string): Promise<string> {
  const [row] = await api.database.db
    .select({ key: laboDocuments.storageKey })
    .from(laboDocuments)
    .where(eq(laboDocuments.id, rowOf(id)));
  return row!.key;
}

describe("who may", () => {
  it("refuses outsiders (FORBIDDEN) and anonymous callers (UNAUTHENTICATED) on every mutation and field", async () => {
    const id = await share(fx.member);
    const input = { themeId: fx.themeId, title: "T", filename: "t.pdf", contentType: "application/pdf", sizeBytes: 10 };
    const outsiders: (Actor | "ANONYMOUS")[] = [fx.outsider, fx.otherThemeExpert, { role: "PARTNER", sub: "doc-partner", org: fx.expert.org! }, "ANONYMOUS"];
    for (const as of outsiders) {
      const code = as === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN";
      const options = as === "ANONYMOUS" ? {} : { as };
      expect(errorOf(await api.exec(REQUEST, { input }, options)), `request as ${JSON.stringify(as)}`).toMatchObject({ code });
      expect(errorOf(await api.exec(CONFIRM, { id }, options)), `confirm as ${JSON.stringify(as)}`).toMatchObject({ code });
      expect(errorOf(await api.exec(REMOVE, { id }, options)), `remove as ${JSON.stringify(as)}`).toMatchObject({ code });
      // node(id) hides a document from outsiders, as one that does not exist.
      const node = await api.exec(DOCUMENT, { id }, options);
      expect(node.errors, `document as ${JSON.stringify(as)}`).toBeUndefined();
      expect(node.data?.node, `document as ${JSON.stringify(as)}`).toBeNull();
      expect(errorOf(await api.exec(LIST, { themeId: fx.themeId }, options)), `list as ${JSON.stringify(as)}`).toMatchObject({ code });
    }
    // A member of another theme cannot share into this one either.
    expect(await api.database.db.select().from(laboDocuments)).toHaveLength(1);
  });

  it("signs no download link for a former member once their board's project is gone, and refuses the link they already had", async () => {
    const id = await share(fx.member);
    const before = await api.ok(DOCUMENT, { id }, { as: fx.colleague });
    const link = local((before.node as { downloadUrl: string }).downloadUrl);
    expect((await fetch(link, { redirect: "manual" })).status).toBe(302);
    const db = api.database.db;
    const [project] = await db.delete(laboProjects).where(eq(laboProjects.id, fx.projectRowId)).returning();
    await db.delete(laboApplications).where(eq(laboApplications.id, project!.applicationId));
    // The link they were given minutes ago no longer works: membership is asked at its use.
    expect((await fetch(link, { redirect: "manual" })).status).toBe(403);
    // The document is gone for them (node(id) is null), so no new download link is signed for them.
    expect((await api.ok(DOCUMENT, { id }, { as: fx.colleague })).node).toBeNull();
    expect((await api.ok(DOCUMENT, { id }, { as: fx.member })).node).toBeNull();
    expect(errorOf(await api.exec(REMOVE, { id }, { as: fx.member }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets only the uploader or a moderator confirm and remove; removing deletes the file and unlists it", async () => {
    const { document, upload } = await request(fx.member, PDF);
    await put(upload, PDF);
    expect(errorOf(await api.exec(CONFIRM, { id: document.id }, { as: fx.colleague }))).toMatchObject({ code: "FORBIDDEN" });
    await api.ok(CONFIRM, { id: document.id }, { as: fx.member });
    expect(errorOf(await api.exec(REMOVE, { id: document.id }, { as: fx.expert }))).toMatchObject({ code: "FORBIDDEN" });
    const key = await keyOf(document.id);
    await api.ok(REMOVE, { id: document.id }, { as: fx.member });
    expect(await api.services.storage.head(key)).toBeNull();
    expect((await api.ok(LIST, { themeId: fx.themeId }, { as: fx.member })).node).toMatchObject({ space: { documents: { totalCount: 0, edges: [] } } });
    expect(errorOf(await api.exec(REMOVE, { id: document.id }, { as: fx.member }))).toMatchObject({ code: "NOT_FOUND" });
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.name, "labo.space.changed")));
    expect(events.map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "REMOVED"]);

    const other = await share(fx.expert);
    await api.ok(REMOVE, { id: other }, { as: { role: "CONSULTANT", sub: "doc-consultant" } });
  });
});

/** A zip of stored (uncompressed) entries, as Office and OpenDocument files are containers of. */
function zip(entries: [name: string, content: string][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(header, Buffer.from(name), data);
  }
  return Buffer.concat(parts);
}

const DOCX = zip([
  [
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  ["word/document.xml", "<w:document/>"],
]);
const ODT = zip([
  ["mimetype", "application/vnd.oasis.opendocument.text"],
  ["content.xml", "<office:document-content/>"],
]);
/** A compound file (legacy doc, xls, ppt): its magic number and a padded header sector. */
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("Office documents, by their containers", () => {
  it("accepts a docx, an odt and a legacy doc declared as such, with the type their bytes show", async () => {
    for (const [bytes, declared, expected] of [
      [DOCX, DOCX_TYPE, DOCX_TYPE],
      [ODT, "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text"],
      [CFB, "application/msword", "application/msword"],
    ] as const) {
      const id = await share(fx.member, bytes, { filename: "verslag", contentType: declared });
      const [row] = await api.database.db
        .select()
        .from(laboDocuments)
        .where(eq(laboDocuments.id, rowOf(id)));
      expect(row?.contentType, declared).toBe(expected);
    }
  });

  it("refuses a plain zip declared as a docx and a compound file declared as a PDF", async () => {
    for (const [bytes, declared] of [
      [zip([["notes.txt", "hallo"]]), DOCX_TYPE],
      [CFB, "application/pdf"],
      [DOCX, "image/png"],
    ] as const) {
      const { document, upload } = await request(fx.member, bytes, { contentType: declared });
      await put(upload, bytes);
      expect(errorOf(await api.exec(CONFIRM, { id: document.id }, { as: fx.member })), declared).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    }
    expect(await api.database.db.select().from(laboDocuments)).toEqual([]);
  });
});
