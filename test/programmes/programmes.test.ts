// Programmes: the seeded programmes read as the sources give them (Modern HR-beleid's vision,
// five declared goals and none listed, principles, phases, milestones, 200+ staff; the addendum,
// LaboLokaal and the charter), one query listing every programme with its phases and status, the
// filters, and the two changes with their rules and who may make them.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { organisations } from "../../db/schema/organisations.js";
import { programmeMilestones, programmePhases, programmes } from "../../db/schema/programmes.js";
import { programmeStatus } from "../../schema/programmes/programmes.service.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, CONSULTANT, expertOf, memberOf, partnerOf } from "../helpers/campaigns.js";
import { globalId, rowId } from "../helpers/funding.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
});

const ONE = graphql(`
  query ProgrammesOne($slug: String!) {
    programme(slug: $slug) {
      id slug kind title(locale: NL) titleEn: title(locale: EN) summary(locale: NL) partOf(locale: NL) startYear startsOn endsOn status
      owner { name(locale: NL) }
      vision { text(locale: NL) source year }
      strategicGoals { declaredCount missing goals { position title(locale: NL) } }
      principles(locale: NL)
      phases { id position title(locale: NL) status startsOn endsOn }
      milestones { reachedOn title(locale: NL) }
      steeringGroup { description(locale: NL) members { organisation { name(locale: NL) } role } }
      projects { id }
      projectStaff { count atLeast }
      fundingAgreement { id periodStart periodEnd }
    }
  }
`);

const LIST = graphql(`
  query ProgrammesList($filter: ProgrammeFilter) {
    programmes(filter: $filter) { slug kind status phases { position status } }
  }
`);

const SET_GOAL = graphql(`
  mutation ProgrammesSetGoal($input: SetStrategicGoalInput!) {
    setStrategicGoal(input: $input) { goal { id position title(locale: NL) } programme { strategicGoals { declaredCount missing goals { position title(locale: NL) } } } }
  }
`);

const UPDATE_PHASE = graphql(`
  mutation ProgrammesUpdatePhase($input: UpdateProgrammePhaseInput!) {
    updateProgrammePhase(input: $input) { phase { id status startsOn endsOn } programme { status } }
  }
`);

async function modernHr() {
  const data = await api.ok(ONE, { slug: "modern-hr-beleid" });
  return data.programme!;
}

describe("the seeded programmes", () => {
  it("hold Modern HR-beleid as the source gives it: five goals declared and none invented", async () => {
    const p = await modernHr();
    expect(p).toMatchObject({
      kind: "KEY_PROJECT",
      partOf: "Meerjarenprogramma Slagkrachtige Overheid",
      startYear: 2010,
      status: "ONGOING",
      vision: { source: "Alden Biesen, 2009", year: 2009 },
      strategicGoals: { declaredCount: 5, goals: [], missing: 5 },
      projects: [],
      projectStaff: { count: 200, atLeast: true },
      fundingAgreement: null,
      owner: { name: "Vlaamse Regering" },
    });
    expect(p.vision!.text).toMatch(/^De Vlaamse overheid voert een geïntegreerd en duurzaam HR-beleid/);
    expect(p.principles).toHaveLength(4);
    expect(p.principles[0]).toMatch(/^het 'meer en beter met minder' principe/);
    expect(p.principles[2]).toBe("het koesteren van talent");
    expect(p.phases.map((ph) => [ph.position, ph.status])).toEqual([
      [1, "COMPLETED"],
      [2, "COMPLETED"],
      [3, "ONGOING"],
    ]);
    expect(p.phases[2]!.title).toBe("De uitvoering van het HR-projectportfolio");
    expect(p.milestones.map((m) => m.reachedOn)).toEqual(["2011-04-07", "2012-12-13", "2013-01-11"]);
    expect(p.milestones[2]!.title).toContain("Een modern HR-beleid voor de Vlaamse overheid");
    expect(p.steeringGroup.description).toMatch(/^Een stuurgroep waakt over de realisatie van elke mijlpaal/);
    expect(p.steeringGroup.members).toEqual([]);
  });

  it("links the addendum to the seeded agreement and its dates, and gives the others no invented phases", async () => {
    const addendum = (await api.ok(ONE, { slug: "addendum-2023-2025" })).programme!;
    expect(addendum).toMatchObject({ kind: "SUBSIDY_AGREEMENT", startsOn: "2023-07-01", endsOn: "2025-06-30", owner: { name: "VVSG" }, status: null, phases: [] });
    expect(addendum.fundingAgreement).toMatchObject({ periodStart: "2023-07-01", periodEnd: "2025-06-30" });
    const labo = (await api.ok(ONE, { slug: "labolokaal" })).programme!;
    expect(labo).toMatchObject({ kind: "PROJECT_FUND", owner: { name: "Diverscity" }, phases: [], strategicGoals: { declaredCount: null, missing: 0 } });
    const charter = (await api.ok(ONE, { slug: "decent-work-for-all" })).programme!;
    expect(charter).toMatchObject({ kind: "CHARTER", owner: null, phases: [], status: null });
    expect((await api.ok(ONE, { slug: "no-such-programme" })).programme).toBeNull();
  });

  it("are listed in one query with their phases and status, anonymously, and filtered by kind and by phase status", async () => {
    const all = await api.ok(LIST, {});
    // By Dutch title: "Addendum ...", "Charter ...", "LaboLokaal", "Sleutelproject ...".
    expect(all.programmes.map((p) => p.slug)).toEqual(["addendum-2023-2025", "decent-work-for-all", "labolokaal", "modern-hr-beleid"]);
    expect(all.programmes.find((p) => p.slug === "modern-hr-beleid")).toMatchObject({ status: "ONGOING" });
    expect((await api.ok(LIST, { filter: { kind: "CHARTER" } })).programmes.map((p) => p.slug)).toEqual(["decent-work-for-all"]);
    expect((await api.ok(LIST, { filter: { status: "COMPLETED" } })).programmes.map((p) => p.slug)).toEqual(["modern-hr-beleid"]);
    expect((await api.ok(LIST, { filter: { status: "PLANNED" } })).programmes).toEqual([]);
  });
});

