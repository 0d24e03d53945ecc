// Applications to LaboLokaal's calls and the decisions on them: only while a call is open (also
// not after its deadline), once per board per call, with a valid motivation and contact; a review's
// score; a decision that is final, and a selection that makes the project in the same transaction,
// with its own contribution from the call's terms (none for a VIA theme) charged once in the
// co-financing ledger, and nothing half-written when it fails. Applications are read by editors
// and the board's own members only.
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { coFinancingEntries, fundingAgreements } from "../../db/schema/funding.js";
import { laboApplications, laboProjects, projectCalls } from "../../db/schema/labolokaal.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";
import {
  applyForBoard,
  brusselsDay,
  createLaboTheme,
  extendAgreementPastToday,
  LABO_ADMIN,
  LABO_CONSULTANT,
  laboExpert,
  laboMember,
  laboThemeId,
  openLaboCall,
  startLaboProject,
} from "../helpers/labolokaal.js";

let api: TestApi;
let fx: FundingFixture;
let viaTheme: string;

beforeEach(async () => {
  api ??= await createTestApi();
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Workitects", "Mondea"], boards: ["Gent", "Brugge", "Lier"] });
  viaTheme = await laboThemeId(api, "Employer branding");
  return undefined;
});

afterAll(async () => api?.close());

const APPLY = graphql(`
  mutation LaboApply($input: ApplyToCallInput!) {
    applyToCall(input: $input) { application { id board { name } motivation contactName contactEmail contactPhone score decision submittedAt call { id status } project { id } } }
  }
`);

const DECIDE = graphql(`
  mutation LaboDecide($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      application { id decision reason score decidedAt }
      project { id board { name } expert { name(locale: NL) } support { cents currency } ownContribution { cents currency } ownContributionCharge { id amount { cents } kind } startedOn }
    }
  }
`);

const REVIEW = graphql(`
  mutation LaboReview($input: ReviewApplicationInput!) {
    reviewApplication(input: $input) { application { id score } }
  }
`);

const CALL_APPLICATIONS = graphql(`
  query LaboCallApplications($id: ID!) {
    node(id: $id) { ... on ProjectCall { id applications { id board { name } } viewerCanApply } }
  }
`);

const APPLICATION_NODE = graphql(`
  query LaboApplicationNode($id: ID!) {
    node(id: $id) { ... on CallApplication { id motivation } }
  }
`);

const ENTRIES = graphql(`
  query LaboLedgerEntries($id: ID!) {
    node(id: $id) { ... on CoFinancingEntry { id kind type amount { cents currency } board { name } action { number } } }
  }
`);

const applyInput = (callId: string, boardId: string, extra: Record<string, unknown> = {}) => ({
  callId,
  boardId,
  motivation: "Wij willen combinatiejobs uitwerken.",
  contactName: "An Peeters",
  contactEmail: "an@gent.example",
  contactPhone: "09 123 45 67",
  ...extra,
});

