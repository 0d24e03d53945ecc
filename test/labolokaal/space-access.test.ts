// Who gets into a theme's space, as the policies say: for every field and mutation of the platform,
// each role gets allowed, FORBIDDEN or UNAUTHENTICATED (and the nodes of the space, which hide
// themselves, null). The roles: an admin, a consultant, a member of a participating board, a member
// of another theme's board, the theme's expert, an expert of another organisation, a partner and an
// anonymous caller. Each operation's whole matrix is compared at once, so a change in any cell shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boards } from "../../db/schema/boards.js";
import { laboDocuments } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecResult, type TestApi } from "../helpers/api.js";
import { globalId, rowId } from "../helpers/funding.js";
import { createLaboTheme, LABO_ADMIN, LABO_CONSULTANT, type LaboProject, laboExpert, laboMember, startLaboProject } from "../helpers/labolokaal.js";

type Outcome = "allowed" | "hidden" | "FORBIDDEN" | "UNAUTHENTICATED" | string;
type RoleName = "ADMIN" | "CONSULTANT" | "MEMBER" | "OTHER_MEMBER" | "EXPERT" | "OTHER_EXPERT" | "PARTNER" | "ANONYMOUS";
const ROLE_NAMES: RoleName[] = ["ADMIN", "CONSULTANT", "MEMBER", "OTHER_MEMBER", "EXPERT", "OTHER_EXPERT", "PARTNER", "ANONYMOUS"];

let api: TestApi;
let A: LaboProject;
let B: LaboProject;
let roles: Record<RoleName, Actor | undefined>;
let threadId: string;
let replyId: string;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  const db = api.database.db;
  const someBoards = await db.select({ id: boards.id }).from(boards).orderBy(boards.name).limit(2);
  const someOrgs = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id).limit(3);
  const [b1, b2] = someBoards.map((b) => globalId("Board", b.id));
  const [o1, o2, o3] = someOrgs.map((o) => globalId("Organisation", o.id));
  A = await startLaboProject(api, { theme: await createLaboTheme(api, "Toegangsthema A"), board: b1!, expert: o1! });
  B = await startLaboProject(api, { theme: await createLaboTheme(api, "Toegangsthema B"), board: b2!, expert: o2! });
  roles = {
    ADMIN: LABO_ADMIN,
    CONSULTANT: LABO_CONSULTANT,
    MEMBER: laboMember(A.boardId, "acc-member"),
    OTHER_MEMBER: laboMember(B.boardId, "acc-other-member"),
    EXPERT: laboExpert(A.expertId, "acc-expert"),
    // An expert organisation with no project in theme A (nor anywhere).
    OTHER_EXPERT: laboExpert(o3!, "acc-other-expert"),
    PARTNER: { role: "PARTNER", sub: "acc-partner", org: rowId(o2!) },
    ANONYMOUS: undefined,
  };
  const thread = await api.ok(START, { input: { themeId: A.themeId, title: "Draad", body: "Tekst" } }, { as: roles.MEMBER });
  threadId = thread.startThread.thread.id;
  replyId = (await api.ok(REPLY, { input: { threadId, body: "Antwoord" } }, { as: roles.MEMBER })).replyToThread.reply.id;
});
afterAll(async () => {
  await api.close();
});