const NODES = graphql(`
  query ProgrammesNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Programme { slug titleTranslations { nl en } }
      ... on ProgrammePhase { position }
      ... on ProgrammeMilestone { reachedOn }
      ... on StrategicGoal { position }
    }
  }
`);

describe("programme nodes", () => {
  it("resolve a programme, its phase, milestone and goal by global id", async () => {
    const p = await modernHr();
    const goal = await api.ok(SET_GOAL, { input: { programmeId: p.id, position: 1, title: { nl: "Doel een" } } }, { as: CONSULTANT });
    const milestone = await api.database.db.select().from(programmeMilestones).where(eq(programmeMilestones.reachedOn, "2011-04-07"));
    const data = await api.ok(NODES, { ids: [p.id, p.phases[1]!.id, globalId("ProgrammeMilestone", milestone[0]!.id), goal.setStrategicGoal.goal.id] });
    expect(data.nodes).toEqual([
      { __typename: "Programme", slug: "modern-hr-beleid", titleTranslations: { nl: "Sleutelproject Modern HR-beleid", en: "Key project Modern HR policy" } },
      { __typename: "ProgrammePhase", position: 2 },
      { __typename: "ProgrammeMilestone", reachedOn: "2011-04-07" },
      { __typename: "StrategicGoal", position: 1 },
    ]);
  });
});

describe("a programme's status", () => {
  it("is ONGOING if any phase is, COMPLETED once all are, PLANNED otherwise, null without phases", () => {
    expect(programmeStatus([])).toBeNull();
    expect(programmeStatus([{ status: "COMPLETED" }, { status: "ONGOING" }, { status: "PLANNED" }])).toBe("ONGOING");
    expect(programmeStatus([{ status: "COMPLETED" }, { status: "COMPLETED" }])).toBe("COMPLETED");
    expect(programmeStatus([{ status: "COMPLETED" }, { status: "PLANNED" }])).toBe("PLANNED");
  });
});

