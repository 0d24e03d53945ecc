// LaboLokaal's learning network: collective sessions of a theme with its participating boards,
// coaching sessions of a project; recorded by editors and by the expert of the theme's (collective)
// or the project's (coaching) organisation; the counts per project.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";
import { brusselsDay, LABO_ADMIN, LABO_CONSULTANT, type LaboProject, laboExpert, laboMember, laboThemeId, openLaboCall, startLaboProject } from "../helpers/labolokaal.js";

let api: TestApi;
let fx: FundingFixture;
let gent: LaboProject;
let brugge: LaboProject;

beforeEach(async () => {
  api ??= await createTestApi();
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Workitects", "Mondea", "Excello"], boards: ["Gent", "Brugge", "Lier"] });
  const theme = await laboThemeId(api, "Combinatiejobs");
  const call = await openLaboCall(api, theme);
  gent = await startLaboProject(api, { theme, call, board: fx.boards.Gent!, expert: fx.orgs.Workitects! });
  brugge = await startLaboProject(api, { theme, call, board: fx.boards.Brugge!, expert: fx.orgs.Excello! });
});

afterAll(async () => api?.close());

const RECORD = graphql(`
  mutation LaboRecordSession($input: RecordLearningSessionInput!) {
    recordLearningSession(input: $input) { session { id kind heldOn topic theme { name(locale: NL) } project { id } expert { name(locale: NL) } boards { name } } }
  }
`);

const COUNTS = graphql(`
  query LaboSessionCounts($theme: ID!) {
    projects(filter: { themeId: $theme }) { board { name } collectiveSessionsAttended coachingSessionsHeld coachingSessions { heldOn } }
    node(id: $theme) { ... on Theme { collectiveSessions { heldOn boards { name } } } }
  }
`);

const collective = (boardIds: string[], extra: Record<string, unknown> = {}) => ({
  kind: "COLLECTIVE" as const,
  themeId: gent.themeId,
  heldOn: brusselsDay(-2),
  topic: "Kick-off",
  boardIds,
  ...extra,
});
const coaching = (projectId: string) => ({ kind: "COACHING" as const, projectId, heldOn: brusselsDay(-1) });

describe("recordLearningSession", () => {
  it("records collective sessions with participating boards and coaching sessions, and counts them per project", async () => {
    const first = await api.ok(RECORD, { input: collective([gent.boardId, brugge.boardId]) }, { as: LABO_CONSULTANT });
    expect(first.recordLearningSession.session).toMatchObject({
      kind: "COLLECTIVE",
      theme: { name: "Combinatiejobs" },
      project: null,
      boards: [{ name: "Brugge" }, { name: "Gent" }],
    });
    // The theme's expert (of a project on it) records a collective session: they led it.
    const second = await api.ok(RECORD, { input: collective([gent.boardId], { heldOn: brusselsDay(-1) }) }, { as: laboExpert(fx.orgs.Excello!) });
    expect(second.recordLearningSession.session.expert).toEqual({ name: "Excello" });
    const coached = await api.ok(RECORD, { input: coaching(gent.projectId) }, { as: laboExpert(fx.orgs.Workitects!) });
    expect(coached.recordLearningSession.session).toMatchObject({ kind: "COACHING", project: { id: gent.projectId }, expert: { name: "Workitects" }, boards: [] });
    await api.ok(RECORD, { input: coaching(gent.projectId) }, { as: LABO_ADMIN });
    const counts = await api.ok(COUNTS, { theme: gent.themeId });
    expect(counts.projects).toEqual([
      { board: { name: "Brugge" }, collectiveSessionsAttended: 1, coachingSessionsHeld: 0, coachingSessions: [] },
      { board: { name: "Gent" }, collectiveSessionsAttended: 2, coachingSessionsHeld: 2, coachingSessions: [{ heldOn: brusselsDay(-1) }, { heldOn: brusselsDay(-1) }] },
    ]);
    expect(counts.node).toMatchObject({ collectiveSessions: [{ heldOn: brusselsDay(-2) }, { heldOn: brusselsDay(-1) }] });
  });

  it("refuses boards that do not participate in the theme, and asks what each kind needs", async () => {
    const as = { as: LABO_CONSULTANT };
    const outsider = await api.exec(RECORD, { input: collective([gent.boardId, fx.boards.Lier!]) }, as);
    expect(errorOf(outsider)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardIds.1" });
    expect(errorOf(outsider).field).toMatch(/^input\.boardIds/);
    expect(errorOf(await api.exec(RECORD, { input: collective([]) }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardIds" });
    expect(errorOf(await api.exec(RECORD, { input: collective([gent.boardId], { themeId: null }) }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.themeId" });
    expect(errorOf(await api.exec(RECORD, { input: { kind: "COACHING", heldOn: brusselsDay(0) } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.projectId" });
    // Nothing recorded.
    expect((await api.ok(COUNTS, { theme: gent.themeId })).node).toMatchObject({ collectiveSessions: [] });
  });

  it("is for editors and the theme's or project's expert: not another expert, a board member, a partner or an anonymous caller", async () => {
    // Mondea coaches no project of the theme.
    expect(errorOf(await api.exec(RECORD, { input: collective([gent.boardId]) }, { as: laboExpert(fx.orgs.Mondea!) })).code).toBe("FORBIDDEN");
    // Excello is Brugge's expert, not Gent's: it does not coach Gent's project.
    expect(errorOf(await api.exec(RECORD, { input: coaching(gent.projectId) }, { as: laboExpert(fx.orgs.Excello!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(RECORD, { input: coaching(gent.projectId) }, { as: laboMember(fx.boards.Gent!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(RECORD, { input: coaching(gent.projectId) }, { as: { role: "PARTNER", sub: "p1", org: rowId(fx.orgs.Mondea!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(RECORD, { input: coaching(gent.projectId) })).code).toBe("UNAUTHENTICATED");
    const counts = await api.ok(COUNTS, { theme: gent.themeId });
    expect(counts.projects.every((p) => p.coachingSessionsHeld === 0)).toBe(true);
  });
});
