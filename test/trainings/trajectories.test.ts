// Trajectories of track 1: the seeded GoodHabitz learning network, the editors' writes and their
// rules (levels only for LEADERSHIP, titles unique per kind, the offer's days, a fee needs an
// action), the list with its filters and cursors, boards joining (a department for IAO, within the
// offer, once) and withdrawing, the fee charged in the co-financing ledger in the same change and
// reversed when unpaid, the sessions, the four metrics the addendum's commitments measure, and a
// statement budget at two sizes.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { coFinancingEntries, fundingAgreements } from "../../db/schema/funding.js";
import { trajectories, trajectoryParticipations } from "../../db/schema/programme.js";
import { seedDatabase } from "../../db/seed/index.js";
import { LEARNING_NETWORK } from "../../db/seed/programme.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import { measureBreakdown, measureMetric } from "../../schema/shared/metrics.js";
import type { CreateTrajectoryInput, JoinTrajectoryInput, TrajectoryFilter, TrajectoryListQuery } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
/** Seeded boards' global ids, by name order. */
let B: string[];
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["GoodHabitz", "Excello", "Workitects"], boards: ["OCMW Gent"] });
  const rows = await api.database.db.select({ id: boards.id }).from(boards).orderBy(boards.name);
  B = rows.map((r) => globalId("Board", r.id));
});

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
const memberOf = (boardGlobalId: string): Actor => ({ role: "BOARD_MEMBER", sub: `member-${boardGlobalId}`, board: rowId(boardGlobalId) });

graphql(`
  fragment TrajectoryFields on Trajectory {
    id kind title(locale: NL) titleEn: title(locale: EN) description(locale: NL) targetLevels approach
    partner { id name(locale: NL) } action { id number } fee { cents currency } offeredFrom offeredUntil viewerCanUpdate
  }
`);
const LIST = graphql(`
  query TrajectoryList($first: Int, $after: String, $filter: TrajectoryFilter) {
    trajectories(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...TrajectoryFields } }
    }
  }
`);
const CREATE = graphql(`
  mutation TrajectoryCreate($input: CreateTrajectoryInput!) { createTrajectory(input: $input) { trajectory { ...TrajectoryFields } } }
`);
const UPDATE = graphql(`
  mutation TrajectoryUpdate($input: UpdateTrajectoryInput!) { updateTrajectory(input: $input) { trajectory { ...TrajectoryFields } } }
`);
const JOIN = graphql(`
  mutation TrajectoryJoin($input: JoinTrajectoryInput!) {
    joinTrajectory(input: $input) { participation { id department joinedOn withdrawnOn board { id } trajectory { id } feeCharge { id amount { cents } } } }
  }
`);
const WITHDRAW = graphql(`
  mutation TrajectoryWithdraw($input: WithdrawFromTrajectoryInput!) {
    withdrawFromTrajectory(input: $input) { participation { id joinedOn withdrawnOn } }
  }
`);
const PARTICIPATION = graphql(`
  query TrajectoryParticipationNode($id: ID!) {
    node(id: $id) { ... on TrajectoryParticipation { id department feeCharge { id kind type amount { cents currency } date board { id } action { number } } } }
  }
`);
const PARTICIPATIONS = graphql(`
  query TrajectoryParticipations($id: ID!, $first: Int, $after: String) {
    trajectory(id: $id) { participations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id board { name } department withdrawnOn } } } }
  }
`);
const CREATE_SESSION = graphql(`
  mutation TrajectoryCreateSession($input: CreateTrajectorySessionInput!) {
    createTrajectorySession(input: $input) { session { id startsAt endsAt online province place hostBoard { id } trajectory { id } } }
  }
`);
const UPDATE_SESSION = graphql(`
  mutation TrajectoryUpdateSession($input: UpdateTrajectorySessionInput!) {
    updateTrajectorySession(input: $input) { session { id startsAt endsAt online province place hostBoard { id } } }
  }
`);
const SESSIONS = graphql(`
  query TrajectorySessions($id: ID!, $first: Int, $after: String) {
    trajectory(id: $id) { sessions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id startsAt } } } }
  }
`);
const CO_FINANCING = graphql(`
  query TrajectoryCoFinancing($id: ID!, $boardId: ID) {
    node(id: $id) { __typename ... on FundingAgreement { coFinancing(boardId: $boardId) { totals { charged { cents } paid { cents } outstanding { cents } } } } }
  }
`);
const RECORD_PAYMENT = graphql(`
  mutation TrajectoryRecordPayment($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }
`);

type Created = { id: string; title: string; targetLevels: string[]; fee: { cents: number; currency: string }; offeredUntil?: unknown };

async function create(input: Partial<CreateTrajectoryInput> = {}): Promise<Created> {
  const data = await api.ok(CREATE, { input: { kind: "WORK_ORGANISATION", title: { nl: "IAO in de groendienst" }, offeredFrom: "2023-07-01", ...input } }, { as: CONSULTANT });
  return data.createTrajectory.trajectory as Created;
}
const createErr = async (input: Partial<CreateTrajectoryInput>, as: Actor = CONSULTANT) =>
  errorOf(await api.exec(CREATE, { input: { kind: "WORK_ORGANISATION", title: { nl: "Fout" }, offeredFrom: "2023-07-01", ...input } }, { as }));

async function join(input: Partial<JoinTrajectoryInput> & { trajectoryId: string }) {
  const data = await api.ok(JOIN, { input: { boardId: B[0]!, ...input } }, { as: CONSULTANT });
  return data.joinTrajectory.participation;
}
const joinErr = async (input: Partial<JoinTrajectoryInput> & { trajectoryId: string }) =>
  errorOf(await api.exec(JOIN, { input: { boardId: B[0]!, ...input } }, { as: CONSULTANT }));

const list = async (filter: TrajectoryFilter) => (await api.ok(LIST, { first: 100, filter })).trajectories.edges.map((e) => e.node.title);

const events = (name: string) => api.database.db.select().from(domainEvents).where(eq(domainEvents.name, name)).orderBy(domainEvents.position);
const audits = (entityId: string, operation: string) =>
  api.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.operation, operation)));

