// The statement budget of a theme's space: the space with its documents (and their authors), a page
// of threads with their authors, what the viewer may do, and each thread's page of replies with
// their authors, plus the participating boards and experts, costs the same number of SQL statements
// for a space with one thread and one reply as for one with twelve threads of four replies each by
// authors across two boards and two experts (rows inserted directly for the larger size). Both
// sizes have the same shape (documents and threads by board members, replies by experts): the
// cost is per depth of the query, not per row, but a loader's cache makes an author already seen at
// a shallower depth free, so the shapes must match for the counts to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boards } from "../../db/schema/boards.js";
import { laboDocuments, laboProfiles, laboReplies, laboThreads } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { globalId, rowId } from "../helpers/funding.js";
import { createLaboTheme, LABO_CONSULTANT, type LaboProject, laboExpert, laboMember, openLaboCall, startLaboProject } from "../helpers/labolokaal.js";

let api: TestApi;
let small: LaboProject;
let large: LaboProject;
let largeSecond: LaboProject;

const SPACE = graphql(`
  query LaboBudgetSpace($id: ID!) {
    node(id: $id) {
      ... on Theme {
        viewerIsMember
        space {
          theme { id }
          documents(first: 20) { totalCount edges { node { id title status author { displayName board { name } organisation { name(locale: NL) } } viewerCanRemove } } }
          threads(first: 20) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges {
              node {
                id title body bodyHtml removed createdAt lastActivityAt viewerCanEdit viewerCanRemove
                theme { id }
                author { displayName board { name } organisation { name(locale: NL) } }
                replies(first: 50) {
                  totalCount
                  edges { node { id body bodyHtml removed viewerCanEdit viewerCanRemove thread { id } author { displayName board { name } organisation { name(locale: NL) } } } }
                }
              }
            }
          }
          boards { name }
          experts { name(locale: NL) }
        }
      }
    }
  }
`);

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  const db = api.database.db;
  const someBoards = await db.select({ id: boards.id }).from(boards).orderBy(boards.name).limit(3);
  const someOrgs = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id).limit(3);
  const [b1, b2, b3] = someBoards.map((b) => globalId("Board", b.id));
  const [o1, o2, o3] = someOrgs.map((o) => globalId("Organisation", o.id));

  // Small: one project, one thread with one reply, one document (the posts through the API).
  small = await startLaboProject(api, { theme: await createLaboTheme(api, "Budgetthema klein"), board: b1!, expert: o1! });
  const smallMember = laboMember(small.boardId, "budget-small");
  const thread = await api.ok(START, { input: { themeId: small.themeId, title: "Draad", body: "**Tekst**" } }, { as: smallMember });
  // An expert answers: the small space has a board's and an organisation's author too.
  await api.ok(REPLY, { input: { threadId: thread.startThread.thread.id, body: "Antwoord" } }, { as: laboExpert(small.expertId, "budget-se") });
  await insertDocuments(small, [{ subject: "budget-small-doc", boardId: small.boardRowId, organisationId: null }]);

  // Large: two projects (two boards, two experts), many authors, rows inserted directly.
  const largeTheme = await createLaboTheme(api, "Budgetthema groot");
  large = await startLaboProject(api, { theme: largeTheme, board: b2!, expert: o2! });
  largeSecond = await startLaboProject(api, { theme: largeTheme, board: b3!, expert: o3!, call: await openLaboCall(api, largeTheme) });
  // The same shape as the small space: documents and threads by board members (other accounts),
  // replies by experts, so each depth asks the same loaders (a loader's cache makes an author seen
  // at a shallower depth free, whatever the size).
  const threadAuthors = [
    { subject: "budget-l1", boardId: large.boardRowId, organisationId: null },
    { subject: "budget-l2", boardId: largeSecond.boardRowId, organisationId: null },
  ];
  const replyAuthors = [
    { subject: "budget-l3", boardId: null, organisationId: large.expertRowId },
    { subject: "budget-l4", boardId: null, organisationId: largeSecond.expertRowId },
  ];
  await db.insert(laboProfiles).values(["budget-l1", "budget-l3"].map((subject) => ({ subject, displayName: `Naam ${subject}` })));
  const threadRows = await db
    .insert(laboThreads)
    .values(
      Array.from({ length: 12 }, (_, i) => {
        const a = threadAuthors[i % threadAuthors.length]!;
        return {
          themeId: rowId(largeTheme),
          title: `Draad ${i}`,
          body: `Tekst ${i}`,
          bodyHtml: `<p>Tekst ${i}</p>`,
          authorSubject: a.subject,
          authorBoardId: a.boardId,
          authorOrganisationId: a.organisationId,
          lastActivityAt: new Date(Date.UTC(2026, 0, 1 + i)),
          removedAt: i === 3 ? new Date() : null,
          removedBy: i === 3 ? "labo-consultant" : null,
        };
      }),
    )
    .returning({ id: laboThreads.id });
  await db.insert(laboReplies).values(
    threadRows.flatMap((t, i) =>
      Array.from({ length: 4 }, (_, j) => {
        const a = replyAuthors[(i + j) % replyAuthors.length]!;
        return {
          threadId: t.id,
          body: `Antwoord ${j}`,
          bodyHtml: `<p>Antwoord ${j}</p>`,
          authorSubject: a.subject,
          authorBoardId: a.boardId,
          authorOrganisationId: a.organisationId,
        };
      }),
    ),
  );
  await insertDocuments(large, [
    ...["budget-ld1", "budget-ld2", "budget-ld3"].map((subject) => ({ subject, boardId: large.boardRowId, organisationId: null })),
    ...["budget-ld4", "budget-ld5"].map((subject) => ({ subject, boardId: largeSecond.boardRowId, organisationId: null })),
  ]);
});
afterAll(async () => {
  await api.close();
});

