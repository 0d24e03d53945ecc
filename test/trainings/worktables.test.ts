// The HRM worktables of action 8: groups by year, province and title; meetings planned in their
// group's year (at most 24 a group, one a day), moved while planned, recorded as held on or after
// their day with the boards that attended, cancelled, and their material sent; the tally of
// meetings held per calendar year and the metric `worktables.meetingsHeld` that action 8's effort
// commitment and result commitment 4 measure, through the funding agreement and its settlement.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { worktableAttendance, worktableGroups, worktableMeetings } from "../../db/schema/programme.js";
import { measureBreakdown, measureMetric, registerMetricSource } from "../../schema/shared/metrics.js";
import type { CreateWorktableGroupInput, PlanWorktableMeetingInput, WorktableGroupsPageQuery, WorktableMeetingFilter, WorktableMeetingsPageQuery } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
/** Row ids of a few seeded boards, by name order. */
let boardRows: { id: string; name: string }[];
const board = (i: number) => globalId("Board", boardRows[i]!.id);
const unregister: (() => void)[] = [];

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["M&L Management", "Unia"], boards: [] });
  boardRows = await api.database.db.select({ id: boards.id, name: boards.name }).from(boards).orderBy(boards.name).limit(12);
  expect(boardRows.length).toBeGreaterThanOrEqual(6);
});
afterEach(() => {
  for (const undo of unregister.splice(0)) undo();
});

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };

const CREATE_GROUP = graphql(`
  mutation WorktableCreateGroup($input: CreateWorktableGroupInput!) {
    createWorktableGroup(input: $input) { group { id title(locale: NL) titleTranslations { nl fr en } province year partner { id } action { id number } viewerCanUpdate meetings { id } } }
  }
`);
const UPDATE_GROUP = graphql(`
  mutation WorktableUpdateGroup($input: UpdateWorktableGroupInput!) {
    updateWorktableGroup(input: $input) { group { id title(locale: NL) province year partner { id } action { id } } }
  }
`);
const GROUPS = graphql(`
  query WorktableGroupsPage($first: Int, $after: String, $filter: WorktableGroupFilter) {
    worktableGroups(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) province year viewerCanUpdate meetings { id date status } } }
    }
  }
`);
const PLAN = graphql(`
  mutation WorktablePlan($input: PlanWorktableMeetingInput!) {
    planWorktableMeeting(input: $input) { meeting { id date province status hostBoard { id } group { id } attendingBoards { id } material materialSentAt viewerCanUpdate } }
  }
`);
const UPDATE_MEETING = graphql(`
  mutation WorktableUpdateMeeting($input: UpdateWorktableMeetingInput!) {
    updateWorktableMeeting(input: $input) { meeting { id date province status hostBoard { id } } }
  }
`);
const HELD = graphql(`
  mutation WorktableHeld($input: RecordWorktableMeetingHeldInput!) {
    recordWorktableMeetingHeld(input: $input) { meeting { id status attendingBoards { id name } } }
  }
`);
const CANCEL = graphql(`
  mutation WorktableCancel($id: ID!) { cancelWorktableMeeting(id: $id) { meeting { id status } } }
`);
const MATERIAL = graphql(`
  mutation WorktableMaterial($input: SendWorktableMaterialInput!) {
    sendWorktableMaterial(input: $input) { meeting { id status material materialSentAt } }
  }
`);
const MEETINGS = graphql(`
  query WorktableMeetingsPage($first: Int, $after: String, $filter: WorktableMeetingFilter) {
    worktableMeetings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id date status province } }
    }
  }
`);
const TALLY = graphql(`
  query WorktableTally($period: PeriodInput!) { worktableMeetingsHeld(period: $period) { start end held byYear { year count } } }
`);
const NODE = graphql(`
  query WorktableNode($id: ID!) { node(id: $id) { __typename id ... on WorktableMeeting { date group { id } } ... on WorktableGroup { year } } }
`);

const as = { as: CONSULTANT };

async function createGroup(input: Partial<CreateWorktableGroupInput> = {}) {
  const data = await api.ok(CREATE_GROUP, { input: { title: { nl: "Werktafel Limburg" }, province: "LIMBURG", year: 2024, ...input } }, as);
  return data.createWorktableGroup.group;
}

async function plan(groupId: string, date: string, input: Partial<PlanWorktableMeetingInput> = {}) {
  const data = await api.ok(PLAN, { input: { groupId, date, ...input } }, as);
  return data.planWorktableMeeting.meeting;
}

const held = (id: string, attendingBoardIds: string[]) => api.exec(HELD, { input: { id, attendingBoardIds } }, as);

/** Meetings written straight into the table (for sizes and counts the API's rules are tested on elsewhere). */
async function insertMeetings(groupGlobalId: string, rows: { date: string; status?: "PLANNED" | "HELD" | "CANCELLED"; host?: number; attended?: number[] }[]) {
  const { db } = api.database;
  const ids: string[] = [];
  for (const row of rows) {
    const [m] = await db
      .insert(worktableMeetings)
      .values({
        groupId: rowId(groupGlobalId),
        meetingDate: row.date,
        province: "LIMBURG",
        status: row.status ?? "HELD",
        hostBoardId: row.host === undefined ? null : boardRows[row.host]!.id,
      })
      .returning();
    if (row.attended?.length) await db.insert(worktableAttendance).values(row.attended.map((i) => ({ meetingId: m!.id, boardId: boardRows[i]!.id })));
    ids.push(m!.id);
  }
  return ids;
}