describe("the seeded learning network", () => {
  it("is the one trajectory the source names: GoodHabitz's e-learning network for action 3, from the addendum's start, free", async () => {
    const { trajectories: all } = await api.ok(LIST, { first: 100 });
    expect(all.totalCount).toBe(1);
    expect(all.edges[0]!.node).toMatchObject({
      kind: "LEARNING_NETWORK",
      title: LEARNING_NETWORK.title.nl,
      titleEn: LEARNING_NETWORK.title.en,
      targetLevels: [],
      partner: { id: fx.orgs.GoodHabitz, name: "GoodHabitz" },
      action: { id: fx.actions[3], number: 3 },
      fee: { cents: 0, currency: "EUR" },
      offeredFrom: "2023-07-01",
      offeredUntil: null,
    });
    expect(await api.database.db.$count(trajectoryParticipations)).toBe(0);
    const again = await seedDatabase(api.database, "sources");
    expect(again.trajectories ?? 0).toBe(0);
    expect(await api.database.db.$count(trajectories)).toBe(1);
  });
});

describe("creating and updating trajectories", () => {
  it("creates one with its partner, action, fee and levels (distinct, in the enum's order), audited, with an event", async () => {
    const created = await create({
      kind: "LEADERSHIP",
      title: { nl: "Leiderschap voor ploegbazen", en: "Leadership for foremen" },
      description: { nl: "Coaching on the job" },
      targetLevels: ["TEAM_LEADER", "FOREMAN", "TEAM_LEADER"],
      approach: "Intervisie",
      partnerId: fx.orgs.Excello!,
      actionId: fx.actions[2]!,
      fee: { cents: 15000, currency: "eur" },
      offeredFrom: "2023-09-01",
      offeredUntil: "2024-06-30",
    });
    expect(created).toMatchObject({
      kind: "LEADERSHIP",
      title: "Leiderschap voor ploegbazen",
      titleEn: "Leadership for foremen",
      targetLevels: ["FOREMAN", "TEAM_LEADER"],
      approach: "Intervisie",
      partner: { id: fx.orgs.Excello },
      action: { number: 2 },
      fee: { cents: 15000, currency: "EUR" },
      offeredFrom: "2023-09-01",
      offeredUntil: "2024-06-30",
      viewerCanUpdate: true,
    });
    expect(await audits(rowId(created.id), "createTrajectory")).toHaveLength(1);
    const [event] = (await events("trajectory.changed")).filter((e) => e.entityId === rowId(created.id));
    expect(event!.payload).toEqual({ trajectoryId: created.id, sessionId: null, operation: "CREATED" });
  });

  it("refuses levels where they do not belong, a title taken in the kind, an offer ending before it starts, a fee without action or in another currency, and bad references", async () => {
    expect(await createErr({ kind: "LEADERSHIP" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.targetLevels" });
    expect(await createErr({ kind: "LEADERSHIP", targetLevels: [] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.targetLevels" });
    expect(await createErr({ kind: "WORK_ORGANISATION", targetLevels: ["FOREMAN"] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.targetLevels" });
    expect(await createErr({ kind: "LEARNING_NETWORK", targetLevels: ["FOREMAN"] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.targetLevels" });
    expect(await createErr({ offeredFrom: "2024-01-02", offeredUntil: "2024-01-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.offeredUntil" });
    expect(await createErr({ fee: { cents: 100 } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await createErr({ fee: { cents: 100, currency: "USD" }, actionId: fx.actions[1]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.fee.currency" });
    expect(await createErr({ fee: { cents: -1 }, actionId: fx.actions[1]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.fee.cents" });
    expect(await createErr({ partnerId: B[0]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partnerId" });
    expect(await createErr({ partnerId: globalId("Organisation", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partnerId" });
    expect(await createErr({ actionId: globalId("Action", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await createErr({ title: { nl: " " } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });

    // One title per kind, ignoring case; the same title in another kind is another trajectory.
    await create({ title: { nl: "Wendbaar werken" } });
    expect(await createErr({ title: { nl: "WENDBAAR werken" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    await create({ kind: "LEADERSHIP", title: { nl: "Wendbaar werken" }, targetLevels: ["GENERAL_DIRECTOR"] });
    // A free one needs no action, and nothing was written by the refusals.
    expect(await api.database.db.$count(trajectories)).toBe(3);

    expect(await createErr({}, memberOf(B[0]!))).toMatchObject({ code: "FORBIDDEN" });
    expect((await api.exec(CREATE, { input: { kind: "WORK_ORGANISATION", title: { nl: "Anoniem" }, offeredFrom: "2023-07-01" } })).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("updates only the fields given, keeping every rule on the result; audited, with an event", async () => {
    const leadership = await create({ kind: "LEADERSHIP", title: { nl: "Leiderschap" }, targetLevels: ["FOREMAN"], offeredUntil: "2024-12-31" });
    await create({ kind: "LEADERSHIP", title: { nl: "Zelfzorg voor algemeen directeurs" }, targetLevels: ["GENERAL_DIRECTOR"] });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE, { input: { id: leadership.id, ...input } }, { as: CONSULTANT });

    const levels = await api.ok(UPDATE, { input: { id: leadership.id, targetLevels: ["GENERAL_DIRECTOR", "MIDDLE_MANAGER"] } }, { as: CONSULTANT });
    expect(levels.updateTrajectory.trajectory).toMatchObject({ title: "Leiderschap", targetLevels: ["MIDDLE_MANAGER", "GENERAL_DIRECTOR"], offeredUntil: "2024-12-31" });
    expect(errorOf(await update({ targetLevels: [] }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.targetLevels" });
    expect(errorOf(await update({ targetLevels: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.targetLevels" });
    expect(errorOf(await update({ title: { nl: "zelfzorg voor ALGEMEEN directeurs" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(errorOf(await update({ title: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await update({ offeredFrom: "2025-01-01" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.offeredFrom" });
    expect(errorOf(await update({ offeredUntil: "2023-06-30" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.offeredUntil" });
    expect(errorOf(await update({ fee: { cents: 500 } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });

    const feed = await api.ok(UPDATE, { input: { id: leadership.id, fee: { cents: 500 }, actionId: fx.actions[2]!, offeredUntil: null } }, { as: CONSULTANT });
    expect(feed.updateTrajectory.trajectory).toMatchObject({
      fee: { cents: 500 },
      action: { number: 2 },
      offeredUntil: null,
      targetLevels: ["MIDDLE_MANAGER", "GENERAL_DIRECTOR"],
    });
    // The action goes only with the fee.
    expect(errorOf(await update({ actionId: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    const free = await api.ok(UPDATE, { input: { id: leadership.id, fee: null, actionId: null } }, { as: CONSULTANT });
    expect(free.updateTrajectory.trajectory).toMatchObject({ fee: { cents: 0 }, action: null });

    expect(await audits(rowId(leadership.id), "updateTrajectory")).toHaveLength(3);
    const changed = (await events("trajectory.changed")).filter((e) => e.entityId === rowId(leadership.id)).map((e) => e.payload);
    expect(changed).toContainEqual({ trajectoryId: leadership.id, sessionId: null, operation: "UPDATED" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("Trajectory", MISSING_UUID) } }, { as: CONSULTANT }))).toMatchObject({ code: "NOT_FOUND", field: "input.id" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: leadership.id } }, { as: memberOf(B[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
  });
  it("keeps every board's joining day within the offer when the offer changes", async () => {
    const iao = await create({ title: { nl: "IAO in de thuiszorg" }, offeredFrom: "2023-07-01", offeredUntil: "2024-12-31" });
    await join({ trajectoryId: iao.id, department: "thuiszorg", joinedOn: "2023-09-15" });
    await join({ trajectoryId: iao.id, boardId: B[1]!, department: "thuiszorg", joinedOn: "2024-03-01" });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE, { input: { id: iao.id, ...input } }, { as: CONSULTANT });
    expect(errorOf(await update({ offeredFrom: "2023-10-01" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.offeredFrom" });
    expect(errorOf(await update({ offeredUntil: "2024-02-29" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.offeredUntil" });
    // To the very days the boards joined: allowed.
    const narrowed = await api.ok(UPDATE, { input: { id: iao.id, offeredFrom: "2023-09-15", offeredUntil: "2024-03-01" } }, { as: CONSULTANT });
    expect(narrowed.updateTrajectory.trajectory).toMatchObject({ offeredFrom: "2023-09-15", offeredUntil: "2024-03-01" });
  });
});

describe("the trajectories list", () => {
  it("filters by kind, a search in any language, level, action, partner, a board taking part and a day of the offer", async () => {
    const a = await create({
      kind: "LEADERSHIP",
      title: { nl: "Coachend leidinggeven", fr: "Diriger en coach" },
      targetLevels: ["FOREMAN"],
      partnerId: fx.orgs.Excello!,
      actionId: fx.actions[2]!,
    });
    await create({ kind: "LEADERSHIP", title: { nl: "Strategisch leiderschap" }, targetLevels: ["GENERAL_DIRECTOR"], offeredFrom: "2024-01-01", offeredUntil: "2024-12-31" });
    const iao = await create({ title: { nl: "IAO thuiszorg" }, partnerId: fx.orgs.Workitects!, actionId: fx.actions[1]! });
    expect(await list({ kind: "LEADERSHIP" })).toEqual(["Coachend leidinggeven", "Strategisch leiderschap"]);
    expect(await list({ search: "coach" })).toEqual(["Coachend leidinggeven"]);
    expect(await list({ search: "diriger" })).toEqual(["Coachend leidinggeven"]);
    expect(await list({ search: "%" })).toEqual([]);
    expect(await list({ targetLevel: "GENERAL_DIRECTOR" })).toEqual(["Strategisch leiderschap"]);
    expect(await list({ actionId: fx.actions[1]! })).toEqual(["IAO thuiszorg"]);
    expect(await list({ partnerId: fx.orgs.Excello! })).toEqual(["Coachend leidinggeven"]);
    expect(await list({ offeredOn: "2023-12-31" })).toEqual(["Coachend leidinggeven", "IAO thuiszorg", LEARNING_NETWORK.title.nl]);
    expect(await list({ offeredOn: "2024-06-01", kind: "LEADERSHIP" })).toEqual(["Coachend leidinggeven", "Strategisch leiderschap"]);
    expect(await list({ offeredOn: "2025-01-01", kind: "LEADERSHIP" })).toEqual(["Coachend leidinggeven"]);

    // A board takes part while its participation counts today: one that withdrew no longer does.
    await join({ trajectoryId: a.id, boardId: B[1]!, joinedOn: "2024-01-01" });
    const left = await join({ trajectoryId: iao.id, boardId: B[1]!, department: "Thuiszorg", joinedOn: "2024-01-01" });
    expect(await list({ boardId: B[1]! })).toEqual(["Coachend leidinggeven", "IAO thuiszorg"]);
    await api.ok(WITHDRAW, { input: { participationId: left.id, withdrawnOn: "2024-06-01" } }, { as: CONSULTANT });
    expect(await list({ boardId: B[1]! })).toEqual(["Coachend leidinggeven"]);
    expect(await list({ boardId: B[2]! })).toEqual([]);

    expect(errorOf(await api.exec(LIST, { filter: { partnerId: B[0]! } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.partnerId" });
    expect(errorOf(await api.exec(LIST, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("orders by kind (leadership, IAO, learning network), then Dutch title, then id, paging with cursors", async () => {
    await create({ kind: "LEARNING_NETWORK", title: { nl: "Aaa netwerk" } });
    await create({ title: { nl: "Zzz IAO" } });
    await create({ title: { nl: "Bbb IAO" } });
    await create({ kind: "LEADERSHIP", title: { nl: "Yyy leiderschap" }, targetLevels: ["FOREMAN"] });
    await create({ kind: "LEADERSHIP", title: { nl: "Ccc leiderschap" }, targetLevels: ["FOREMAN"] });
    const expected = ["Ccc leiderschap", "Yyy leiderschap", "Bbb IAO", "Zzz IAO", "Aaa netwerk", LEARNING_NETWORK.title.nl];
    expect(await list({})).toEqual(expected);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const result: TrajectoryListQuery = await api.ok(LIST, { first: 2, after });
      expect(result.trajectories.totalCount).toBe(6);
      seen.push(...result.trajectories.edges.map((e) => e.node.title));
      if (!result.trajectories.pageInfo.hasNextPage) break;
      after = result.trajectories.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(expected);
    expect(errorOf(await api.exec(LIST, { after: "bm9wZQ" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("boards joining and withdrawing", () => {
  it("asks a department for IAO only, a day within the offer (today by default), and takes a board once; audited, with an event", async () => {
    const iao = await create({ title: { nl: "IAO" }, offeredFrom: "2023-07-01" });
    const network = await create({ kind: "LEARNING_NETWORK", title: { nl: "Netwerk" }, offeredFrom: "2023-07-01", offeredUntil: "2024-06-30" });
    expect(await joinErr({ trajectoryId: iao.id })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.department" });
    expect(await joinErr({ trajectoryId: iao.id, department: "  " })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.department" });
    expect(await joinErr({ trajectoryId: iao.id, department: "Groen\ndienst" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.department" });
    expect(await joinErr({ trajectoryId: network.id, department: "Groendienst", joinedOn: "2024-01-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.department" });
    expect(await joinErr({ trajectoryId: iao.id, department: "Groendienst", joinedOn: "2023-06-30" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.joinedOn" });
    expect(await joinErr({ trajectoryId: network.id, joinedOn: "2024-07-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.joinedOn" });
    // Today is after the network's offer.
    expect(await joinErr({ trajectoryId: network.id })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.joinedOn" });
    expect(await joinErr({ trajectoryId: iao.id, department: "Groendienst", boardId: globalId("Board", MISSING_UUID) })).toMatchObject({
      code: "NOT_FOUND",
      field: "input.boardId",
    });
    expect(await joinErr({ trajectoryId: globalId("Trajectory", MISSING_UUID) })).toMatchObject({ code: "NOT_FOUND", field: "input.trajectoryId" });

    const joined = await join({ trajectoryId: iao.id, department: " Groendienst " });
    expect(joined).toMatchObject({ department: "Groendienst", joinedOn: todayInBrussels(), withdrawnOn: null, board: { id: B[0] }, trajectory: { id: iao.id }, feeCharge: null });
    expect(await joinErr({ trajectoryId: iao.id, department: "GROENDIENST" })).toMatchObject({ code: "CONFLICT", field: "input.boardId" });
    const other = await join({ trajectoryId: iao.id, department: "Thuiszorg", joinedOn: "2023-07-01" });
    await join({ trajectoryId: network.id, boardId: B[1]!, joinedOn: "2024-06-30" });
    expect(await joinErr({ trajectoryId: network.id, boardId: B[1]!, joinedOn: "2024-01-01" })).toMatchObject({ code: "CONFLICT", field: "input.boardId" });

    // A board that withdrew does not rejoin: the unique index keeps its participation.
    await api.ok(WITHDRAW, { input: { participationId: other.id, withdrawnOn: "2024-01-01" } }, { as: CONSULTANT });
    const rejoin = await joinErr({ trajectoryId: iao.id, department: "thuiszorg", joinedOn: "2024-02-01" });
    expect(rejoin).toMatchObject({ code: "CONFLICT", field: "input.boardId" });
    expect(rejoin.message).toContain("withdrew");

    expect(await api.database.db.$count(trajectoryParticipations)).toBe(3);
    expect(await audits(rowId(joined.id), "joinTrajectory")).toHaveLength(1);
    const [event] = (await events("trajectory.participationChanged")).filter((e) => e.entityId === rowId(joined.id));
    expect(event!.payload).toEqual({ participationId: joined.id, trajectoryId: iao.id, boardId: B[0], status: "JOINED" });
    expect(errorOf(await api.exec(JOIN, { input: { trajectoryId: iao.id, boardId: B[0]!, department: "Schoonmaak" } }, { as: memberOf(B[0]!) }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("withdraws once, on or after the day the board joined (today by default); audited, with an event", async () => {
    const iao = await create({ title: { nl: "IAO" } });
    const p = await join({ trajectoryId: iao.id, department: "Groendienst", joinedOn: "2024-03-01" });
    const withdraw = (input: Record<string, unknown>) => api.exec(WITHDRAW, { input: { participationId: p.id, ...input } }, { as: CONSULTANT });
    expect(errorOf(await withdraw({ withdrawnOn: "2024-02-29" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.withdrawnOn" });
    expect(errorOf(await api.exec(WITHDRAW, { input: { participationId: p.id } }, { as: memberOf(B[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    const done = await withdraw({});
    expect(done.data?.withdrawFromTrajectory.participation).toMatchObject({ joinedOn: "2024-03-01", withdrawnOn: todayInBrussels() });
    expect(errorOf(await withdraw({ withdrawnOn: "2024-03-02" }))).toMatchObject({ code: "CONFLICT", field: "input.participationId" });
    expect(await audits(rowId(p.id), "withdrawFromTrajectory")).toHaveLength(1);
    const statuses = (await events("trajectory.participationChanged")).filter((e) => e.entityId === rowId(p.id)).map((e) => e.payload);
    expect(statuses).toEqual([
      { participationId: p.id, trajectoryId: iao.id, boardId: B[0], status: "JOINED" },
      { participationId: p.id, trajectoryId: iao.id, boardId: B[0], status: "WITHDRAWN" },
    ]);
    expect(errorOf(await api.exec(WITHDRAW, { input: { participationId: globalId("TrajectoryParticipation", MISSING_UUID) } }, { as: CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists a trajectory's boards by name, withdrawn ones included, with pages", async () => {
    const iao = await create({ title: { nl: "IAO" } });
    for (const [i, board] of [B[3]!, B[1]!, B[2]!].entries()) await join({ trajectoryId: iao.id, boardId: board, department: `Dienst ${i}`, joinedOn: "2024-01-01" });
    const gone = await join({ trajectoryId: iao.id, boardId: B[0]!, department: "Dienst x", joinedOn: "2024-01-01" });
    await api.ok(WITHDRAW, { input: { participationId: gone.id, withdrawnOn: "2024-02-01" } }, { as: CONSULTANT });
    const names = (await api.database.db.select({ name: boards.name }).from(boards).orderBy(boards.name)).map((b) => b.name);
    const first = await api.ok(PARTICIPATIONS, { id: iao.id, first: 3 });
    expect(first.trajectory!.participations.totalCount).toBe(4);
    expect(first.trajectory!.participations.edges.map((e) => e.node.board.name)).toEqual(names.slice(0, 3));
    expect(first.trajectory!.participations.edges[0]!.node.withdrawnOn).toBe("2024-02-01");
    const rest = await api.ok(PARTICIPATIONS, { id: iao.id, first: 3, after: first.trajectory!.participations.pageInfo.endCursor });
    expect(rest.trajectory!.participations.edges.map((e) => e.node.board.name)).toEqual([names[3]]);
    expect(rest.trajectory!.participations.pageInfo.hasNextPage).toBe(false);
  });
});

describe("the participation fee", () => {
  const ledger = (boardGlobalId: string) =>
    api.database.db
      .select()
      .from(coFinancingEntries)
      .where(eq(coFinancingEntries.boardId, rowId(boardGlobalId)))
      .orderBy(coFinancingEntries.createdAt);
  const totals = async (boardGlobalId: string) => {
    const data = await api.ok(CO_FINANCING, { id: fx.agreementId, boardId: boardGlobalId }, { as: CONSULTANT });
    if (data.node?.__typename !== "FundingAgreement") throw new Error("not an agreement");
    return data.node.coFinancing.totals;
  };

  it("is charged in the action's agreement when a board joins, dated the day it joined, readable by those who read the board's co-financing", async () => {
    const iao = await create({ title: { nl: "IAO met prijs" }, actionId: fx.actions[1]!, fee: { cents: 12_500 } });
    const p = await join({ trajectoryId: iao.id, boardId: B[2]!, department: "Groendienst", joinedOn: "2024-03-01" });
    const [charge] = await ledger(B[2]!);
    expect(charge).toMatchObject({
      agreementId: rowId(fx.agreementId),
      actionId: rowId(fx.actions[1]!),
      kind: "PARTICIPATION_FEE",
      entryType: "CHARGE",
      amountCents: 12_500,
      currency: "EUR",
      entryDate: "2024-03-01",
      recordedBy: "consultant-1",
      reversesId: null,
    });
    const [row] = await api.database.db
      .select()
      .from(trajectoryParticipations)
      .where(eq(trajectoryParticipations.id, rowId(p.id)));
    expect(row!.feeChargeId).toBe(charge!.id);
    expect(p.feeCharge).toEqual({ id: globalId("CoFinancingEntry", charge!.id), amount: { cents: 12_500 } });
    expect(await totals(B[2]!)).toEqual({ charged: { cents: 12_500 }, paid: { cents: 0 }, outstanding: { cents: 12_500 } });

    // The charge is the board's co-financing: its own members and the editors read it, no one else.
    const read = async (as?: Actor) => (await api.ok(PARTICIPATION, { id: p.id }, as ? { as } : {})).node;
    expect(await read(CONSULTANT)).toMatchObject({
      feeCharge: { kind: "PARTICIPATION_FEE", type: "CHARGE", amount: { cents: 12_500, currency: "EUR" }, date: "2024-03-01", board: { id: B[2] }, action: { number: 1 } },
    });
    expect(await read(memberOf(B[2]!))).toMatchObject({ feeCharge: { id: globalId("CoFinancingEntry", charge!.id) } });
    expect(await read(memberOf(B[1]!))).toMatchObject({ department: "Groendienst", feeCharge: null });
    expect(await read()).toMatchObject({ department: "Groendienst", feeCharge: null });

    expect(await audits(charge!.id, "chargeParticipationFee")).toHaveLength(1);
    const [recorded] = (await events("coFinancing.recorded")).filter((e) => e.entityId === charge!.id);
    expect(recorded!.payload).toMatchObject({ entryId: globalId("CoFinancingEntry", charge!.id), boardId: B[2], kind: "PARTICIPATION_FEE", type: "CHARGE", amountCents: 12_500 });
    // The participation's own event carries no fee.
    const [joined] = (await events("trajectory.participationChanged")).filter((e) => e.entityId === rowId(p.id));
    expect(Object.keys(joined!.payload as object).sort()).toEqual(["boardId", "participationId", "status", "trajectoryId"]);
  });

  it("refuses the join, writing nothing, when the agreement is closed or the day is outside its ledger", async () => {
    const iao = await create({ title: { nl: "IAO met prijs" }, actionId: fx.actions[1]!, fee: { cents: 5_000 } });
    // The addendum's ledger takes entries until the end of its period (no reporting window).
    const late = await joinErr({ trajectoryId: iao.id, department: "Groendienst", joinedOn: "2025-07-01" });
    expect(late).toMatchObject({ code: "CONFLICT", field: "input.trajectoryId" });
    expect(late.message).toContain("cannot be charged on 2025-07-01");
    // No entry above the agreement's maximum, as the ledger keeps for any entry.
    await api.database.db
      .update(fundingAgreements)
      .set({ maxAmountCents: 4_999 })
      .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
    expect(await joinErr({ trajectoryId: iao.id, department: "Groendienst", joinedOn: "2024-01-01" })).toMatchObject({ code: "CONFLICT", field: "input.trajectoryId" });
    await api.database.db
      .update(fundingAgreements)
      .set({ maxAmountCents: 40_000_000 })
      .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
    await api.database.db
      .update(fundingAgreements)
      .set({ status: "CLOSED" })
      .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
    expect(await joinErr({ trajectoryId: iao.id, department: "Groendienst", joinedOn: "2024-01-01" })).toMatchObject({ code: "CONFLICT", field: "input.trajectoryId" });
    expect(await api.database.db.$count(trajectoryParticipations)).toBe(0);
    expect(await api.database.db.$count(coFinancingEntries)).toBe(0);
    expect((await events("trajectory.participationChanged")).length).toBe(0);
    // A free trajectory asks nothing of the ledger.
    const free = await create({ title: { nl: "Gratis IAO" } });
    await join({ trajectoryId: free.id, department: "Groendienst", joinedOn: "2024-01-01" });
  });

  it("is reversed when the board withdraws while it is unpaid; a paid one stays", async () => {
    const iao = await create({ title: { nl: "IAO met prijs" }, actionId: fx.actions[1]!, fee: { cents: 8_000 } });
    const unpaid = await join({ trajectoryId: iao.id, boardId: B[1]!, department: "Groendienst", joinedOn: "2024-03-01" });
    const paid = await join({ trajectoryId: iao.id, boardId: B[2]!, department: "Groendienst", joinedOn: "2024-03-01" });
    const [paidCharge] = await ledger(B[2]!);
    await api.ok(
      RECORD_PAYMENT,
      {
        input: {
          agreementId: fx.agreementId,
          boardId: B[2]!,
          actionId: fx.actions[1]!,
          kind: "PARTICIPATION_FEE",
          type: "PAYMENT",
          amount: { cents: 3_000 },
          date: "2024-04-01",
          chargeId: globalId("CoFinancingEntry", paidCharge!.id),
        },
      },
      { as: CONSULTANT },
    );

    await api.ok(WITHDRAW, { input: { participationId: unpaid.id, withdrawnOn: "2024-05-01" } }, { as: CONSULTANT });
    const [charge, reversal] = await ledger(B[1]!);
    expect(reversal).toMatchObject({ reversesId: charge!.id, amountCents: 8_000, entryType: "CHARGE", kind: "PARTICIPATION_FEE", entryDate: "2024-03-01" });
    expect(await totals(B[1]!)).toEqual({ charged: { cents: 0 }, paid: { cents: 0 }, outstanding: { cents: 0 } });
    expect(await audits(reversal!.id, "reverseParticipationFee")).toHaveLength(1);

    await api.ok(WITHDRAW, { input: { participationId: paid.id, withdrawnOn: "2024-05-01" } }, { as: CONSULTANT });
    const paidLedger = await ledger(B[2]!);
    expect(paidLedger.filter((e) => e.reversesId !== null)).toHaveLength(0);
    expect(await totals(B[2]!)).toEqual({ charged: { cents: 8_000 }, paid: { cents: 3_000 }, outstanding: { cents: 5_000 } });
    const reversals = await api.database.db.select().from(coFinancingEntries).where(isNotNull(coFinancingEntries.reversesId));
    expect(reversals).toHaveLength(1);
  });

  it("leaves the withdrawal undone when the agreement closed meanwhile: the ledger of a closed agreement does not change", async () => {
    const iao = await create({ title: { nl: "IAO met prijs" }, actionId: fx.actions[1]!, fee: { cents: 8_000 } });
    const p = await join({ trajectoryId: iao.id, department: "Groendienst", joinedOn: "2024-03-01" });
    await api.database.db
      .update(fundingAgreements)
      .set({ status: "CLOSED" })
      .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
    expect(errorOf(await api.exec(WITHDRAW, { input: { participationId: p.id, withdrawnOn: "2024-04-01" } }, { as: CONSULTANT }))).toMatchObject({ code: "CONFLICT" });
    const [row] = await api.database.db
      .select()
      .from(trajectoryParticipations)
      .where(eq(trajectoryParticipations.id, rowId(p.id)));
    expect(row!.withdrawnOn).toBeNull();
  });
});

describe("trajectory sessions", () => {
  const at = (iso: string) => new Date(iso).toISOString();

  it("are created online or in a province, ending after they start, with a host board; audited, with an event", async () => {
    const t = await create({ title: { nl: "IAO" } });
    const input = { trajectoryId: t.id, startsAt: at("2024-05-03T08:00:00Z"), endsAt: at("2024-05-03T11:00:00Z") };
    const err = async (extra: Record<string, unknown>) => errorOf(await api.exec(CREATE_SESSION, { input: { ...input, ...extra } }, { as: CONSULTANT }));
    expect(await err({})).toMatchObject({ code: "BAD_USER_INPUT", field: "input.province" });
    expect(await err({ online: true, endsAt: input.startsAt })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsAt" });
    expect(await err({ online: true, hostBoardId: fx.orgs.Excello! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostBoardId" });
    expect(await err({ online: true, trajectoryId: globalId("Trajectory", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.trajectoryId" });
    expect(errorOf(await api.exec(CREATE_SESSION, { input: { ...input, online: true } }, { as: memberOf(B[0]!) }))).toMatchObject({ code: "FORBIDDEN" });

    const created = (await api.ok(CREATE_SESSION, { input: { ...input, province: "LIMBURG", place: "Hasselt", hostBoardId: B[0]! } }, { as: CONSULTANT })).createTrajectorySession
      .session;
    expect(created).toMatchObject({ online: false, province: "LIMBURG", place: "Hasselt", hostBoard: { id: B[0] }, trajectory: { id: t.id } });
    const update = (extra: Record<string, unknown>) => api.exec(UPDATE_SESSION, { input: { id: created.id, ...extra } }, { as: CONSULTANT });
    expect(errorOf(await update({ province: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.province" });
    expect(errorOf(await update({ startsAt: at("2024-05-03T12:00:00Z") }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.startsAt" });
    const moved = await update({ online: true, province: null, hostBoardId: null });
    expect(moved.data?.updateTrajectorySession.session).toMatchObject({ online: true, province: null, place: "Hasselt", hostBoard: null, startsAt: new Date(input.startsAt) });

    const NODES = graphql(`
      query TrajectoryNodes($t: ID!, $s: ID!) {
        t: node(id: $t) { __typename ... on Trajectory { title(locale: NL) } }
        s: node(id: $s) { __typename ... on TrajectorySession { online trajectory { id } } }
      }
    `);
    expect(await api.ok(NODES, { t: t.id, s: created.id })).toEqual({
      t: { __typename: "Trajectory", title: "IAO" },
      s: { __typename: "TrajectorySession", online: true, trajectory: { id: t.id } },
    });

    const sessionRow = rowId(created.id);
    expect((await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, sessionRow)).orderBy(auditLog.createdAt)).map((a) => a.operation)).toEqual([
      "createTrajectorySession",
      "updateTrajectorySession",
    ]);
    const payloads = (await events("trajectory.changed")).filter((e) => e.entityId === rowId(t.id)).map((e) => e.payload);
    expect(payloads).toContainEqual({ trajectoryId: t.id, sessionId: created.id, operation: "CREATED" });
    expect(payloads).toContainEqual({ trajectoryId: t.id, sessionId: created.id, operation: "UPDATED" });
  });

  it("are listed by start with pages", async () => {
    const t = await create({ title: { nl: "IAO" } });
    for (const day of [5, 3, 4]) {
      await api.ok(
        CREATE_SESSION,
        { input: { trajectoryId: t.id, startsAt: at(`2024-05-0${day}T08:00:00Z`), endsAt: at(`2024-05-0${day}T09:00:00Z`), online: true } },
        { as: CONSULTANT },
      );
    }
    const first = await api.ok(SESSIONS, { id: t.id, first: 2 });
    expect(first.trajectory!.sessions.totalCount).toBe(3);
    expect(first.trajectory!.sessions.edges.map((e) => new Date(e.node.startsAt as string).getUTCDate())).toEqual([3, 4]);
    const rest = await api.ok(SESSIONS, { id: t.id, first: 2, after: first.trajectory!.sessions.pageInfo.endCursor });
    expect(rest.trajectory!.sessions.edges.map((e) => new Date(e.node.startsAt as string).getUTCDate())).toEqual([5]);
  });
});

describe("the metrics funding measures", () => {
  const MEASURES = graphql(`
    query TrajectoryMeasures {
      fundingAgreements { edges { node { commitments { number kind target { __typename ... on MeasuredTarget { measures { metric { key hasSource } currentValue breakdown { label value } } } } } } } }
    }
  `);
  async function measures() {
    const data = await api.ok(MEASURES, {}, { as: CONSULTANT });
    const byKey = new Map<string, { currentValue: number; breakdown: { label: string; value: number }[] }>();
    for (const c of data.fundingAgreements.edges[0]!.node.commitments) {
      if (c.target.__typename !== "MeasuredTarget") continue;
      for (const m of c.target.measures) byKey.set(m.metric.key, m);
    }
    return byKey;
  }

  it("count leadership trajectories offered within the addendum's period per level, IAO departments and boards, and the learning network's boards", async () => {
    const levels = (from: string, until: string | null, targetLevels: CreateTrajectoryInput["targetLevels"], title: string) =>
      create({ kind: "LEADERSHIP", title: { nl: title }, targetLevels, offeredFrom: from, offeredUntil: until });
    await levels("2023-09-01", "2024-06-30", ["FOREMAN", "TEAM_LEADER"], "Ploegbazen");
    await levels("2022-01-01", "2023-06-30", ["GENERAL_DIRECTOR"], "Voor de periode");
    await levels("2025-06-30", null, ["TEAM_LEADER", "MANAGEMENT_TEAM"], "Op de laatste dag");
    await levels("2025-07-01", null, ["DEPARTMENT_HEAD"], "Na de periode");

    const iao = await create({ title: { nl: "IAO" }, offeredFrom: "2023-01-01" });
    const j = (boardId: string, department: string, joinedOn: string) => join({ trajectoryId: iao.id, boardId, department, joinedOn });
    await j(B[0]!, "Groendienst", "2023-08-01");
    await j(B[1]!, "GROENDIENST", "2024-01-01");
    const sameDay = await j(B[1]!, "Thuiszorg", "2024-02-01");
    await api.ok(WITHDRAW, { input: { participationId: sameDay.id, withdrawnOn: "2024-02-01" } }, { as: CONSULTANT });
    await j(B[2]!, "Thuiszorg", "2025-07-15");
    const before = await j(B[3]!, "Personeelsdienst", "2023-02-01");
    await api.ok(WITHDRAW, { input: { participationId: before.id, withdrawnOn: "2023-07-01" } }, { as: CONSULTANT });
    const lastDay = await j(B[4]!, "Schoonmaak", "2023-02-01");
    await api.ok(WITHDRAW, { input: { participationId: lastDay.id, withdrawnOn: "2023-07-02" } }, { as: CONSULTANT });

    const [network] = (await api.ok(LIST, { filter: { kind: "LEARNING_NETWORK" } })).trajectories.edges;
    await join({ trajectoryId: network!.node.id, boardId: B[0]!, joinedOn: "2023-09-01" });
    await join({ trajectoryId: network!.node.id, boardId: B[5]!, joinedOn: "2025-06-30" });
    await join({ trajectoryId: network!.node.id, boardId: B[6]!, joinedOn: "2025-07-01" });

    const m = await measures();
    expect(m.get("leadership.distinctTrajectories")).toMatchObject({
      metric: { hasSource: true },
      currentValue: 2,
      breakdown: [
        { label: "FOREMAN", value: 1 },
        { label: "TEAM_LEADER", value: 2 },
        { label: "MIDDLE_MANAGER", value: 0 },
        { label: "DEPARTMENT_HEAD", value: 0 },
        { label: "MANAGEMENT_TEAM", value: 1 },
        { label: "GENERAL_DIRECTOR", value: 0 },
      ],
    });
    expect(m.get("iao.departments")).toMatchObject({
      currentValue: 2,
      breakdown: [
        { label: "Groendienst", value: 2 },
        { label: "Schoonmaak", value: 1 },
      ],
    });
    expect(m.get("iao.boardsReached")).toMatchObject({ currentValue: 3 });
    expect(m.get("elearning.networkBoards")).toMatchObject({ currentValue: 2 });

    // A board's own scope, and scopes measured together, count what each counts alone.
    const { db } = api.database;
    const period = { start: "2023-07-01", end: "2025-06-30" };
    expect(await measureMetric(db, "iao.boardsReached", { ...period, boardId: rowId(B[1]!) })).toBe(1);
    expect(await measureMetric(db, "iao.departments", { ...period, boardId: rowId(B[2]!) })).toBe(0);
    expect(await measureMetric(db, "leadership.distinctTrajectories", { ...period, boardId: rowId(B[0]!) })).toBe(0);
    const scopes = [period, { start: "2025-07-01", end: "2025-12-31" }, { ...period, boardId: rowId(B[0]!) }, { start: "2023-07-01", end: "2023-07-01" }];
    for (const key of ["leadership.distinctTrajectories", "iao.departments", "iao.boardsReached", "elearning.networkBoards"]) {
      const together = await Promise.all(scopes.map((scope) => measureMetric(db, key, scope)));
      const alone: number[] = [];
      for (const scope of scopes) alone.push(await measureMetric(db, key, scope));
      expect(together, key).toEqual(alone);
    }
    // One statement per source (and per breakdown) for every scope measured together.
    let executed = 0;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "execute") return Reflect.get(target, property, receiver);
        return (...args: Parameters<typeof db.execute>) => {
          executed++;
          return target.execute(...args);
        };
      },
    });
    const keys = ["leadership.distinctTrajectories", "iao.departments", "iao.boardsReached", "elearning.networkBoards"];
    const values = await Promise.all(keys.flatMap((key) => scopes.map((scope) => measureMetric(counting, key, scope))));
    expect(values.slice(0, scopes.length)).toEqual(await Promise.all(scopes.map((scope) => measureMetric(db, keys[0]!, scope))));
    expect(executed).toBe(keys.length);
    executed = 0;
    const parts = await Promise.all(["leadership.distinctTrajectories", "iao.departments"].flatMap((key) => scopes.map((scope) => measureBreakdown(counting, key, scope))));
    expect(executed).toBe(2);
    expect(parts[0]).toHaveLength(6);
    expect(parts[scopes.length]).toEqual([
      { label: "Groendienst", value: 2 },
      { label: "Schoonmaak", value: 1 },
    ]);
    expect(await measureMetric(db, "iao.boardsReached", { start: "2025-07-01", end: "2025-12-31" })).toBe(3);
    expect(await measureMetric(db, "leadership.distinctTrajectories", { start: "2025-07-01", end: "2025-12-31" })).toBe(2);
    // On the period's first day only the participation withdrawn on the second counted: withdrawnOn is the first day it no longer counts.
    expect(await measureMetric(db, "iao.departments", { start: "2023-07-01", end: "2023-07-01" })).toBe(1);
    expect(await measureMetric(db, "iao.boardsReached", { start: "2023-07-01", end: "2023-07-01", boardId: rowId(B[4]!) })).toBe(1);
    expect(await measureMetric(db, "iao.boardsReached", { start: "2023-07-01", end: "2023-07-01", boardId: rowId(B[3]!) })).toBe(0);
  });
});

describe("statement budget", () => {
  const DEEP = graphql(`
    query TrajectoryDeep {
      trajectories(first: 100) {
        totalCount
        edges { node { title partner { name } action { number } fee { cents } participations { totalCount edges { node { department board { name } feeCharge { amount { cents } } } } } sessions { totalCount edges { node { startsAt hostBoard { name } trajectory { title } } } } } }
      }
    }
  `);

  it("costs the same statements for 5 trajectories as for 50, with their boards, charges and sessions", async () => {
    let made = 0;
    async function grow(to: number) {
      for (; made < to; made++) {
        const t = await create({
          title: { nl: `IAO ${String(made).padStart(2, "0")}` },
          partnerId: made % 2 ? fx.orgs.Workitects! : null,
          actionId: fx.actions[1]!,
          fee: { cents: made % 3 ? 1_000 : 0 },
        });
        for (let b = 0; b < (made % 3) + 1; b++) await join({ trajectoryId: t.id, boardId: B[b]!, department: `Dienst ${b}`, joinedOn: "2024-01-01" });
        for (let s = 0; s < made % 3; s++) {
          await api.ok(
            CREATE_SESSION,
            {
              input: {
                trajectoryId: t.id,
                startsAt: new Date(Date.UTC(2024, 4, 1 + s, 8)).toISOString(),
                endsAt: new Date(Date.UTC(2024, 4, 1 + s, 9)).toISOString(),
                online: true,
                hostBoardId: s % 2 ? null : B[s]!,
              },
            },
            { as: CONSULTANT },
          );
        }
      }
    }
    const read = async () => {
      const result = await api.exec(DEEP, {}, { as: CONSULTANT });
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, trajectories: result.data!.trajectories.edges.map((e) => e.node) };
    };
    // Five trajectories (with the seeded one) already use every kind of reference: partners, charges, host boards.
    await grow(4);
    const small = await read();
    expect(small.trajectories).toHaveLength(5);
    expect(small.trajectories.flatMap((t) => t.participations.edges).some((e) => e.node.feeCharge?.amount.cents === 1_000)).toBe(true);
    await grow(49);
    const large = await read();
    expect(large.trajectories).toHaveLength(50);
    expect(large.trajectories.flatMap((t) => t.participations.edges).length).toBeGreaterThan(90);
    expect(large.statements).toBe(small.statements);
    // The list and its count, partners, actions, a page and a total of participations and of sessions, charges with their agreements, host boards, sessions' trajectories.
    expect(small.statements).toBeLessThanOrEqual(12);
    expect(await api.database.db.$count(coFinancingEntries, inArray(coFinancingEntries.amountCents, [1_000]))).toBeGreaterThan(30);
  });
});