const SPACE = graphql(`
  query LaboAccessSpace($id: ID!) {
    node(id: $id) {
      __typename
      ... on Theme {
        viewerIsMember
        space {
          theme { id }
          documents { totalCount edges { node { id } } }
          threads { totalCount edges { node { id title body bodyHtml author { displayName } replies { totalCount } viewerCanEdit viewerCanRemove } } }
          boards { id }
          experts { id }
        }
      }
    }
  }
`);
const THREAD = graphql(`
  query LaboAccessThread($id: ID!) {
    node(id: $id) {
      __typename
      ... on ForumThread { id theme { id } title body bodyHtml author { displayName } createdAt editedAt removed lastActivityAt replies { totalCount edges { node { id } } } viewerCanEdit viewerCanRemove }
    }
  }
`);
const REPLY_NODE = graphql(`
  query LaboAccessReply($id: ID!) {
    node(id: $id) {
      __typename
      ... on ForumReply { id thread { id } body bodyHtml author { displayName } createdAt editedAt removed viewerCanEdit viewerCanRemove }
    }
  }
`);
const START = graphql(`
  mutation LaboAccessStart($input: StartThreadInput!) {
    startThread(input: $input) { thread { id } }
  }
`);
const REPLY = graphql(`
  mutation LaboAccessReplyTo($input: ReplyInput!) {
    replyToThread(input: $input) { reply { id } }
  }
`);
const EDIT_THREAD = graphql(`
  mutation LaboAccessEditThread($input: EditThreadInput!) {
    editThread(input: $input) { thread { id } }
  }
`);
const EDIT_REPLY = graphql(`
  mutation LaboAccessEditReply($input: EditReplyInput!) {
    editReply(input: $input) { reply { id } }
  }
`);
const REMOVE_THREAD = graphql(`
  mutation LaboAccessRemoveThread($id: ID!) {
    removeThread(id: $id) { thread { id removed } }
  }
`);
const REMOVE_REPLY = graphql(`
  mutation LaboAccessRemoveReply($id: ID!) {
    removeReply(id: $id) { reply { id removed } }
  }
`);
const ASK = graphql(`
  mutation LaboAccessAsk($input: AskQuestionInput!) {
    askQuestion(input: $input) { question { id } }
  }
`);
const QUESTIONS = graphql(`
  query LaboAccessQuestions {
    contactQuestions { totalCount }
  }
`);
const ANSWER = graphql(`
  mutation LaboAccessAnswer($input: AnswerQuestionInput!) {
    answerQuestion(input: $input) { question { id } }
  }
`);
const REQUEST_UPLOAD = graphql(`
  mutation LaboAccessRequestUpload($input: RequestDocumentUploadInput!) {
    requestDocumentUpload(input: $input) { document { id } }
  }
`);
const UPDATE_PROFILE = graphql(`
  mutation LaboAccessUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { profile { displayName } }
  }
`);
const DOCUMENT = graphql(`
  query LaboAccessDocument($id: ID!) {
    node(id: $id) {
      __typename
      ... on Document { id theme { id } title filename contentType sizeBytes status author { displayName } uploadedAt downloadUrl viewerCanRemove }
    }
  }
`);
const REMOVE_DOCUMENT = graphql(`
  mutation LaboAccessRemoveDocument($id: ID!) {
    removeDocument(id: $id) { document { id } }
  }
`);
const REQUEST_PHOTO = graphql(`
  mutation LaboAccessRequestPhoto($input: RequestProfilePhotoUploadInput!) {
    requestProfilePhotoUpload(input: $input) { profile { displayName } }
  }
`);
const MY_PROFILE = graphql(`
  query LaboAccessMyProfile {
    myProfile { displayName }
  }
`);

function outcome(result: ExecResult<unknown>): Outcome {
  const code = result.errors?.[0]?.extensions?.code;
  if (code) return String(code);
  const node = (result.data as { node?: unknown } | null | undefined)?.node;
  return node === null ? "hidden" : "allowed";
}

/** Runs the operation as each role (setup per role first, when it changes state) and returns the matrix. */
async function matrix(run: (as: Actor | undefined, role: RoleName) => Promise<ExecResult<unknown>>): Promise<Record<RoleName, Outcome>> {
  const result = {} as Record<RoleName, Outcome>;
  for (const role of ROLE_NAMES) result[role] = outcome(await run(roles[role], role));
  return result;
}

const as = (actor: Actor | undefined) => (actor ? { as: actor } : {});

/** Members and moderators: the space's rule (labo.enterSpace, labo.post). */
const SPACE_RULE = {
  ADMIN: "allowed",
  CONSULTANT: "allowed",
  MEMBER: "allowed",
  OTHER_MEMBER: "FORBIDDEN",
  EXPERT: "allowed",
  OTHER_EXPERT: "FORBIDDEN",
  PARTNER: "FORBIDDEN",
  ANONYMOUS: "UNAUTHENTICATED",
};
/** A node of the space hides itself from everyone outside. */
const NODE_RULE = { ...SPACE_RULE, OTHER_MEMBER: "hidden", OTHER_EXPERT: "hidden", PARTNER: "hidden", ANONYMOUS: "hidden" };

describe("the space and its contents", () => {
  it("Theme.space with its documents, threads (and their fields), boards and experts", async () => {
    expect(await matrix((actor) => api.exec(SPACE, { id: A.themeId }, as(actor)))).toEqual(SPACE_RULE);
  });

  it("a ForumThread with every field", async () => {
    expect(await matrix((actor) => api.exec(THREAD, { id: threadId }, as(actor)))).toEqual(NODE_RULE);
  });

  it("a ForumReply with every field", async () => {
    expect(await matrix((actor) => api.exec(REPLY_NODE, { id: replyId }, as(actor)))).toEqual(NODE_RULE);
  });
});

