// LaboLokaal's projects: the public list (board, expert, amounts), the final report (submitted once
// by the project's board or an admin, 1-20,000 characters each, visible to the theme's members and
// moderators only), and two concurrent decisions on one application (PostgreSQL: exactly one wins,
// one project, one charge).
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { coFinancingEntries } from "../../db/schema/funding.js";
import { laboProjects } from "../../db/schema/labolokaal.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";
import {
  applyForBoard,
  createLaboTheme,
  extendAgreementPastToday,
  LABO_ADMIN,
  LABO_CONSULTANT,
  type LaboProject,
  laboExpert,
  laboMember,
  laboThemeId,
  openLaboCall,
  startLaboProject,
} from "../helpers/labolokaal.js";

let api: TestApi;
let fx: FundingFixture;
let project: LaboProject;

beforeEach(async () => {
  api ??= await createTestApi();
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Workitects", "Mondea", "Excello"], boards: ["Gent", "Brugge", "Lier"] });
  project = await startLaboProject(api, { theme: await laboThemeId(api, "Employer branding"), board: fx.boards.Gent!, expert: fx.orgs.Workitects! });
});

afterAll(async () => api?.close());

const SUBMIT = graphql(`
  mutation LaboSubmitReport($input: SubmitFinalReportInput!) {
    submitFinalReport(input: $input) { project { id finalReport { experiences recommendations submittedAt } } }
  }
`);

const REPORT = graphql(`
  query LaboReport($id: ID!) {
    node(id: $id) { ... on Project { id board { name } finalReport { experiences recommendations } } }
  }
`);

const PROJECTS = graphql(`
  query LaboProjects($filter: ProjectFilter) {
    projects(filter: $filter) { id board { name } theme { name(locale: NL) } call { id } expert { name(locale: NL) } support { cents } ownContribution { cents } startedOn }
  }
`);

const report = { experiences: "Wij leerden veel.", recommendations: "Begin vroeg." };

describe("projects", () => {
  it("are public: board, theme, expert and amounts; filtered by theme and board", async () => {
    const other = await startLaboProject(api, { theme: await laboThemeId(api, "Combinatiejobs"), board: fx.boards.Brugge!, expert: fx.orgs.Excello! });
    const all = await api.ok(PROJECTS, {});
    expect(all.projects.map((p) => p.board.name)).toEqual(["Brugge", "Gent"]);
    expect(all.projects[1]).toMatchObject({
      id: project.projectId,
      theme: { name: "Employer branding" },
      call: { id: project.callId },
      expert: { name: "Workitects" },
      support: { cents: 500000 },
      ownContribution: { cents: 0 },
    });
    expect((await api.ok(PROJECTS, { filter: { themeId: other.themeId } })).projects.map((p) => p.id)).toEqual([other.projectId]);
    expect((await api.ok(PROJECTS, { filter: { boardId: fx.boards.Gent! } })).projects.map((p) => p.id)).toEqual([project.projectId]);
  });
});

