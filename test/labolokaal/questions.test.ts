// The contact form: participants, experts and moderators ask (subject 1-200, body 1-5,000, an
// optional theme that must exist); the asker sees their own questions, consultants and admins all
// of them (unanswered only on request); consultants and admins answer, once; a question shows the
// asker's board or organisation, never their name; the audit log keeps no text.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { laboQuestions, laboThemes } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { globalId, MISSING_UUID, rowId } from "../helpers/funding.js";
import { LABO_ADMIN, LABO_CONSULTANT } from "../helpers/labolokaal.js";

let api: TestApi;
let boardId: string;
let orgId: string;
let themeId: string;
let member: Actor;
let member2: Actor;
let expert: Actor;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  const db = api.database.db;
  const [board] = await db.select({ id: boards.id }).from(boards).orderBy(boards.name).limit(1);
  const [org] = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id).limit(1);
  let [theme] = await db.select({ id: laboThemes.id }).from(laboThemes).limit(1);
  theme ??= (
    await db
      .insert(laboThemes)
      .values({ name: { nl: "Vragenthema" }, fundingSource: "VIA" })
      .returning({ id: laboThemes.id })
  )[0];
  boardId = board!.id;
  orgId = org!.id;
  themeId = globalId("Theme", theme!.id);
  member = { role: "BOARD_MEMBER", sub: "q-m1", board: boardId };
  member2 = { role: "BOARD_MEMBER", sub: "q-m2", board: boardId };
  expert = { role: "EXPERT", sub: "q-e1", org: orgId };
});

const ASK = graphql(`
  mutation LaboQuestionsAsk($input: AskQuestionInput!) {
    askQuestion(input: $input) { question { id subject body theme { id } board { id } organisation { id } askedAt answer answeredAt } }
  }
`);
const ANSWER = graphql(`
  mutation LaboQuestionsAnswer($input: AnswerQuestionInput!) {
    answerQuestion(input: $input) { question { id answer answeredAt } }
  }
`);
const LIST = graphql(`
  query LaboQuestionsList($first: Int, $after: String, $unansweredOnly: Boolean) {
    contactQuestions(first: $first, after: $after, unansweredOnly: $unansweredOnly) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id subject } }
    }
  }
`);
const ONE = graphql(`
  query LaboQuestionsOne($id: ID!) {
    node(id: $id) { __typename ... on ContactQuestion { id subject answer } }
  }
`);

async function ask(as: Actor, subject = "Hoe vraag ik aan?", body = "Waar vind ik het aanvraagformulier?", theme: string | null = null) {
  return (await api.ok(ASK, { input: { subject, body, themeId: theme } }, { as })).askQuestion.question;
}
async function questionCount() {
  return (await api.database.db.select({ n: count() }).from(laboQuestions))[0]!.n;
}

