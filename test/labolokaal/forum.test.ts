// The forum of a theme's space: members and moderators start threads and reply; a post is stored as
// written and as sanitised HTML with its author's board or organisation (ids only); empty posts and
// posts into another theme's space are refused with nothing written; a reply moves its thread up;
// only its author edits a post; its author or a moderator removes it (its text is then no longer
// shown, and a removed thread takes no replies); threads and replies page as connections; audit
// rows and events carry ids, never the text.
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { laboReplies, laboThreads } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { globalId, rowId } from "../helpers/funding.js";
import { createLaboTheme, LABO_ADMIN, LABO_CONSULTANT, type LaboProject, laboExpert, laboMember, startLaboProject } from "../helpers/labolokaal.js";

let api: TestApi;
let A: LaboProject;
let B: LaboProject;
let memberA: Actor;
let memberA2: Actor;
let expertA: Actor;
let memberB: Actor;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  const db = api.database.db;
  const someBoards = await db.select({ id: boards.id }).from(boards).orderBy(boards.name).limit(3);
  const someOrgs = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id).limit(3);
  const [b1, b2] = someBoards.map((b) => globalId("Board", b.id));
  const [o1, o2] = someOrgs.map((o) => globalId("Organisation", o.id));
  A = await startLaboProject(api, { theme: await createLaboTheme(api, "Forumthema A"), board: b1!, expert: o1! });
  B = await startLaboProject(api, { theme: await createLaboTheme(api, "Forumthema B"), board: b2!, expert: o2! });
  memberA = laboMember(A.boardId, "forum-m1");
  memberA2 = laboMember(A.boardId, "forum-m2");
  expertA = laboExpert(A.expertId, "forum-e1");
  memberB = laboMember(B.boardId, "forum-mb");
});
afterAll(async () => {
  await api.close();
});

const START = graphql(`
  mutation LaboForumStart($input: StartThreadInput!) {
    startThread(input: $input) {
      thread { id title body bodyHtml removed editedAt createdAt lastActivityAt viewerCanEdit viewerCanRemove theme { id } replies { totalCount } }
    }
  }
`);
const REPLY = graphql(`
  mutation LaboForumReply($input: ReplyInput!) {
    replyToThread(input: $input) { reply { id body bodyHtml removed viewerCanEdit viewerCanRemove thread { id lastActivityAt } } }
  }
`);
const EDIT_THREAD = graphql(`
  mutation LaboForumEditThread($input: EditThreadInput!) {
    editThread(input: $input) { thread { id title body bodyHtml editedAt } }
  }
`);
const EDIT_REPLY = graphql(`
  mutation LaboForumEditReply($input: EditReplyInput!) {
    editReply(input: $input) { reply { id body bodyHtml editedAt } }
  }
`);
const REMOVE_THREAD = graphql(`
  mutation LaboForumRemoveThread($id: ID!) {
    removeThread(id: $id) { thread { id title body bodyHtml removed viewerCanEdit viewerCanRemove } }
  }
`);
const REMOVE_REPLY = graphql(`
  mutation LaboForumRemoveReply($id: ID!) {
    removeReply(id: $id) { reply { id body bodyHtml removed } }
  }
`);
const THREADS = graphql(`
  query LaboForumThreads($theme: ID!, $first: Int, $after: String) {
    node(id: $theme) {
      __typename
      ... on Theme {
        space {
          threads(first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage endCursor }
            edges { node { id title } }
          }
        }
      }
    }
  }
`);
const THREAD = graphql(`
  query LaboForumThread($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      ... on ForumThread {
        id title body bodyHtml removed viewerCanEdit viewerCanRemove
        replies(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id body removed viewerCanEdit viewerCanRemove } }
        }
      }
    }
  }
`);
const REPLY_NODE = graphql(`
  query LaboForumReplyNode($id: ID!) {
    node(id: $id) { __typename ... on ForumReply { id body thread { id } } }
  }
`);