describe("applyToCall", () => {
  it("takes a board's application to an open call from its own member, and only once", async () => {
    const call = await openLaboCall(api, viaTheme);
    const first = await api.ok(APPLY, { input: applyInput(call, fx.boards.Gent!) }, { as: laboMember(fx.boards.Gent!) });
    expect(first.applyToCall.application).toMatchObject({
      board: { name: "Gent" },
      contactEmail: "an@gent.example",
      score: null,
      decision: null,
      call: { status: "OPEN" },
      project: null,
    });
    const twice = await api.exec(APPLY, { input: applyInput(call, fx.boards.Gent!) }, { as: LABO_CONSULTANT });
    expect(errorOf(twice)).toMatchObject({ code: "CONFLICT", field: "input.callId" });
    expect(
      await api.database.db
        .select()
        .from(laboApplications)
        .where(eq(laboApplications.boardId, rowId(fx.boards.Gent!))),
    ).toHaveLength(1);
  });

  it("keeps the contact person out of the audit log and the events (ids and states only)", async () => {
    const call = await openLaboCall(api, viaTheme);
    const id = await applyForBoard(api, call, fx.boards.Gent!);
    await api.ok(DECIDE, { input: { id, decision: "SELECTED", reason: "Goed", score: 4, expertId: fx.orgs.Workitects! } }, { as: LABO_CONSULTANT });
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rowId(id)));
    expect(audit.map((a) => a.operation).sort()).toEqual(["applyToCall", "decideApplication"]);
    const events = await api.database.db.select().from(domainEvents);
    const text = JSON.stringify([audit, events]);
    expect(text).toContain(rowId(id));
    expect(text).not.toContain("contact@example.org");
    expect(text).not.toContain("Contactpersoon");
  });

  it("refuses an application after the deadline (CLOSED) and before the opening day (UPCOMING)", async () => {
    const closed = await laboSeededCall();
    const late = await api.exec(APPLY, { input: applyInput(closed, fx.boards.Gent!) }, { as: laboMember(fx.boards.Gent!) });
    expect(errorOf(late)).toMatchObject({ code: "CONFLICT", field: "input.callId" });
    expect(errorOf(late)?.message).toMatch(/deadline has passed/);
    // A call whose deadline was yesterday: the day after the deadline is too late.
    const yesterday = await openLaboCall(api, viaTheme, { opensOn: brusselsDay(-10), deadline: brusselsDay(-1) });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(yesterday, fx.boards.Gent!) }, { as: laboMember(fx.boards.Gent!) }))).toMatchObject({
      code: "CONFLICT",
      field: "input.callId",
    });
    // The deadline day itself is still open.
    const today = await openLaboCall(api, viaTheme, { opensOn: brusselsDay(-10), deadline: brusselsDay(0) });
    await api.ok(APPLY, { input: applyInput(today, fx.boards.Gent!) }, { as: laboMember(fx.boards.Gent!) });
    const upcoming = await openLaboCall(api, viaTheme, { opensOn: brusselsDay(1), deadline: brusselsDay(20) });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(upcoming, fx.boards.Gent!) }, { as: laboMember(fx.boards.Gent!) }))).toMatchObject({
      code: "CONFLICT",
      field: "input.callId",
    });
    expect(await api.database.db.select().from(laboApplications)).toHaveLength(1);
  });

  it("lets consultants and admins apply for any board, refuses another board's member, an expert, a partner and an anonymous caller", async () => {
    const call = await openLaboCall(api, viaTheme);
    await api.ok(APPLY, { input: applyInput(call, fx.boards.Gent!) }, { as: LABO_CONSULTANT });
    await api.ok(APPLY, { input: applyInput(call, fx.boards.Brugge!) }, { as: LABO_ADMIN });
    const input = applyInput(call, fx.boards.Lier!);
    expect(errorOf(await api.exec(APPLY, { input }, { as: laboMember(fx.boards.Gent!) }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(APPLY, { input }, { as: laboExpert(fx.orgs.Workitects!) }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(APPLY, { input }, { as: { role: "PARTNER", sub: "p1", org: rowId(fx.orgs.Mondea!) } }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(APPLY, { input }))?.code).toBe("UNAUTHENTICATED");
  });

  it("checks the motivation, the contact's name and e-mail, and the call", async () => {
    const call = await openLaboCall(api, viaTheme);
    const as = { as: laboMember(fx.boards.Gent!) };
    expect(errorOf(await api.exec(APPLY, { input: applyInput(call, fx.boards.Gent!, { motivation: "" }) }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.motivation",
    });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(call, fx.boards.Gent!, { motivation: "x".repeat(5001) }) }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.motivation",
    });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(call, fx.boards.Gent!, { contactName: " " }) }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contactName",
    });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(call, fx.boards.Gent!, { contactName: "x".repeat(201) }) }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contactName",
    });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(call, fx.boards.Gent!, { contactEmail: "not-an-address" }) }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contactEmail",
    });
    expect(errorOf(await api.exec(APPLY, { input: applyInput(globalId("ProjectCall", MISSING_UUID), fx.boards.Gent!) }, as))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.callId",
    });
    // The phone is optional; 5,000 characters of motivation are accepted.
    await api.ok(APPLY, { input: applyInput(call, fx.boards.Gent!, { contactPhone: null, motivation: "x".repeat(5000) }) }, as);
  });
});