const START = graphql(`
  mutation LaboBudgetStart($input: StartThreadInput!) {
    startThread(input: $input) { thread { id } }
  }
`);
const REPLY = graphql(`
  mutation LaboBudgetReply($input: ReplyInput!) {
    replyToThread(input: $input) { reply { id } }
  }
`);

async function insertDocuments(project: LaboProject, authors: { subject: string; boardId: string | null; organisationId: string | null }[]) {
  await api.database.db.insert(laboDocuments).values(
    authors.map((a, i) => ({
      themeId: rowId(project.themeId),
      title: `Document ${i}`,
      filename: `document-${i}.pdf`,
      declaredContentType: "application/pdf",
      contentType: "application/pdf",
      sizeBytes: 1000 + i,
      storageKey: `budget/${project.themeId}/${i}`,
      status: "AVAILABLE" as const,
      uploadExpiresAt: new Date(),
      uploadedBy: a.subject,
      uploaderBoardId: a.boardId,
      uploaderOrganisationId: a.organisationId,
      confirmedAt: new Date(),
    })),
  );
}

async function cost(themeId: string, as: Actor) {
  const result = await api.exec(SPACE, { id: themeId }, { as });
  expect(result.errors).toBeUndefined();
  return result;
}

describe("a theme's space", () => {
  it.each([
    ["a member", () => [laboMember(small.boardId, "budget-viewer"), laboMember(large.boardId, "budget-viewer")] as const],
    ["an expert", () => [laboExpert(small.expertId, "budget-viewer"), laboExpert(large.expertId, "budget-viewer")] as const],
    ["a consultant", () => [LABO_CONSULTANT, LABO_CONSULTANT] as const],
  ])("costs the same number of statements for one thread as for twelve with replies, for %s", async (_who, actors) => {
    const [smallActor, largeActor] = actors();
    console.log("=====FEW");
    const few = await cost(small.themeId, smallActor);
    console.log("=====MANY");
    const many = await cost(large.themeId, largeActor);
    console.log("=====END");
    const space = (r: typeof few) => (r.data?.node && "space" in r.data.node ? r.data.node.space : null);
    expect(space(few)?.threads.edges).toHaveLength(1);
    expect(space(few)?.threads.edges[0]?.node.replies.edges).toHaveLength(1);
    expect(space(many)?.threads.totalCount).toBe(12);
    expect(space(many)?.threads.edges.every((e) => e.node.replies.totalCount === 4)).toBe(true);
    expect(space(many)?.boards).toHaveLength(2);
    expect(space(many)?.experts).toHaveLength(2);
    expect(space(many)?.documents.totalCount).toBe(5);
    expect(many.statements).toBe(few.statements);
  });
});