async function start(as: Actor, body = "Hoe pakken jullie **employer branding** aan?", title = "Onze aanpak", theme = A.themeId) {
  return (await api.ok(START, { input: { themeId: theme, title, body } }, { as })).startThread.thread;
}
async function reply(as: Actor, threadId: string, body = "Wij starten met een *video*.") {
  return (await api.ok(REPLY, { input: { threadId, body } }, { as })).replyToThread.reply;
}
async function writes() {
  const db = api.database.db;
  const [threads] = await db.select({ n: count() }).from(laboThreads);
  const [replies] = await db.select({ n: count() }).from(laboReplies);
  const [audits] = await db.select({ n: count() }).from(auditLog);
  const [events] = await db.select({ n: count() }).from(domainEvents);
  return { threads: threads!.n, replies: replies!.n, audits: audits!.n, events: events!.n };
}

describe("starting a thread", () => {
  it("stores the body as written and as sanitised HTML, with the author's subject and board, and tells the space by id", async () => {
    const thread = await start(memberA, "Hoe pakken jullie **employer branding** aan?\n\n<script>alert(1)</script>");
    expect(thread).toMatchObject({
      title: "Onze aanpak",
      removed: false,
      editedAt: null,
      viewerCanEdit: true,
      viewerCanRemove: true,
      theme: { id: A.themeId },
      replies: { totalCount: 0 },
    });
    expect(thread.body).toBe("Hoe pakken jullie **employer branding** aan?\n\n<script>alert(1)</script>");
    expect(thread.bodyHtml).toContain("<strong>employer branding</strong>");
    expect(thread.bodyHtml).not.toContain("<script");
    const [row] = await api.database.db
      .select()
      .from(laboThreads)
      .where(eq(laboThreads.id, rowId(thread.id)));
    expect(row).toMatchObject({ authorSubject: "forum-m1", authorBoardId: A.boardRowId, authorOrganisationId: null });

    const [event] = await api.database.db.select().from(domainEvents).orderBy(desc(domainEvents.position)).limit(1);
    expect(event).toMatchObject({
      name: "labo.space.changed",
      entityId: rowId(A.themeId),
      payload: { themeId: rowId(A.themeId), part: "THREAD", partId: rowId(thread.id), operation: "CREATED" },
    });
    const [audit] = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(thread.id)), eq(auditLog.operation, "startThread")));
    expect(JSON.stringify(audit!.after)).not.toContain("employer branding");
    expect(JSON.stringify(audit!.after)).not.toContain("Onze aanpak");
  });

  it("records an expert's organisation as the author's", async () => {
    const thread = await start(expertA);
    const [row] = await api.database.db
      .select()
      .from(laboThreads)
      .where(eq(laboThreads.id, rowId(thread.id)));
    expect(row).toMatchObject({ authorSubject: "forum-e1", authorBoardId: null, authorOrganisationId: A.expertRowId });
  });

  it("lets moderators post in any space", async () => {
    expect((await start(LABO_CONSULTANT)).viewerCanEdit).toBe(true);
    expect((await start(LABO_ADMIN, "Welkom", "Welkom", B.themeId)).title).toBe("Welkom");
  });

  it.each([
    ["an empty body", { title: "Titel", body: "" }, "input.body"],
    ["a blank body", { title: "Titel", body: "  \n\t \u200B " }, "input.body"],
    ["a body over 20,000 characters", { title: "Titel", body: "x".repeat(20_001) }, "input.body"],
    ["an empty title", { title: " ", body: "Tekst" }, "input.title"],
    ["a title over 200 characters", { title: "t".repeat(201), body: "Tekst" }, "input.title"],
  ])("refuses %s with BAD_USER_INPUT naming the field, and writes nothing", async (_case, input, field) => {
    const before = await writes();
    const result = await api.exec(START, { input: { themeId: A.themeId, ...input } }, { as: memberA });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await writes()).toEqual(before);
  });

  it("accepts a body of exactly 20,000 characters after trimming", async () => {
    const thread = await start(memberA, `  ${"y".repeat(20_000)}  `);
    expect(thread.body).toHaveLength(20_000);
  });

  it("refuses a post into another theme's space with FORBIDDEN, and writes nothing", async () => {
    const before = await writes();
    expect(errorOf(await api.exec(START, { input: { themeId: A.themeId, title: "Binnendringen", body: "Hallo" } }, { as: memberB }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(START, { input: { themeId: A.themeId, title: "Binnendringen", body: "Hallo" } }, { as: laboExpert(B.expertId) }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(errorOf(await api.exec(START, { input: { themeId: A.themeId, title: "Anoniem", body: "Hallo" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await writes()).toEqual(before);
  });

  it("says NOT_FOUND for a theme that does not exist, BAD_USER_INPUT for an id that is no theme's", async () => {
    expect(
      errorOf(await api.exec(START, { input: { themeId: globalId("Theme", "00000000-0000-4000-8000-000000000000"), title: "T", body: "B" } }, { as: LABO_CONSULTANT })),
    ).toMatchObject({
      code: "NOT_FOUND",
      field: "input.themeId",
    });
    expect(errorOf(await api.exec(START, { input: { themeId: A.boardId, title: "T", body: "B" } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.themeId",
    });
  });
});

describe("replying", () => {
  it("adds a reply and moves the thread to the top of the space in the same change", async () => {
    const first = await start(memberA, "Eerste", "Eerste");
    const second = await start(memberA, "Tweede", "Tweede");
    let page = await api.ok(THREADS, { theme: A.themeId, first: 2 }, { as: memberA2 });
    expect(page.node?.__typename === "Theme" && page.node.space.threads.edges.map((e) => e.node.id)).toEqual([second.id, first.id]);

    const answer = await reply(expertA, first.id);
    expect(answer).toMatchObject({
      body: "Wij starten met een *video*.",
      bodyHtml: "<p>Wij starten met een <em>video</em>.</p>",
      removed: false,
      viewerCanEdit: true,
      thread: { id: first.id },
    });
    expect(new Date(answer.thread.lastActivityAt).getTime()).toBeGreaterThan(new Date(first.lastActivityAt).getTime());
    page = await api.ok(THREADS, { theme: A.themeId, first: 2 }, { as: memberA2 });
    expect(page.node?.__typename === "Theme" && page.node.space.threads.edges.map((e) => e.node.id)).toEqual([first.id, second.id]);
    const [event] = await api.database.db.select().from(domainEvents).orderBy(desc(domainEvents.position)).limit(1);
    expect(event!.payload).toEqual({ themeId: rowId(A.themeId), part: "REPLY", partId: rowId(answer.id), operation: "CREATED" });
  });

  it("refuses a reply from outside the theme's space (FORBIDDEN), an empty one (BAD_USER_INPUT), writing nothing", async () => {
    const thread = await start(memberA);
    const before = await writes();
    expect(errorOf(await api.exec(REPLY, { input: { threadId: thread.id, body: "Ik hoor hier niet" } }, { as: memberB }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(REPLY, { input: { threadId: thread.id, body: "Ik ook niet" } }, { as: { role: "PARTNER", sub: "p1", org: B.expertRowId } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(errorOf(await api.exec(REPLY, { input: { threadId: thread.id, body: "   " } }, { as: memberA2 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.body" });
    expect(await writes()).toEqual(before);
  });

  it("refuses a reply on a removed thread with CONFLICT", async () => {
    const thread = await start(memberA);
    await api.ok(REMOVE_THREAD, { id: thread.id }, { as: memberA });
    expect(errorOf(await api.exec(REPLY, { input: { threadId: thread.id, body: "Nog iets" } }, { as: memberA2 }))).toMatchObject({ code: "CONFLICT", field: "input.threadId" });
  });
});

describe("editing", () => {
  it("lets the author edit a thread and a reply: new HTML and editedAt", async () => {
    const thread = await start(memberA);
    const edited = (await api.ok(EDIT_THREAD, { input: { id: thread.id, title: "Nieuwe titel", body: "Nu met [een link](https://example.org)" } }, { as: memberA })).editThread
      .thread;
    expect(edited).toMatchObject({ title: "Nieuwe titel", body: "Nu met [een link](https://example.org)" });
    expect(edited.bodyHtml).toBe('<p>Nu met <a href="https://example.org" rel="nofollow noopener noreferrer ugc">een link</a></p>');
    expect(edited.editedAt).not.toBeNull();

    const answer = await reply(expertA, thread.id);
    const editedReply = (await api.ok(EDIT_REPLY, { input: { id: answer.id, body: "Aangepast" } }, { as: expertA })).editReply.reply;
    expect(editedReply).toMatchObject({ body: "Aangepast", bodyHtml: "<p>Aangepast</p>" });
    expect(editedReply.editedAt).not.toBeNull();
  });

  it("refuses an edit by anyone but the author, also by a moderator or a member of the same board", async () => {
    const thread = await start(memberA);
    const answer = await reply(memberA, thread.id);
    for (const other of [memberA2, expertA, LABO_CONSULTANT, memberB]) {
      expect(errorOf(await api.exec(EDIT_THREAD, { input: { id: thread.id, body: "Overgenomen" } }, { as: other })), JSON.stringify(other)).toMatchObject({ code: "FORBIDDEN" });
      expect(errorOf(await api.exec(EDIT_REPLY, { input: { id: answer.id, body: "Overgenomen" } }, { as: other })), JSON.stringify(other)).toMatchObject({ code: "FORBIDDEN" });
    }
    const read = await api.ok(THREAD, { id: thread.id }, { as: memberA });
    expect(read.node?.__typename === "ForumThread" && [read.node.body, read.node.replies.edges[0]?.node.body]).toEqual([thread.body, answer.body]);
  });

  it("refuses an edit by its author once they no longer belong to the space (same account, now of another theme's board)", async () => {
    const thread = await start(memberA);
    const moved: Actor = { role: "BOARD_MEMBER", sub: "forum-m1", board: B.boardRowId };
    expect(errorOf(await api.exec(EDIT_THREAD, { input: { id: thread.id, body: "Nog van mij?" } }, { as: moved }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(REMOVE_THREAD, { id: thread.id }, { as: moved }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an empty edit, an edit to nothing and an edit of a removed post", async () => {
    const thread = await start(memberA);
    expect(errorOf(await api.exec(EDIT_THREAD, { input: { id: thread.id, body: "" } }, { as: memberA }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.body" });
    expect(errorOf(await api.exec(EDIT_THREAD, { input: { id: thread.id, title: null } }, { as: memberA }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await api.exec(EDIT_THREAD, { input: { id: thread.id } }, { as: memberA }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input" });
    const answer = await reply(memberA, thread.id);
    await api.ok(REMOVE_REPLY, { id: answer.id }, { as: memberA });
    expect(errorOf(await api.exec(EDIT_REPLY, { input: { id: answer.id, body: "Terug" } }, { as: memberA }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("removing", () => {
  it("lets a moderator remove any post: removed, its text no longer shown, its removal recorded", async () => {
    const thread = await start(memberA);
    const answer = await reply(memberA2, thread.id);
    const removed = (await api.ok(REMOVE_THREAD, { id: thread.id }, { as: LABO_CONSULTANT })).removeThread.thread;
    expect(removed).toMatchObject({ id: thread.id, title: thread.title, body: null, bodyHtml: null, removed: true, viewerCanEdit: false, viewerCanRemove: false });
    const [row] = await api.database.db
      .select()
      .from(laboThreads)
      .where(eq(laboThreads.id, rowId(thread.id)));
    expect(row!.removedBy).toBe("labo-consultant");
    expect(row!.removedAt).not.toBeNull();
    expect(row!.body).toBe(thread.body);

    const removedReply = (await api.ok(REMOVE_REPLY, { id: answer.id }, { as: LABO_ADMIN })).removeReply.reply;
    expect(removedReply).toMatchObject({ body: null, bodyHtml: null, removed: true });
    const read = await api.ok(THREAD, { id: thread.id }, { as: memberA2 });
    expect(read.node).toMatchObject({ removed: true, body: null, replies: { totalCount: 1, edges: [{ node: { id: answer.id, removed: true, body: null } }] } });
    expect(errorOf(await api.exec(REMOVE_THREAD, { id: thread.id }, { as: LABO_ADMIN }))).toMatchObject({ code: "CONFLICT" });
  });

  it("lets an author remove their own post, and nobody else in the space", async () => {
    const thread = await start(memberA);
    const answer = await reply(expertA, thread.id);
    for (const other of [memberA2, memberB]) {
      expect(errorOf(await api.exec(REMOVE_REPLY, { id: answer.id }, { as: other }))).toMatchObject({ code: "FORBIDDEN" });
      expect(errorOf(await api.exec(REMOVE_THREAD, { id: thread.id }, { as: other }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await api.ok(REMOVE_REPLY, { id: answer.id }, { as: expertA })).removeReply.reply.removed).toBe(true);
    expect((await api.ok(REMOVE_THREAD, { id: thread.id }, { as: memberA })).removeThread.thread.removed).toBe(true);
  });
});

describe("reading", () => {
  it("says per viewer whether they may edit or remove a post", async () => {
    const thread = await start(memberA);
    await reply(memberA, thread.id);
    const view = async (as: Actor) => {
      const read = await api.ok(THREAD, { id: thread.id }, { as });
      if (read.node?.__typename !== "ForumThread") throw new Error("no thread");
      const r = read.node.replies.edges[0]!.node;
      return [read.node.viewerCanEdit, read.node.viewerCanRemove, r.viewerCanEdit, r.viewerCanRemove];
    };
    expect(await view(memberA)).toEqual([true, true, true, true]);
    expect(await view(memberA2)).toEqual([false, false, false, false]);
    expect(await view(expertA)).toEqual([false, false, false, false]);
    expect(await view(LABO_CONSULTANT)).toEqual([false, true, false, true]);
    // Moderators remove; only the author edits (labo.editPost), admins included.
    expect(await view(LABO_ADMIN)).toEqual([false, true, false, true]);
  });

  it("hides a thread and a reply from those outside the theme's space", async () => {
    const thread = await start(memberA);
    const answer = await reply(memberA, thread.id);
    for (const outsider of [memberB, laboExpert(B.expertId), { role: "PARTNER", sub: "p1", org: B.expertRowId } as Actor]) {
      expect((await api.ok(THREAD, { id: thread.id }, { as: outsider })).node).toBeNull();
      expect((await api.ok(REPLY_NODE, { id: answer.id }, { as: outsider })).node).toBeNull();
    }
    expect((await api.ok(THREAD, { id: thread.id })).node).toBeNull();
    expect((await api.ok(REPLY_NODE, { id: answer.id }, { as: memberA2 })).node).toMatchObject({ id: answer.id, thread: { id: thread.id } });
  });

  it("pages threads most recently active first and replies oldest first", async () => {
    const db = api.database.db;
    const someBoards = await db.select({ id: boards.id }).from(boards).orderBy(desc(boards.name)).limit(1);
    const someOrgs = await db.select({ id: organisations.id }).from(organisations).orderBy(desc(organisations.id)).limit(1);
    const C = await startLaboProject(api, {
      theme: await createLaboTheme(api, "Forumthema C"),
      board: globalId("Board", someBoards[0]!.id),
      expert: globalId("Organisation", someOrgs[0]!.id),
    });
    const member = laboMember(C.boardId, "forum-mc");
    const made: string[] = [];
    for (let i = 1; i <= 5; i++) made.push((await start(member, `Bericht ${i}`, `Draad ${i}`, C.themeId)).id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    const threadsPage = async (cursor: string | null) => {
      const page = await api.ok(THREADS, { theme: C.themeId, first: 2, after: cursor }, { as: member });
      if (page.node?.__typename !== "Theme") throw new Error("no theme");
      return page.node.space.threads;
    };
    for (;;) {
      const threads = await threadsPage(after);
      expect(threads.totalCount).toBe(5);
      expect(threads.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...threads.edges.map((e) => e.node.id));
      pages++;
      if (!threads.pageInfo.hasNextPage) break;
      after = threads.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());

    const replies: string[] = [];
    for (let i = 1; i <= 3; i++) replies.push((await reply(member, made[0]!, `Antwoord ${i}`)).id);
    const first = await api.ok(THREAD, { id: made[0]!, first: 2 }, { as: member });
    if (first.node?.__typename !== "ForumThread") throw new Error("no thread");
    expect(first.node.replies.totalCount).toBe(3);
    expect(first.node.replies.edges.map((e) => e.node.id)).toEqual(replies.slice(0, 2));
    const second = await api.ok(THREAD, { id: made[0]!, first: 2, after: first.node.replies.pageInfo.endCursor }, { as: member });
    if (second.node?.__typename !== "ForumThread") throw new Error("no thread");
    expect(second.node.replies.edges.map((e) => e.node.id)).toEqual(replies.slice(2));
    expect(second.node.replies.pageInfo.hasNextPage).toBe(false);

    // The replied thread moved up.
    const top = await api.ok(THREADS, { theme: C.themeId, first: 1 }, { as: member });
    expect(top.node?.__typename === "Theme" && top.node.space.threads.edges[0]?.node.id).toBe(made[0]);
    expect(errorOf(await api.exec(THREADS, { theme: C.themeId, first: 101 }, { as: member }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(THREADS, { theme: C.themeId, after: "bm90LWEtY3Vyc29y" }, { as: member }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