/** The seeded closed call of "Employer branding". */
async function laboSeededCall(): Promise<string> {
  const found = await api.ok(
    graphql(`
      query LaboSeededCallOf($themeId: ID!) { projectCalls(filter: { themeId: $themeId }) { edges { node { id deadline } } } }
    `),
    { themeId: viaTheme },
  );
  const seeded = found.projectCalls.edges.find((e) => e.node.deadline === "2020-01-31");
  expect(seeded).toBeDefined();
  return seeded!.node.id;
}

describe("who reads applications", () => {
  it("shows every application to editors, the board's own to its members, none to others; node() likewise", async () => {
    const call = await openLaboCall(api, viaTheme);
    const gent = await applyForBoard(api, call, fx.boards.Gent!);
    await applyForBoard(api, call, fx.boards.Brugge!);
    const names = async (as?: Actor) => {
      const data = await api.ok(CALL_APPLICATIONS, { id: call }, as ? { as } : undefined);
      return (data.node as { applications: { board: { name: string } }[] }).applications.map((a) => a.board.name);
    };
    expect(await names(LABO_CONSULTANT)).toEqual(["Brugge", "Gent"]);
    expect(await names(LABO_ADMIN)).toEqual(["Brugge", "Gent"]);
    expect(await names(laboMember(fx.boards.Gent!))).toEqual(["Gent"]);
    expect(await names(laboMember(fx.boards.Lier!))).toEqual([]);
    expect(await names(laboExpert(fx.orgs.Workitects!))).toEqual([]);
    expect(await names({ role: "PARTNER", sub: "p1", org: rowId(fx.orgs.Mondea!) })).toEqual([]);
    expect(await names()).toEqual([]);
    const own = await api.ok(APPLICATION_NODE, { id: gent }, { as: laboMember(fx.boards.Gent!) });
    expect(own.node).toMatchObject({ id: gent });
    expect((await api.ok(APPLICATION_NODE, { id: gent }, { as: laboMember(fx.boards.Brugge!) })).node).toBeNull();
    expect((await api.ok(APPLICATION_NODE, { id: gent })).node).toBeNull();
  });

  it("tells a board member whether they may apply: open, and not yet applied", async () => {
    const call = await openLaboCall(api, viaTheme);
    const can = async (boardId: string) => (await api.ok(CALL_APPLICATIONS, { id: call }, { as: laboMember(boardId) })).node as { viewerCanApply: boolean };
    expect((await can(fx.boards.Gent!)).viewerCanApply).toBe(true);
    await applyForBoard(api, call, fx.boards.Gent!);
    expect((await can(fx.boards.Gent!)).viewerCanApply).toBe(false);
    expect(((await api.ok(CALL_APPLICATIONS, { id: await laboSeededCall() }, { as: laboMember(fx.boards.Brugge!) })).node as { viewerCanApply: boolean }).viewerCanApply).toBe(
      false,
    );
  });
});