describe("asking", () => {
  it("stores a member's question with their board, an expert's with their organisation, never a name", async () => {
    const q = await ask(member, "Vraag over thema", "Mag dit?", themeId);
    expect(q).toMatchObject({
      subject: "Vraag over thema",
      body: "Mag dit?",
      theme: { id: themeId },
      board: { id: globalId("Board", boardId) },
      organisation: null,
      answer: null,
      answeredAt: null,
    });
    const e = await ask(expert);
    expect(e).toMatchObject({ theme: null, board: null, organisation: { id: globalId("Organisation", orgId) } });
    const [row] = await api.database.db
      .select()
      .from(laboQuestions)
      .where(eq(laboQuestions.id, rowId(q.id)));
    expect(row).toMatchObject({ askedBy: "q-m1", askerBoardId: boardId, askerOrganisationId: null });
    const [audit] = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(q.id)), eq(auditLog.operation, "askQuestion")));
    expect(JSON.stringify(audit!.after)).not.toContain("Mag dit");
    expect(JSON.stringify(audit!.after)).not.toContain("Vraag over thema");
  });

  it("lets moderators ask too, and refuses partners (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), writing nothing", async () => {
    await ask(LABO_CONSULTANT);
    await ask(LABO_ADMIN);
    const before = await questionCount();
    expect(errorOf(await api.exec(ASK, { input: { subject: "S", body: "B" } }, { as: { role: "PARTNER", sub: "q-p", org: orgId } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(ASK, { input: { subject: "S", body: "B" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await questionCount()).toBe(before);
  });

  it.each([
    ["an empty subject", { subject: " ", body: "B" }, "input.subject"],
    ["a subject over 200 characters", { subject: "s".repeat(201), body: "B" }, "input.subject"],
    ["an empty body", { subject: "S", body: "\n \n" }, "input.body"],
    ["a body over 5,000 characters", { subject: "S", body: "b".repeat(5001) }, "input.body"],
    ["a theme that does not exist", { subject: "S", body: "B", themeId: globalId("Theme", MISSING_UUID) }, "input.themeId"],
    ["an id that is no theme's", { subject: "S", body: "B", themeId: globalId("Board", MISSING_UUID) }, "input.themeId"],
  ])("refuses %s with BAD_USER_INPUT naming the field", async (_case, input, field) => {
    const before = await questionCount();
    expect(errorOf(await api.exec(ASK, { input }, { as: member }))).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await questionCount()).toBe(before);
  });
});

describe("reading", () => {
  it("shows consultants and admins every question, anyone else only their own", async () => {
    const mine = await ask(member, "Eerste");
    const theirs = await ask(member2, "Tweede");
    const experts = await ask(expert, "Derde");
    const ids = async (as: Actor) => (await api.ok(LIST, {}, { as })).contactQuestions.edges.map((e) => e.node.id);
    expect(await ids(LABO_CONSULTANT)).toEqual([experts.id, theirs.id, mine.id]);
    expect(await ids(LABO_ADMIN)).toEqual([experts.id, theirs.id, mine.id]);
    expect(await ids(member)).toEqual([mine.id]);
    expect(await ids(member2)).toEqual([theirs.id]);
    expect(await ids(expert)).toEqual([experts.id]);
    expect(errorOf(await api.exec(LIST, {}, { as: { role: "PARTNER", sub: "q-p", org: orgId } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(LIST, {}))).toMatchObject({ code: "UNAUTHENTICATED" });

    expect((await api.ok(ONE, { id: mine.id }, { as: member })).node).toMatchObject({ id: mine.id, subject: "Eerste" });
    expect((await api.ok(ONE, { id: mine.id }, { as: LABO_CONSULTANT })).node).toMatchObject({ id: mine.id });
    expect((await api.ok(ONE, { id: mine.id }, { as: member2 })).node).toBeNull();
    expect((await api.ok(ONE, { id: mine.id }, { as: expert })).node).toBeNull();
    expect((await api.ok(ONE, { id: mine.id })).node).toBeNull();
  });

  it("pages newest first, and lists only unanswered questions on request", async () => {
    const asked = [];
    for (let i = 1; i <= 5; i++) asked.push(await ask(member, `Vraag ${i}`));
    await api.ok(ANSWER, { input: { id: asked[1]!.id, answer: "Zo." } }, { as: LABO_CONSULTANT });
    const first = (await api.ok(LIST, { first: 3 }, { as: LABO_CONSULTANT })).contactQuestions;
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e) => e.node.subject)).toEqual(["Vraag 5", "Vraag 4", "Vraag 3"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.ok(LIST, { first: 3, after: first.pageInfo.endCursor }, { as: LABO_CONSULTANT })).contactQuestions;
    expect(second.edges.map((e) => e.node.subject)).toEqual(["Vraag 2", "Vraag 1"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const open = (await api.ok(LIST, { unansweredOnly: true }, { as: member })).contactQuestions;
    expect(open.totalCount).toBe(4);
    expect(open.edges.map((e) => e.node.subject)).not.toContain("Vraag 2");
  });
});

describe("answering", () => {
  it("lets a consultant answer once; the asker then reads the answer", async () => {
    const q = await ask(member);
    const answered = (await api.ok(ANSWER, { input: { id: q.id, answer: "Op de website." } }, { as: LABO_CONSULTANT })).answerQuestion.question;
    expect(answered.answer).toBe("Op de website.");
    expect(answered.answeredAt).not.toBeNull();
    expect((await api.ok(ONE, { id: q.id }, { as: member })).node).toMatchObject({ answer: "Op de website." });
    expect(errorOf(await api.exec(ANSWER, { input: { id: q.id, answer: "Nog eens" } }, { as: LABO_ADMIN }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    const [row] = await api.database.db
      .select()
      .from(laboQuestions)
      .where(eq(laboQuestions.id, rowId(q.id)));
    expect(row).toMatchObject({ answer: "Op de website.", answeredBy: "labo-consultant" });
    const [audit] = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(q.id)), eq(auditLog.operation, "answerQuestion")));
    expect(JSON.stringify(audit)).not.toContain("Op de website");
  });

  it("refuses answers from anyone but consultants and admins, empty answers, and unknown questions", async () => {
    const q = await ask(member);
    for (const other of [member, expert, { role: "PARTNER", sub: "q-p", org: orgId } as Actor]) {
      expect(errorOf(await api.exec(ANSWER, { input: { id: q.id, answer: "Ja" } }, { as: other }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(errorOf(await api.exec(ANSWER, { input: { id: q.id, answer: "Ja" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(ANSWER, { input: { id: q.id, answer: "  " } }, { as: LABO_CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.answer" });
    expect(errorOf(await api.exec(ANSWER, { input: { id: q.id, answer: "a".repeat(5001) } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.answer",
    });
    expect(errorOf(await api.exec(ANSWER, { input: { id: globalId("ContactQuestion", MISSING_UUID), answer: "Ja" } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
    });
    const [row] = await api.database.db
      .select()
      .from(laboQuestions)
      .where(eq(laboQuestions.id, rowId(q.id)));
    expect(row!.answer).toBeNull();
  });
});