describe("the forum's mutations", () => {
  it("startThread", async () => {
    expect(await matrix((actor) => api.exec(START, { input: { themeId: A.themeId, title: "Nieuw", body: "Tekst" } }, as(actor)))).toEqual(SPACE_RULE);
  });

  it("replyToThread", async () => {
    expect(await matrix((actor) => api.exec(REPLY, { input: { threadId, body: "Nog een antwoord" } }, as(actor)))).toEqual(SPACE_RULE);
  });

  // The author is MEMBER; labo.editPost also grants admins.
  // Only the author (MEMBER) edits: moderators remove, they do not rewrite.
  const EDIT_RULE = { ...SPACE_RULE, ADMIN: "FORBIDDEN", CONSULTANT: "FORBIDDEN", EXPERT: "FORBIDDEN" };

  it("editThread (the author's own)", async () => {
    expect(await matrix((actor) => api.exec(EDIT_THREAD, { input: { id: threadId, body: "Aangepast" } }, as(actor)))).toEqual(EDIT_RULE);
  });

  it("editReply (the author's own)", async () => {
    expect(await matrix((actor) => api.exec(EDIT_REPLY, { input: { id: replyId, body: "Aangepast" } }, as(actor)))).toEqual(EDIT_RULE);
  });

  // The author (MEMBER) and moderators remove; each role gets a fresh post.
  const REMOVE_RULE = { ...SPACE_RULE, EXPERT: "FORBIDDEN" };

  it("removeThread", async () => {
    expect(
      await matrix(async (actor) => {
        const { startThread } = await api.ok(START, { input: { themeId: A.themeId, title: "Weg", body: "Tekst" } }, { as: roles.MEMBER });
        return api.exec(REMOVE_THREAD, { id: startThread.thread.id }, as(actor));
      }),
    ).toEqual(REMOVE_RULE);
  });

  it("removeReply", async () => {
    expect(
      await matrix(async (actor) => {
        const { replyToThread } = await api.ok(REPLY, { input: { threadId, body: "Weg" } }, { as: roles.MEMBER });
        return api.exec(REMOVE_REPLY, { id: replyToThread.reply.id }, as(actor));
      }),
    ).toEqual(REMOVE_RULE);
  });
});

describe("the contact form", () => {
  const SIGNED_IN_PARTICIPANTS = { ...SPACE_RULE, OTHER_MEMBER: "allowed", OTHER_EXPERT: "allowed" };

  it("askQuestion: any participant or expert and moderators", async () => {
    expect(await matrix((actor) => api.exec(ASK, { input: { subject: "Vraag", body: "Tekst" } }, as(actor)))).toEqual(SIGNED_IN_PARTICIPANTS);
  });

  it("contactQuestions: the same, each seeing their own", async () => {
    expect(await matrix((actor) => api.exec(QUESTIONS, {}, as(actor)))).toEqual(SIGNED_IN_PARTICIPANTS);
  });

  it("answerQuestion: consultants and admins", async () => {
    expect(
      await matrix(async (actor) => {
        const { askQuestion } = await api.ok(ASK, { input: { subject: "Vraag", body: "Tekst" } }, { as: roles.MEMBER });
        return api.exec(ANSWER, { input: { id: askQuestion.question.id, answer: "Antwoord" } }, as(actor));
      }),
    ).toEqual({ ...SPACE_RULE, MEMBER: "FORBIDDEN", EXPERT: "FORBIDDEN" });
  });
});

/** An AVAILABLE document in theme A shared by MEMBER, inserted directly: its global id. */
async function availableDocument(): Promise<string> {
  const key = `access/${crypto.randomUUID()}`;
  const [doc] = await api.database.db
    .insert(laboDocuments)
    .values({
      themeId: rowId(A.themeId),
      title: "Verslag",
      filename: "verslag.pdf",
      declaredContentType: "application/pdf",
      contentType: "application/pdf",
      sizeBytes: 1000,
      storageKey: key,
      status: "AVAILABLE",
      uploadExpiresAt: new Date(),
      uploadedBy: "acc-member",
      uploaderBoardId: A.boardRowId,
      confirmedAt: new Date(),
    })
    .returning({ id: laboDocuments.id });
  return globalId("Document", doc!.id);
}

describe("documents and profiles", () => {
  it("a Document with every field", async () => {
    const id = await availableDocument();
    // Like the forum's nodes, node(id) hides a document from outsiders.
    expect(await matrix((actor) => api.exec(DOCUMENT, { id }, as(actor)))).toEqual(NODE_RULE);
  });

  it("removeDocument: its uploader (MEMBER) and moderators", async () => {
    expect(await matrix(async (actor) => api.exec(REMOVE_DOCUMENT, { id: await availableDocument() }, as(actor)))).toEqual({ ...SPACE_RULE, EXPERT: "FORBIDDEN" });
  });

  it("requestProfilePhotoUpload: participants, experts and moderators", async () => {
    expect(await matrix((actor) => api.exec(REQUEST_PHOTO, { input: { filename: "foto.png", contentType: "image/png", sizeBytes: 1000 } }, as(actor)))).toEqual({
      ...SPACE_RULE,
      OTHER_MEMBER: "allowed",
      OTHER_EXPERT: "allowed",
    });
  });

  it("requestDocumentUpload: the space's rule", async () => {
    expect(
      await matrix((actor, role) =>
        api.exec(REQUEST_UPLOAD, { input: { themeId: A.themeId, title: "Verslag", filename: `verslag-${role}.pdf`, contentType: "application/pdf", sizeBytes: 1000 } }, as(actor)),
      ),
    ).toEqual(SPACE_RULE);
  });

  it("updateProfile and myProfile: participants, experts and moderators", async () => {
    const rule = { ...SPACE_RULE, OTHER_MEMBER: "allowed", OTHER_EXPERT: "allowed" };
    expect(await matrix((actor) => api.exec(UPDATE_PROFILE, { input: { displayName: "Naam" } }, as(actor)))).toEqual(rule);
    expect(await matrix((actor) => api.exec(MY_PROFILE, {}, as(actor)))).toEqual(rule);
  });
});