describe("setStrategicGoal", () => {
  it("fills in a declared goal, rewrites it at the same position, and is audited with an event", async () => {
    const p = await modernHr();
    const first = await api.ok(SET_GOAL, { input: { programmeId: p.id, position: 2, title: { nl: "Doel twee" } } }, { as: CONSULTANT });
    expect(first.setStrategicGoal.programme.strategicGoals).toEqual({ declaredCount: 5, missing: 4, goals: [{ position: 2, title: "Doel twee" }] });
    const again = await api.ok(SET_GOAL, { input: { programmeId: p.id, position: 2, title: { nl: "Doel twee, herschreven" } } }, { as: ADMIN });
    expect(again.setStrategicGoal.goal.id).toBe(first.setStrategicGoal.goal.id);
    expect(again.setStrategicGoal.programme.strategicGoals.goals).toEqual([{ position: 2, title: "Doel twee, herschreven" }]);
    const audits = await api.database.db.select().from(auditLog).where(eq(auditLog.operation, "setStrategicGoal")).orderBy(auditLog.createdAt, auditLog.id);
    expect(audits).toHaveLength(2);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "programme.changed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ part: "GOAL", status: null }));
  });

  it("refuses a position beyond the declared count, or below 1 (BAD_USER_INPUT on input.position)", async () => {
    const p = await modernHr();
    for (const position of [6, 0]) {
      const result = await api.exec(SET_GOAL, { input: { programmeId: p.id, position, title: { nl: "Te veel" } } }, { as: CONSULTANT });
      expect(errorOf(result), String(position)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.position" });
    }
    expect((await modernHr()).strategicGoals.goals).toEqual([]);
  });

  it("takes any position from 1 where no count is declared, and NOT_FOUND for an unknown programme", async () => {
    const labo = (await api.ok(ONE, { slug: "labolokaal" })).programme!;
    const result = await api.ok(SET_GOAL, { input: { programmeId: labo.id, position: 7, title: { nl: "Zevende" } } }, { as: CONSULTANT });
    expect(result.setStrategicGoal.programme.strategicGoals).toMatchObject({ declaredCount: null, missing: 0 });
    const missing = await api.exec(
      SET_GOAL,
      { input: { programmeId: globalId("Programme", "00000000-0000-4000-8000-000000000000"), position: 1, title: { nl: "X" } } },
      { as: CONSULTANT },
    );
    expect(errorOf(missing)).toMatchObject({ code: "NOT_FOUND", field: "input.programmeId" });
  });
});

describe("updateProgrammePhase", () => {
  it("changes a phase's status and dates, and the programme's derived status follows", async () => {
    const p = await modernHr();
    const result = await api.ok(UPDATE_PHASE, { input: { id: p.phases[2]!.id, status: "COMPLETED", startsOn: "2013-01-11", endsOn: "2020-12-31" } }, { as: CONSULTANT });
    expect(result.updateProgrammePhase).toMatchObject({ phase: { status: "COMPLETED", startsOn: "2013-01-11", endsOn: "2020-12-31" }, programme: { status: "COMPLETED" } });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "programme.changed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ part: "PHASE", status: "COMPLETED" }));
    expect(await api.database.db.select().from(auditLog).where(eq(auditLog.operation, "updateProgrammePhase"))).toHaveLength(1);
  });

  it("refuses an end before the start (also against the stored start) and a null status", async () => {
    const p = await modernHr();
    const id = p.phases[0]!.id;
    const crossed = await api.exec(UPDATE_PHASE, { input: { id, startsOn: "2012-01-01", endsOn: "2011-12-31" } }, { as: CONSULTANT });
    expect(errorOf(crossed)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsOn" });
    await api.ok(UPDATE_PHASE, { input: { id, startsOn: "2012-01-01" } }, { as: CONSULTANT });
    const before = await api.exec(UPDATE_PHASE, { input: { id, endsOn: "2011-06-30" } }, { as: CONSULTANT });
    expect(errorOf(before)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsOn" });
    const nullStatus = await api.exec(UPDATE_PHASE, { input: { id, status: null } }, { as: CONSULTANT });
    expect(errorOf(nullStatus)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.status" });
    const [phase] = await api.database.db
      .select()
      .from(programmePhases)
      .where(eq(programmePhases.id, rowId(id)));
    expect(phase).toMatchObject({ status: "COMPLETED", startsOn: "2012-01-01", endsOn: null });
  });
});

describe("who may change a programme", () => {
  it("is consultants and admins: board members, experts and partners are FORBIDDEN, anonymous callers UNAUTHENTICATED", async () => {
    const p = await modernHr();
    const [board] = await api.database.db.select({ id: boards.id }).from(boards).limit(1);
    const [org] = await api.database.db.select({ id: organisations.id }).from(organisations).limit(1);
    const cases: [Actor | undefined, string | null][] = [
      [ADMIN, null],
      [CONSULTANT, null],
      [memberOf(board!.id), "FORBIDDEN"],
      [expertOf(org!.id), "FORBIDDEN"],
      [partnerOf(org!.id), "FORBIDDEN"],
      [undefined, "UNAUTHENTICATED"],
    ];
    for (const [as, code] of cases) {
      const goal = await api.exec(SET_GOAL, { input: { programmeId: p.id, position: 1, title: { nl: "Doel" } } }, as ? { as } : {});
      const phase = await api.exec(UPDATE_PHASE, { input: { id: p.phases[0]!.id, status: "COMPLETED" } }, as ? { as } : {});
      expect(errorOf(goal).code, `${as?.role ?? "anonymous"} goal`).toBe(code ?? undefined);
      expect(errorOf(phase).code, `${as?.role ?? "anonymous"} phase`).toBe(code ?? undefined);
    }
    const rows = await api.database.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(and(eq(programmes.slug, "modern-hr-beleid")));
    expect(rows).toHaveLength(1);
  });
});