async function auditOf(entityId: string, operation: string) {
  return (
    api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.operation, operation)))
      // In the order written: the rows' places in the table follow no order once it has been emptied and refilled.
      .orderBy(auditLog.createdAt, auditLog.id)
  );
}

async function eventsOf(entityId: string) {
  const rows = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, entityId)).orderBy(domainEvents.position);
  return rows.map((e) => [e.name, e.payload]);
}

/** The Brussels day `days` after today. */
function brusselsDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
}

describe("groups", () => {
  it("creates a group with its partner and action, audited, with a worktable.changed event", async () => {
    const group = await createGroup({
      title: { nl: "  Werktafel Antwerpen ", en: "Antwerp table" },
      province: "ANTWERP",
      year: 2023,
      partnerId: fx.orgs["M&L Management"]!,
      actionId: fx.actions[8]!,
    });
    expect(group).toMatchObject({
      title: "Werktafel Antwerpen",
      titleTranslations: { nl: "Werktafel Antwerpen", en: "Antwerp table", fr: null },
      province: "ANTWERP",
      year: 2023,
      partner: { id: fx.orgs["M&L Management"] },
      action: { id: fx.actions[8], number: 8 },
      viewerCanUpdate: true,
      meetings: [],
    });
    const id = rowId(group.id);
    expect(await auditOf(id, "createWorktableGroup")).toEqual([expect.objectContaining({ actorRole: "CONSULTANT", entityType: "WorktableGroup" })]);
    expect(await eventsOf(id)).toEqual([["worktable.changed", { groupId: group.id, meetingId: null, status: null, attendingBoards: null, operation: "CREATED" }]]);
    const node = await api.ok(NODE, { id: group.id });
    expect(node.node).toMatchObject({ __typename: "WorktableGroup", year: 2023 });
  });

  it("refuses bad input naming the field", async () => {
    const bad = async (input: Partial<CreateWorktableGroupInput>) =>
      errorOf(await api.exec(CREATE_GROUP, { input: { title: { nl: "Titel" }, province: "LIMBURG", year: 2024, ...input } }, as));
    expect(await bad({ title: { nl: " " } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ year: 1899 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.year" });
    expect(await bad({ year: 2200 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.year" });
    expect(await bad({ partnerId: board(0) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partnerId" });
    expect(await bad({ partnerId: globalId("Organisation", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partnerId" });
    expect(await bad({ actionId: globalId("Action", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await bad({ actionId: fx.orgs.Unia! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await api.database.db.$count(worktableGroups)).toBe(0);
    // 1900 and 2199 are the edges, both allowed.
    expect((await createGroup({ year: 1900 })).year).toBe(1900);
    expect((await createGroup({ year: 2199 })).year).toBe(2199);
  });

  it("updates only the fields given; refuses a new year while the group has meetings outside it", async () => {
    const group = await createGroup({ partnerId: fx.orgs["M&L Management"]!, actionId: fx.actions[8]! });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE_GROUP, { input: { id: group.id, ...input } }, as);
    expect((await update({ province: "ANTWERP" })).data?.updateWorktableGroup.group).toMatchObject({
      title: "Werktafel Limburg",
      province: "ANTWERP",
      year: 2024,
      partner: { id: fx.orgs["M&L Management"] },
    });
    expect((await update({ partnerId: null, actionId: null })).data?.updateWorktableGroup.group).toMatchObject({ partner: null, action: null, province: "ANTWERP" });
    expect(errorOf(await update({ title: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await update({ year: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.year" });
    expect(errorOf(await update({ year: 1800 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.year" });
    expect(errorOf(await api.exec(UPDATE_GROUP, { input: { id: globalId("WorktableGroup", MISSING_UUID), year: 2024 } }, as))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });

    // Without meetings, the year moves freely; with one (even cancelled) outside the new year, not.
    expect((await update({ year: 2025 })).data?.updateWorktableGroup.group.year).toBe(2025);
    const meeting = await plan(group.id, "2025-03-10");
    expect(errorOf(await update({ year: 2024 }))).toMatchObject({ code: "CONFLICT", field: "input.year" });
    await api.ok(CANCEL, { id: meeting.id }, as);
    expect(errorOf(await update({ year: 2024 }))).toMatchObject({ code: "CONFLICT", field: "input.year" });
    // The same year again is no change of year.
    expect((await update({ year: 2025, title: { nl: "Werktafel Limburg 2025" } })).data?.updateWorktableGroup.group).toMatchObject({ year: 2025, title: "Werktafel Limburg 2025" });

    const id = rowId(group.id);
    expect(await auditOf(id, "updateWorktableGroup")).toHaveLength(4);
    const operations = (await eventsOf(id)).map(([, payload]) => (payload as { operation: string }).operation);
    expect(operations).toEqual(["CREATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED"]);
  });

  it("lists by year, province and Dutch title, filtered by year and province, and pages", async () => {
    const made = [
      await createGroup({ title: { nl: "Beta" }, province: "LIMBURG", year: 2024 }),
      await createGroup({ title: { nl: "Alfa" }, province: "LIMBURG", year: 2024 }),
      await createGroup({ title: { nl: "Zeta" }, province: "ANTWERP", year: 2024 }),
      await createGroup({ title: { nl: "Gamma" }, province: "WEST_FLANDERS", year: 2023 }),
      await createGroup({ title: { nl: "Alfa" }, province: "EAST_FLANDERS", year: 2024 }),
    ];
    const [beta, alfa, zeta, gamma, alfaEast] = made.map((g) => g.id);
    const ids = (data: { worktableGroups: { edges: { node: { id: string } }[] } }) => data.worktableGroups.edges.map((e) => e.node.id);
    expect(ids(await api.ok(GROUPS, { first: 100 }))).toEqual([gamma, zeta, alfaEast, alfa, beta]);
    expect(ids(await api.ok(GROUPS, { filter: { year: 2024 } }))).toEqual([zeta, alfaEast, alfa, beta]);
    expect(ids(await api.ok(GROUPS, { filter: { year: 2024, province: "LIMBURG" } }))).toEqual([alfa, beta]);
    expect(ids(await api.ok(GROUPS, { filter: { province: "WEST_FLANDERS" } }))).toEqual([gamma]);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: WorktableGroupsPageQuery = await api.ok(GROUPS, { first: 2, after });
      expect(data.worktableGroups.totalCount).toBe(5);
      seen.push(...ids(data));
      if (!data.worktableGroups.pageInfo.hasNextPage) break;
      after = data.worktableGroups.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual([gamma, zeta, alfaEast, alfa, beta]);
    // The public reads them, and may not change them.
    expect((await api.ok(GROUPS, {})).worktableGroups.edges.every((e) => e.node.viewerCanUpdate === false)).toBe(true);
    expect(errorOf(await api.exec(GROUPS, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(GROUPS, { after: "bm9wZQ" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const forged = Buffer.from(JSON.stringify(["not a key", MISSING_UUID])).toString("base64url");
    expect((await api.exec(GROUPS, { after: forged })).errors).toBeUndefined();
  });
});

describe("planning and moving meetings", () => {
  it("plans a meeting in the group's year, in its province unless another is given, audited, with an event", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-02-05", { hostBoardId: board(0) });
    expect(meeting).toMatchObject({
      date: "2024-02-05",
      province: "LIMBURG",
      status: "PLANNED",
      hostBoard: { id: board(0) },
      group: { id: group.id },
      attendingBoards: [],
      material: null,
      materialSentAt: null,
      viewerCanUpdate: true,
    });
    const elsewhere = await plan(group.id, "2024-12-31", { province: "FLEMISH_BRABANT" });
    expect(elsewhere).toMatchObject({ province: "FLEMISH_BRABANT", hostBoard: null });
    expect((await plan(group.id, "2024-01-01")).date).toBe("2024-01-01");

    const id = rowId(meeting.id);
    expect(await auditOf(id, "planWorktableMeeting")).toEqual([expect.objectContaining({ entityType: "WorktableMeeting" })]);
    expect(await eventsOf(id)).toEqual([["worktable.changed", { groupId: group.id, meetingId: meeting.id, status: "PLANNED", attendingBoards: null, operation: "CREATED" }]]);
    expect((await api.ok(NODE, { id: meeting.id })).node).toMatchObject({ __typename: "WorktableMeeting", date: "2024-02-05", group: { id: group.id } });
  });

  it("refuses a day outside the group's year, a second meeting on one day, a missing host board or group", async () => {
    const group = await createGroup();
    const bad = async (input: Partial<PlanWorktableMeetingInput>) => errorOf(await api.exec(PLAN, { input: { groupId: group.id, date: "2024-05-05", ...input } }, as));
    expect(await bad({ date: "2023-12-31" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
    expect(await bad({ date: "2025-01-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
    // A day that does not exist is refused by the LocalDate scalar, before the service.
    expect((await bad({ date: "2024-02-30" })).code).toBe("BAD_USER_INPUT");
    expect(await bad({ hostBoardId: globalId("Board", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostBoardId" });
    expect(await bad({ hostBoardId: fx.orgs.Unia! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostBoardId" });
    expect(await bad({ groupId: globalId("WorktableGroup", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.groupId" });
    expect(await bad({ groupId: board(0) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.groupId" });
    expect(await api.database.db.$count(worktableMeetings)).toBe(0);

    const first = await plan(group.id, "2024-05-05");
    expect(await bad({})).toMatchObject({ code: "CONFLICT", field: "input.date" });
    // Another group meets that day freely; a cancelled meeting frees its day.
    const other = await createGroup({ title: { nl: "Andere" } });
    await plan(other.id, "2024-05-05");
    await api.ok(CANCEL, { id: first.id }, as);
    expect((await plan(group.id, "2024-05-05")).status).toBe("PLANNED");
  });

  it("holds at most 24 meetings a group, cancelled ones included", async () => {
    const group = await createGroup();
    await insertMeetings(
      group.id,
      Array.from({ length: 23 }, (_, i) => ({ date: `2024-01-${String(i + 1).padStart(2, "0")}`, status: i === 0 ? ("CANCELLED" as const) : ("PLANNED" as const) })),
    );
    const last = await plan(group.id, "2024-03-01");
    expect(last.status).toBe("PLANNED");
    expect(errorOf(await api.exec(PLAN, { input: { groupId: group.id, date: "2024-03-02" } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.groupId" });
    expect(await api.database.db.$count(worktableMeetings, eq(worktableMeetings.groupId, rowId(group.id)))).toBe(24);
    // The group lists them all, by day.
    const { worktableGroups: list } = await api.ok(GROUPS, {});
    const dates = list.edges[0]!.node.meetings.map((m) => m.date);
    expect(dates).toHaveLength(24);
    expect(dates).toEqual([...dates].sort());
    // Rows written around the rules do not unbound the list: still the first 24 by day.
    await insertMeetings(group.id, [
      { date: "2024-01-31", status: "PLANNED" },
      { date: "2024-12-31", status: "PLANNED" },
    ]);
    const again = (await api.ok(GROUPS, {})).worktableGroups.edges[0]!.node.meetings.map((m) => m.date);
    expect(again).toHaveLength(24);
    expect(again).toContain("2024-01-31");
    expect(again).not.toContain("2024-12-31");
  });

  it("moves a planned meeting within the rules; a held or cancelled one is not changed", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-03-04", { hostBoardId: board(0) });
    await plan(group.id, "2024-03-11");
    const update = (input: Record<string, unknown>) => api.exec(UPDATE_MEETING, { input: { id: meeting.id, ...input } }, as);
    expect((await update({ date: "2024-03-05", province: "ANTWERP" })).data?.updateWorktableMeeting.meeting).toMatchObject({
      date: "2024-03-05",
      province: "ANTWERP",
      hostBoard: { id: board(0) },
    });
    expect((await update({ hostBoardId: null })).data?.updateWorktableMeeting.meeting.hostBoard).toBeNull();
    // Its own day again is no clash.
    expect((await update({ date: "2024-03-05", hostBoardId: board(1) })).data?.updateWorktableMeeting.meeting.hostBoard).toEqual({ id: board(1) });
    expect(errorOf(await update({ date: "2024-03-11" }))).toMatchObject({ code: "CONFLICT", field: "input.date" });
    expect(errorOf(await update({ date: "2025-03-11" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
    expect(errorOf(await update({ date: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
    expect(errorOf(await update({ province: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.province" });
    expect(errorOf(await update({ hostBoardId: globalId("Board", MISSING_UUID) }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostBoardId" });
    expect(errorOf(await api.exec(UPDATE_MEETING, { input: { id: globalId("WorktableMeeting", MISSING_UUID), province: "ANTWERP" } }, as))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });

    const id = rowId(meeting.id);
    expect(await auditOf(id, "updateWorktableMeeting")).toHaveLength(3);
    expect((await eventsOf(id)).at(-1)).toEqual([
      "worktable.changed",
      { groupId: group.id, meetingId: meeting.id, status: "PLANNED", attendingBoards: null, operation: "UPDATED" },
    ]);

    expect((await held(meeting.id, [board(0)])).errors).toBeUndefined();
    expect(errorOf(await update({ province: "LIMBURG" }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    const cancelled = await plan(group.id, "2024-03-18");
    await api.ok(CANCEL, { id: cancelled.id }, as);
    expect(errorOf(await api.exec(UPDATE_MEETING, { input: { id: cancelled.id, province: "ANTWERP" } }, as))).toMatchObject({ code: "CONFLICT", field: "input.id" });
  });

  it.runIf(onPostgres)("lets one of ten simultaneous plans of one group's day through: the group's lock serialises them", async () => {
    const group = await createGroup();
    const results = await Promise.all(Array.from({ length: 10 }, () => api.exec(PLAN, { input: { groupId: group.id, date: "2024-06-03" } }, as)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(Array.from({ length: 9 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.date" })));
    expect(await api.database.db.$count(worktableMeetings)).toBe(1);
  });

  it.runIf(onPostgres)("records a meeting held once when five record it at once; the others CONFLICT", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-06-03");
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => held(meeting.id, [board(i)])));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(Array.from({ length: 4 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.id" })));
    expect(await api.database.db.$count(worktableAttendance, eq(worktableAttendance.meetingId, rowId(meeting.id)))).toBe(1);
  });

  it.runIf(onPostgres)("never passes 24 meetings when ten are planned at once on a group of 20", async () => {
    const group = await createGroup();
    await insertMeetings(
      group.id,
      Array.from({ length: 20 }, (_, i) => ({ date: `2024-01-${String(i + 1).padStart(2, "0")}`, status: "PLANNED" as const })),
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.exec(PLAN, { input: { groupId: group.id, date: `2024-02-${String(i + 1).padStart(2, "0")}` } }, as)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(4);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r).code)).toEqual(Array.from({ length: 6 }, () => "BAD_USER_INPUT"));
    expect(await api.database.db.$count(worktableMeetings)).toBe(24);
  });
});

describe("holding, cancelling and the material", () => {
  it("records a held meeting with its boards by name, attendance and status in one change, audited, with the count in the event", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-04-08");
    const result = await held(meeting.id, [board(3), board(1), board(2)]);
    expect(result.errors).toBeUndefined();
    const recorded = result.data!.recordWorktableMeetingHeld.meeting;
    expect(recorded.status).toBe("HELD");
    expect(recorded.attendingBoards.map((b) => b.name)).toEqual([boardRows[1]!.name, boardRows[2]!.name, boardRows[3]!.name]);
    const id = rowId(meeting.id);
    expect(await api.database.db.$count(worktableAttendance, eq(worktableAttendance.meetingId, id))).toBe(3);
    const [audit] = await auditOf(id, "recordWorktableMeetingHeld");
    expect(audit).toMatchObject({ before: expect.objectContaining({ status: "PLANNED" }), after: expect.objectContaining({ status: "HELD" }) });
    expect((audit!.after as { attendingBoardIds: string[] }).attendingBoardIds.sort()).toEqual([1, 2, 3].map((i) => boardRows[i]!.id).sort());
    expect((await eventsOf(id)).at(-1)).toEqual(["worktable.changed", { groupId: group.id, meetingId: meeting.id, status: "HELD", attendingBoards: 3, operation: "UPDATED" }]);
    // Held once: not again, not cancelled.
    expect(errorOf(await held(meeting.id, [board(0)]))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(await api.exec(CANCEL, { id: meeting.id }, as))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(await api.database.db.$count(worktableAttendance, eq(worktableAttendance.meetingId, id))).toBe(3);
  });

  it("refuses no board, a board twice, a missing board, more than 400 boards, and writes nothing", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-04-08");
    expect(errorOf(await held(meeting.id, []))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.attendingBoardIds" });
    expect(errorOf(await held(meeting.id, [board(0), board(1), board(0)]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.attendingBoardIds.2" });
    expect(errorOf(await held(meeting.id, [board(0), globalId("Board", MISSING_UUID)]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.attendingBoardIds.1" });
    expect(errorOf(await held(meeting.id, [fx.orgs.Unia!]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.attendingBoardIds.0" });
    const many = Array.from({ length: 401 }, (_, i) => globalId("Board", `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`));
    expect(errorOf(await held(meeting.id, many))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.attendingBoardIds" });
    expect(errorOf(await held(globalId("WorktableMeeting", MISSING_UUID), [board(0)]))).toMatchObject({ code: "NOT_FOUND", field: "input.id" });
    expect(await api.database.db.$count(worktableAttendance)).toBe(0);
    const [row] = await api.database.db
      .select()
      .from(worktableMeetings)
      .where(eq(worktableMeetings.id, rowId(meeting.id)));
    expect(row?.status).toBe("PLANNED");
  });

  it("is recorded as held on its day in Brussels, not before", async () => {
    const today = brusselsDay(0);
    const tomorrow = brusselsDay(1);
    const group = await createGroup({ year: Number(tomorrow.slice(0, 4)) });
    const future = await plan(group.id, tomorrow);
    expect(errorOf(await held(future.id, [board(0)]))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    if (today.slice(0, 4) === tomorrow.slice(0, 4)) {
      const now = await plan(group.id, today);
      expect((await held(now.id, [board(0)])).data?.recordWorktableMeetingHeld.meeting.status).toBe("HELD");
    }
  });

  it("cancels a planned meeting only, audited, with an event", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-04-08");
    expect((await api.ok(CANCEL, { id: meeting.id }, as)).cancelWorktableMeeting.meeting.status).toBe("CANCELLED");
    expect(errorOf(await api.exec(CANCEL, { id: meeting.id }, as))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(await held(meeting.id, [board(0)]))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(await api.exec(CANCEL, { id: globalId("WorktableMeeting", MISSING_UUID) }, as))).toMatchObject({ code: "NOT_FOUND", field: "id" });
    const id = rowId(meeting.id);
    expect(await auditOf(id, "cancelWorktableMeeting")).toHaveLength(1);
    expect((await eventsOf(id)).at(-1)).toEqual([
      "worktable.changed",
      { groupId: group.id, meetingId: meeting.id, status: "CANCELLED", attendingBoards: null, operation: "UPDATED" },
    ]);
  });

  it("sends material after a meeting was held, again to correct it, each time audited", async () => {
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-04-08");
    const send = (material: string, id = meeting.id) => api.exec(MATERIAL, { input: { id, material } }, as);
    expect(errorOf(await send("Slides"))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    await held(meeting.id, [board(0)]);
    expect(errorOf(await send("  \n "))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.material" });
    expect(errorOf(await send("x".repeat(10_001)))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.material" });
    const first = (await send("Slides van de sessie\nDOE-opdracht: functieprofielen")).data!.sendWorktableMaterial.meeting;
    expect(first).toMatchObject({ status: "HELD", material: "Slides van de sessie\nDOE-opdracht: functieprofielen" });
    expect(first.materialSentAt).toBeTruthy();
    const second = (await send("Slides (gecorrigeerd)")).data!.sendWorktableMaterial.meeting;
    expect(second.material).toBe("Slides (gecorrigeerd)");
    expect(new Date(second.materialSentAt as string) >= new Date(first.materialSentAt as string)).toBe(true);
    const audit = await auditOf(rowId(meeting.id), "sendWorktableMaterial");
    expect(audit.map((a) => [(a.before as { material: string | null }).material, (a.after as { material: string }).material])).toEqual([
      [null, "Slides van de sessie\nDOE-opdracht: functieprofielen"],
      ["Slides van de sessie\nDOE-opdracht: functieprofielen", "Slides (gecorrigeerd)"],
    ]);
    expect((await eventsOf(rowId(meeting.id))).filter(([, p]) => (p as { status: string }).status === "HELD")).toHaveLength(3);
    const cancelled = await plan(group.id, "2024-04-15");
    await api.ok(CANCEL, { id: cancelled.id }, as);
    expect(errorOf(await send("Slides", cancelled.id))).toMatchObject({ code: "CONFLICT", field: "input.id" });
  });

  it("is for consultants and admins only", async () => {
    const input = { title: { nl: "Titel" }, province: "LIMBURG" as const, year: 2024 };
    expect(errorOf(await api.exec(CREATE_GROUP, { input }))).toMatchObject({ code: "UNAUTHENTICATED" });
    for (const actor of [
      { role: "BOARD_MEMBER", board: boardRows[0]!.id },
      { role: "EXPERT", sub: "e-1", org: rowId(fx.orgs.Unia!) },
      { role: "PARTNER", sub: "p-1", org: rowId(fx.orgs["M&L Management"]!) },
    ] as Actor[]) {
      expect(errorOf(await api.exec(CREATE_GROUP, { input }, { as: actor }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await api.exec(CREATE_GROUP, { input }, { as: { role: "ADMIN", sub: "admin-1" } })).errors).toBeUndefined();
    const group = await createGroup();
    const meeting = await plan(group.id, "2024-04-08");
    const member: Actor = { role: "BOARD_MEMBER", board: boardRows[0]!.id };
    expect(errorOf(await api.exec(UPDATE_GROUP, { input: { id: group.id, year: 2024 } }, { as: member })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(PLAN, { input: { groupId: group.id, date: "2024-04-09" } }, { as: member })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(UPDATE_MEETING, { input: { id: meeting.id, province: "ANTWERP" } }, { as: member })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(HELD, { input: { id: meeting.id, attendingBoardIds: [board(0)] } }, { as: member })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(CANCEL, { id: meeting.id }, { as: member })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(MATERIAL, { input: { id: meeting.id, material: "x" } }, { as: member })).code).toBe("FORBIDDEN");
    const [row] = await api.database.db
      .select()
      .from(worktableMeetings)
      .where(eq(worktableMeetings.id, rowId(meeting.id)));
    expect(row).toMatchObject({ status: "PLANNED", province: "LIMBURG", meetingDate: "2024-04-08" });
  });
});

describe("the meetings list", () => {
  it("filters by group, status, province, host board and days, ordered by day then id, and pages", async () => {
    const group = await createGroup();
    const other = await createGroup({ title: { nl: "Andere" }, province: "ANTWERP", year: 2023 });
    const a = await plan(group.id, "2024-05-06", { hostBoardId: board(0) });
    const b = await plan(group.id, "2024-05-13");
    const c = await plan(other.id, "2023-05-13", { hostBoardId: board(0) });
    const [d] = await insertMeetings(group.id, [{ date: "2024-05-06", status: "CANCELLED" }]);
    await held(b.id, [board(1)]);
    const sameDay = [a.id, globalId("WorktableMeeting", d!)].sort((x, y) => (rowId(x) < rowId(y) ? -1 : 1));
    const list = async (filter: WorktableMeetingFilter) => (await api.ok(MEETINGS, { first: 100, filter })).worktableMeetings.edges.map((e) => e.node.id);
    expect(await list({})).toEqual([c.id, ...sameDay, b.id]);
    expect(await list({ groupId: group.id })).toEqual([...sameDay, b.id]);
    expect(await list({ status: "HELD" })).toEqual([b.id]);
    expect(await list({ status: "PLANNED" })).toEqual([c.id, a.id]);
    expect(await list({ province: "ANTWERP" })).toEqual([c.id]);
    expect(await list({ hostBoardId: board(0) })).toEqual([c.id, a.id]);
    expect(await list({ from: "2024-05-06", until: "2024-05-12" })).toEqual(sameDay);
    expect(await list({ from: "2024-05-07" })).toEqual([b.id]);
    expect(await list({ until: "2024-05-05" })).toEqual([c.id]);
    expect(errorOf(await api.exec(MEETINGS, { filter: { from: "2024-13-01" } })).code).toBe("BAD_USER_INPUT");
    expect(errorOf(await api.exec(MEETINGS, { filter: { groupId: board(0) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.groupId" });
    expect(errorOf(await api.exec(MEETINGS, { filter: { hostBoardId: group.id } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.hostBoardId" });

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: WorktableMeetingsPageQuery = await api.ok(MEETINGS, { first: 1, after });
      expect(data.worktableMeetings.totalCount).toBe(4);
      seen.push(...data.worktableMeetings.edges.map((e) => e.node.id));
      if (!data.worktableMeetings.pageInfo.hasNextPage) break;
      after = data.worktableMeetings.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual([c.id, ...sameDay, b.id]);
    const forged = Buffer.from(JSON.stringify(["9999-99-99", MISSING_UUID])).toString("base64url");
    expect((await api.exec(MEETINGS, { after: forged })).errors).toBeUndefined();
  });
});

describe("meetings held: the tally and the metric", () => {
  const PERIOD = { start: "2023-07-01", end: "2025-06-30" };

  /** Held meetings on the period's edges and around them, and some not held. */
  async function edges() {
    const g2023 = await createGroup({ title: { nl: "2023" }, year: 2023 });
    const g2024 = await createGroup({ title: { nl: "2024" }, year: 2024 });
    const g2025 = await createGroup({ title: { nl: "2025" }, year: 2025 });
    await insertMeetings(g2023.id, [
      { date: "2023-06-30" },
      { date: "2023-07-01", host: 0 },
      { date: "2023-12-31", attended: [1] },
      { date: "2023-09-01", status: "PLANNED", host: 1 },
    ]);
    await insertMeetings(g2024.id, [
      { date: "2024-01-01", attended: [0, 1] },
      { date: "2024-02-01", status: "CANCELLED" },
    ]);
    await insertMeetings(g2025.id, [
      { date: "2025-06-30", attended: [2] },
      { date: "2025-07-01", host: 0 },
    ]);
  }

  it("counts held meetings whose day lies within the period, per calendar year, zeros included", async () => {
    await edges();
    const tally = async (period: { start: string; end: string }) => (await api.ok(TALLY, { period })).worktableMeetingsHeld;
    expect(await tally(PERIOD)).toEqual({
      ...PERIOD,
      held: 4,
      byYear: [
        { year: 2023, count: 2 },
        { year: 2024, count: 1 },
        { year: 2025, count: 1 },
      ],
    });
    expect(await tally({ start: "2023-06-30", end: "2025-07-01" })).toMatchObject({ held: 6 });
    expect(await tally({ start: "2023-07-02", end: "2025-06-29" })).toMatchObject({ held: 2 });
    expect(await tally({ start: "2021-01-01", end: "2022-12-31" })).toEqual({
      start: "2021-01-01",
      end: "2022-12-31",
      held: 0,
      byYear: [
        { year: 2021, count: 0 },
        { year: 2022, count: 0 },
      ],
    });
    expect(await tally({ start: "2024-01-01", end: "2024-01-01" })).toMatchObject({ held: 1, byYear: [{ year: 2024, count: 1 }] });
    expect(errorOf(await api.exec(TALLY, { period: { start: "2024-01-02", end: "2024-01-01" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "period.end" });
    expect(errorOf(await api.exec(TALLY, { period: { start: "2024-01-01", end: "2034-01-01" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "period.end" });
    expect(errorOf(await api.exec(TALLY, { period: { start: "2024-02-30", end: "2024-03-01" } })).code).toBe("BAD_USER_INPUT");
  });

  it("counts, for a board, the meetings it hosted or attended", async () => {
    await edges();
    const { db } = api.database;
    const scope = (i: number) => ({ ...PERIOD, boardId: boardRows[i]!.id });
    // Board 0 hosted 2023-07-01 and attended 2024-01-01 (2025-07-01 lies after the period).
    expect(await measureMetric(db, "worktables.meetingsHeld", scope(0))).toBe(2);
    // Board 1 attended 2023-12-31 and 2024-01-01; it hosts only a planned one.
    expect(await measureMetric(db, "worktables.meetingsHeld", scope(1))).toBe(2);
    expect(await measureMetric(db, "worktables.meetingsHeld", scope(2))).toBe(1);
    expect(await measureMetric(db, "worktables.meetingsHeld", scope(3))).toBe(0);
    expect(await measureBreakdown(db, "worktables.meetingsHeld", scope(0))).toEqual([
      { label: "2023", value: 1 },
      { label: "2024", value: 1 },
      { label: "2025", value: 0 },
    ]);
  });

  it("costs one statement for several periods asked together", async () => {
    await edges();
    const ONE = graphql(`query WorktableTallyOne { a: worktableMeetingsHeld(period: { start: "2023-07-01", end: "2025-06-30" }) { held byYear { year count } } }`);
    const THREE = graphql(`
      query WorktableTallyThree {
        a: worktableMeetingsHeld(period: { start: "2023-07-01", end: "2025-06-30" }) { held byYear { year count } }
        b: worktableMeetingsHeld(period: { start: "2023-01-01", end: "2023-12-31" }) { held byYear { year count } }
        c: worktableMeetingsHeld(period: { start: "2025-01-01", end: "2025-12-31" }) { held }
      }
    `);
    const one = await api.exec(ONE);
    const three = await api.exec(THREE);
    expect(three.errors).toBeUndefined();
    expect([three.data?.a.held, three.data?.b.held, three.data?.c.held]).toEqual([4, 3, 2]);
    expect(one.statements).toBe(1);
    expect(three.statements).toBe(one.statements);
  });

  it("measures action 8's effort commitment and result commitment 4: the 30th meeting held meets both and brings the result part", async () => {
    // Two other result commitments met (their modules' records stand in): the 30th meeting makes 3 of 5.
    unregister.push(registerMetricSource("leadership.distinctTrajectories", async () => 5));
    unregister.push(registerMetricSource("learningTools.published", async () => 5));
    const AGREEMENT = graphql(`
      query WorktableAgreement($id: ID!) {
        fundingAgreement(id: $id) {
          commitments {
            kind number met
            target { ... on MeasuredTarget { met measures { metric { key hasSource } currentValue met breakdown { label value } } } }
          }
          settlement { achievedResultCommitments resultShare { cents } resultPart { cents } }
        }
      }
    `);
    const read = async () => {
      const data = await api.ok(AGREEMENT, { id: fx.agreementId }, { as: { role: "ADMIN", sub: "admin-1" } });
      const agreement = data.fundingAgreement!;
      const worktables = agreement.commitments.filter((c) => "measures" in c.target && c.target.measures.some((m) => m.metric.key === "worktables.meetingsHeld"));
      expect(worktables.map((c) => [c.kind, c.number])).toEqual([
        ["EFFORT", 8],
        ["RESULT", 4],
      ]);
      return { worktables, settlement: agreement.settlement };
    };

    const g2023 = await createGroup({ title: { nl: "2023" }, year: 2023 });
    const g2024 = await createGroup({ title: { nl: "2024" }, year: 2024 });
    // 29 held within the period (12 in 2023 from July, 17 in 2024), and some that do not count.
    await insertMeetings(g2023.id, [
      ...Array.from({ length: 12 }, (_, i) => ({ date: `2023-${String(7 + Math.floor(i / 2)).padStart(2, "0")}-${i % 2 ? "20" : "05"}`, attended: [i % 3] })),
      { date: "2023-06-30" },
      { date: "2023-06-15" },
    ]);
    await insertMeetings(g2024.id, [
      ...Array.from({ length: 17 }, (_, i) => ({ date: `2024-${String(1 + Math.floor(i / 2)).padStart(2, "0")}-${i % 2 ? "20" : "05"}` })),
      { date: "2024-12-01", status: "CANCELLED" },
    ]);
    const thirtieth = await plan(g2024.id, "2024-12-02", { hostBoardId: board(0) });

    const before = await read();
    for (const c of before.worktables) {
      expect(c.met).toBe(false);
      expect("measures" in c.target && c.target.measures[0]).toMatchObject({
        metric: { hasSource: true },
        currentValue: 29,
        met: false,
        breakdown: [
          { label: "2023", value: 12 },
          { label: "2024", value: 17 },
          { label: "2025", value: 0 },
        ],
      });
    }
    expect(before.settlement.achievedResultCommitments).toBe(2);
    expect(before.settlement.resultPart.cents).toBe(0);

    expect((await held(thirtieth.id, [board(1), board(2)])).errors).toBeUndefined();
    const after = await read();
    for (const c of after.worktables) {
      expect(c.met).toBe(true);
      expect("measures" in c.target && c.target.measures[0]).toMatchObject({
        currentValue: 30,
        met: true,
        breakdown: [
          { label: "2023", value: 12 },
          { label: "2024", value: 18 },
          { label: "2025", value: 0 },
        ],
      });
    }
    expect(after.settlement.achievedResultCommitments).toBe(3);
    // 3 of 5: three fifths of the result share, rounded down to the cent.
    expect(after.settlement.resultShare.cents).toBeGreaterThan(0);
    expect(after.settlement.resultPart.cents).toBe(Math.floor((after.settlement.resultShare.cents * 3) / 5));
  });
});

describe("statement budget", () => {
  const DEEP = graphql(`
    query WorktableDeep {
      worktableMeetings(first: 100) { totalCount edges { node { date status group { title province partner { name } } hostBoard { name } attendingBoards { name } } } }
      worktableGroups(first: 100) { totalCount edges { node { title partner { name } action { number } meetings { date hostBoard { name } attendingBoards { name } } } } }
    }
  `);

  it("costs the same statements for 2 groups of one meeting as for 12 groups of up to 6 meetings with boards", async () => {
    const read = async () => {
      const result = await api.exec(DEEP);
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, data: result.data! };
    };
    // The small set already uses every kind of reference once.
    for (let g = 0; g < 2; g++) {
      const group = await createGroup({ title: { nl: `Klein ${g}` }, partnerId: fx.orgs["M&L Management"]!, actionId: fx.actions[8]! });
      await insertMeetings(group.id, [{ date: "2024-03-01", host: 0, attended: [1] }]);
    }
    const small = await read();
    expect(small.data.worktableMeetings.edges).toHaveLength(2);

    for (let g = 0; g < 10; g++) {
      const group = await createGroup({ title: { nl: `Groot ${g}` }, partnerId: g % 2 ? fx.orgs["M&L Management"]! : fx.orgs.Unia!, actionId: fx.actions[(g % 9) + 1]! });
      await insertMeetings(
        group.id,
        Array.from({ length: (g % 6) + 1 }, (_, m) => ({ date: `2024-0${m + 1}-10`, host: (g + m) % 6, attended: [m % 6, (m + 1) % 6, (m + 2) % 6] })),
      );
    }
    const large = await read();
    expect(large.data.worktableGroups.edges).toHaveLength(12);
    expect(large.data.worktableMeetings.edges.length).toBeGreaterThan(30);
    expect(large.data.worktableMeetings.edges.every((e) => e.node.attendingBoards.length > 0 && e.node.hostBoard)).toBe(true);
    expect(large.statements).toBe(small.statements);
  });
});