describe("submitFinalReport", () => {
  it("takes the report of the project's board once, and checks its lengths", async () => {
    const as = { as: laboMember(fx.boards.Gent!) };
    expect(errorOf(await api.exec(SUBMIT, { input: { projectId: project.projectId, ...report, experiences: "" } }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.experiences",
    });
    expect(errorOf(await api.exec(SUBMIT, { input: { projectId: project.projectId, ...report, recommendations: "x".repeat(20001) } }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.recommendations",
    });
    const submitted = await api.ok(SUBMIT, { input: { projectId: project.projectId, ...report, experiences: "x".repeat(20000) } }, as);
    expect(submitted.submitFinalReport.project.finalReport).toMatchObject({ experiences: "x".repeat(20000), recommendations: report.recommendations });
    const again = await api.exec(SUBMIT, { input: { projectId: project.projectId, ...report } }, { as: LABO_ADMIN });
    expect(errorOf(again)).toMatchObject({ code: "CONFLICT", field: "input.projectId" });
  });

  it("is for the project's board's members and admins: not another board, a consultant, an expert, a partner or an anonymous caller", async () => {
    const input = { projectId: project.projectId, ...report };
    expect(errorOf(await api.exec(SUBMIT, { input }, { as: laboMember(fx.boards.Brugge!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(SUBMIT, { input }, { as: LABO_CONSULTANT })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(SUBMIT, { input }, { as: laboExpert(fx.orgs.Workitects!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(SUBMIT, { input }, { as: { role: "PARTNER", sub: "p1", org: rowId(fx.orgs.Mondea!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(SUBMIT, { input })).code).toBe("UNAUTHENTICATED");
    await api.ok(SUBMIT, { input }, { as: LABO_ADMIN });
  });

  it("shows the report to the theme's members and moderators only", async () => {
    // Brugge takes part in the same theme; Lier in another; Excello coaches Brugge.
    await startLaboProject(api, { theme: project.themeId, board: fx.boards.Brugge!, expert: fx.orgs.Excello! });
    await startLaboProject(api, { theme: await laboThemeId(api, "Combinatiejobs"), board: fx.boards.Lier!, expert: fx.orgs.Mondea! });
    await api.ok(SUBMIT, { input: { projectId: project.projectId, ...report } }, { as: laboMember(fx.boards.Gent!) });
    const seen = async (as?: Actor) => (await api.ok(REPORT, { id: project.projectId }, as ? { as } : undefined)).node as { finalReport: unknown };
    for (const as of [laboMember(fx.boards.Gent!), laboMember(fx.boards.Brugge!), laboExpert(fx.orgs.Workitects!), laboExpert(fx.orgs.Excello!), LABO_CONSULTANT, LABO_ADMIN]) {
      expect((await seen(as)).finalReport, JSON.stringify(as)).toEqual(report);
    }
    for (const as of [laboMember(fx.boards.Lier!), laboExpert(fx.orgs.Mondea!), { role: "PARTNER" as const, sub: "p1", org: rowId(fx.orgs.Mondea!) }, undefined]) {
      expect((await seen(as)).finalReport, JSON.stringify(as)).toBeNull();
    }
  });
});

describe("two concurrent decisions", () => {
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("let exactly one win: one project, one charge (PostgreSQL)", async () => {
    await extendAgreementPastToday(api, fx.agreementId);
    const theme = await createLaboTheme(api, "Digitalisering");
    const call = await openLaboCall(api, theme, { actionId: fx.actions[1]! });
    const id = await applyForBoard(api, call, fx.boards.Lier!);
    const DECIDE = graphql(`
      mutation LaboRaceDecide($input: DecideApplicationInput!) { decideApplication(input: $input) { project { id } } }
    `);
    const input = { id, decision: "SELECTED" as const, reason: "Goed", score: 4, expertId: fx.orgs.Workitects! };
    const results = await Promise.all([
      api.exec(DECIDE, { input }, { as: LABO_CONSULTANT }),
      api.exec(DECIDE, { input: { ...input, expertId: fx.orgs.Excello! } }, { as: LABO_ADMIN }),
    ]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(errorOf(lost[0]!)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(
      await api.database.db
        .select()
        .from(laboProjects)
        .where(eq(laboProjects.boardId, rowId(fx.boards.Lier!))),
    ).toHaveLength(1);
    expect(await api.database.db.select().from(coFinancingEntries).where(eq(coFinancingEntries.kind, "OWN_CONTRIBUTION"))).toHaveLength(1);
  });
});

describe("events", () => {
  it("tell of a call opened, an application decided, a project started, a session and a report, with ids only", async () => {
    const events = async () => (await api.database.db.select().from(domainEvents).orderBy(domainEvents.position)).filter((e) => e.name.startsWith("labo."));
    const started = await events();
    const projectRow = rowId(project.projectId);
    expect(started.map((e) => e.name)).toEqual(expect.arrayContaining(["labo.call.changed", "labo.application.changed", "labo.project.changed"]));
    expect(started.find((e) => e.name === "labo.project.changed")?.payload).toEqual({
      projectId: projectRow,
      themeId: rowId(project.themeId),
      part: "PROJECT",
      partId: projectRow,
    });
    expect(started.filter((e) => e.name === "labo.application.changed").map((e) => (e.payload as { decision: string | null }).decision)).toEqual([null, "SELECTED"]);
    await api.ok(SUBMIT, { input: { projectId: project.projectId, ...report } }, { as: laboMember(fx.boards.Gent!) });
    const after = await events();
    expect(after.at(-1)).toMatchObject({ name: "labo.project.changed", payload: { projectId: projectRow, part: "FINAL_REPORT", partId: projectRow } });
    expect(JSON.stringify(after)).not.toContain(report.experiences);
  });
});