describe("reviewApplication and decideApplication", () => {
  it("scores 1-5 (consultants and admins only) and decides NOT_SELECTED with a reason, once", async () => {
    const call = await openLaboCall(api, viaTheme);
    const id = await applyForBoard(api, call, fx.boards.Gent!);
    expect(errorOf(await api.exec(REVIEW, { input: { id, score: 6 } }, { as: LABO_CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.score" });
    expect(errorOf(await api.exec(REVIEW, { input: { id, score: 0 } }, { as: LABO_CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.score" });
    expect(errorOf(await api.exec(REVIEW, { input: { id, score: 3 } }, { as: laboMember(fx.boards.Gent!) }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(REVIEW, { input: { id, score: 3 } }))?.code).toBe("UNAUTHENTICATED");
    expect((await api.ok(REVIEW, { input: { id, score: 3 } }, { as: LABO_CONSULTANT })).reviewApplication.application.score).toBe(3);
    // A reason is required.
    expect(errorOf(await api.exec(DECIDE, { input: { id, decision: "NOT_SELECTED", reason: "" } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.reason",
    });
    expect(errorOf(await api.exec(DECIDE, { input: { id, decision: "NOT_SELECTED", reason: "Te vaag" } }, { as: laboMember(fx.boards.Gent!) }))?.code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(DECIDE, { input: { id, decision: "NOT_SELECTED", reason: "Te vaag" } }, { as: laboExpert(fx.orgs.Workitects!) }))?.code).toBe("FORBIDDEN");
    const decided = await api.ok(DECIDE, { input: { id, decision: "NOT_SELECTED", reason: "Te vaag" } }, { as: LABO_ADMIN });
    expect(decided.decideApplication).toMatchObject({ application: { decision: "NOT_SELECTED", reason: "Te vaag", score: 3 }, project: null });
    // Final: no second decision, no later review.
    expect(errorOf(await api.exec(DECIDE, { input: { id, decision: "SELECTED", reason: "Toch", expertId: fx.orgs.Workitects! } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "CONFLICT",
      field: "input.id",
    });
    expect(errorOf(await api.exec(REVIEW, { input: { id, score: 5 } }, { as: LABO_CONSULTANT }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(await api.database.db.select().from(laboProjects)).toHaveLength(0);
  });

  it("asks a score when none was reviewed, and an expert (an organisation that exists) to select", async () => {
    const call = await openLaboCall(api, viaTheme);
    const id = await applyForBoard(api, call, fx.boards.Gent!);
    expect(errorOf(await api.exec(DECIDE, { input: { id, decision: "SELECTED", reason: "Goed", expertId: fx.orgs.Workitects! } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.score",
    });
    expect(errorOf(await api.exec(DECIDE, { input: { id, decision: "SELECTED", reason: "Goed", score: 4 } }, { as: LABO_CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.expertId",
    });
    expect(
      errorOf(await api.exec(DECIDE, { input: { id, decision: "SELECTED", reason: "Goed", score: 4, expertId: globalId("Organisation", MISSING_UUID) } }, { as: LABO_CONSULTANT })),
    ).toMatchObject({ code: "NOT_FOUND", field: "input.expertId" });
    // Nothing half-written: the application is still undecided, no project.
    const [row] = await api.database.db
      .select()
      .from(laboApplications)
      .where(eq(laboApplications.id, rowId(id)));
    expect(row).toMatchObject({ decision: null, score: null, reason: null });
    expect(await api.database.db.select().from(laboProjects)).toHaveLength(0);
  });

  it("selects on a VIA theme: the project with EUR 5,000 of support and no own contribution, nothing in the ledger", async () => {
    const before = await api.database.db.select().from(coFinancingEntries);
    // Even a call that (wrongly, by direct insert) asks a contribution: the VIA theme asks none.
    const call = await openLaboCall(api, viaTheme);
    await api.database.db
      .update(projectCalls)
      .set({ ownContributionCents: 200000 })
      .where(eq(projectCalls.id, rowId(call)));
    const id = await applyForBoard(api, call, fx.boards.Gent!);
    const decided = await api.ok(DECIDE, { input: { id, decision: "SELECTED", reason: "Goed", score: 4, expertId: fx.orgs.Workitects! } }, { as: LABO_CONSULTANT });
    expect(decided.decideApplication.project).toMatchObject({
      board: { name: "Gent" },
      expert: { name: "Workitects" },
      support: { cents: 500000, currency: "EUR" },
      ownContribution: { cents: 0, currency: "EUR" },
      ownContributionCharge: null,
      startedOn: brusselsDay(0),
    });
    expect(await api.database.db.select().from(coFinancingEntries)).toHaveLength(before.length);
  });

  it("selects on an ADDENDUM theme: exactly one OWN_CONTRIBUTION charge of EUR 2,000 in the action's ledger, read back through the funding API", async () => {
    await extendAgreementPastToday(api, fx.agreementId);
    const theme = await createLaboTheme(api, "Digitalisering");
    const project = await startLaboProject(api, { theme, board: fx.boards.Gent!, expert: fx.orgs.Workitects!, actionId: fx.actions[1]! });
    const read = await api.ok(
      graphql(`
        query LaboProjectCharge($id: ID!) {
          node(id: $id) { ... on Project { ownContribution { cents } support { cents } ownContributionCharge { id kind type amount { cents currency } board { name } action { number } } } }
        }
      `),
      { id: project.projectId },
      { as: LABO_CONSULTANT },
    );
    const node = read.node as { ownContribution: { cents: number }; ownContributionCharge: { id: string } | null };
    expect(node).toMatchObject({
      ownContribution: { cents: 200000 },
      support: { cents: 500000 },
      ownContributionCharge: { kind: "OWN_CONTRIBUTION", type: "CHARGE", amount: { cents: 200000, currency: "EUR" }, board: { name: "Gent" }, action: { number: 1 } },
    });
    const entry = await api.ok(ENTRIES, { id: node.ownContributionCharge!.id }, { as: LABO_CONSULTANT });
    expect(entry.node).toMatchObject({ kind: "OWN_CONTRIBUTION", amount: { cents: 200000 } });
    const charges = await api.database.db.select().from(coFinancingEntries).where(eq(coFinancingEntries.kind, "OWN_CONTRIBUTION"));
    expect(charges).toHaveLength(1);
    // The charge is for consultants and admins only.
    for (const as of [laboMember(fx.boards.Gent!), laboExpert(fx.orgs.Workitects!), undefined]) {
      const other = await api.ok(
        graphql(`
          query LaboProjectChargeHidden($id: ID!) { node(id: $id) { ... on Project { ownContributionCharge { id } ownContribution { cents } } } }
        `),
        { id: project.projectId },
        as ? { as } : undefined,
      );
      expect(other.node).toMatchObject({ ownContributionCharge: null, ownContribution: { cents: 200000 } });
    }
  });

  it("leaves nothing half-written when the ledger refuses the charge (a closed agreement, or a day outside its ledger)", async () => {
    const theme = await createLaboTheme(api, "Digitalisering");
    const call = await openLaboCall(api, theme, { actionId: fx.actions[1]! });
    const id = await applyForBoard(api, call, fx.boards.Gent!);
    const select = { input: { id, decision: "SELECTED" as const, reason: "Goed", score: 4, expertId: fx.orgs.Workitects! } };
    // The seeded agreement's period is over: its ledger takes no charge dated today.
    expect(errorOf(await api.exec(DECIDE, select, { as: LABO_CONSULTANT }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    // The agreement closed: the ledger takes no more entries, so the selection is refused as a whole.
    await extendAgreementPastToday(api, fx.agreementId);
    await api.database.db
      .update(fundingAgreements)
      .set({ status: "CLOSED" })
      .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
    expect(errorOf(await api.exec(DECIDE, select, { as: LABO_CONSULTANT }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    const [row] = await api.database.db
      .select()
      .from(laboApplications)
      .where(eq(laboApplications.id, rowId(id)));
    expect(row).toMatchObject({ decision: null, score: null });
    expect(await api.database.db.select().from(laboProjects)).toHaveLength(0);
    expect(await api.database.db.select().from(coFinancingEntries).where(eq(coFinancingEntries.kind, "OWN_CONTRIBUTION"))).toHaveLength(0);
  });
});
