// A mentoring project's follow-up: logging activities (who may, and the rules: no day in the
// future in Brussels, a count from 1 to 100,000, an outcome for OUTCOME only, a note of at most
// 1,000 characters), the newest-first list with its pages, the statistics per month, quarter and
// year (zero periods listed, quarter boundaries, confirmed mentors by their day in Brussels, the
// 10-year range), and who sees them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { mentoringProjects, mentorRegistrations } from "../../db/schema/mentoring.js";
import { organisations } from "../../db/schema/organisations.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import { periodsBetween } from "../../schema/mentoring/activities.service.js";
import type { LogMentoringActivityInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, CONSULTANT, expertOf, memberOf, partnerOf } from "../helpers/campaigns.js";
import { globalId } from "../helpers/funding.js";

let api: TestApi;
let projectId: string;
let orgId: string;
let otherOrgId: string;
let boardId: string;
let owner: Actor;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  const db = api.database.db;
  const orgs = await db.select({ id: organisations.id }).from(organisations).limit(2);
  orgId = orgs[0]!.id;
  otherOrgId = orgs[1]!.id;
  boardId = (await db.select({ id: boards.id }).from(boards).limit(1))[0]!.id;
  const [project] = await db.insert(mentoringProjects).values({ name: "Follow-up test project", organisationId: orgId }).returning();
  projectId = globalId("MentoringProject", project!.id);
  owner = { role: "PARTNER", sub: "p1", org: orgId };
});

const LOG = graphql(`
  mutation ActivitiesLog($input: LogMentoringActivityInput!) {
    logMentoringActivity(input: $input) { activity { id kind occurredOn count outcome note loggedAt project { id } } }
  }
`);

const ACTIVITIES = graphql(`
  query ActivitiesOfProject($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on MentoringProject {
        activities(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind occurredOn count outcome } } }
      }
    }
  }
`);

const STATISTICS = graphql(`
  query ActivitiesStatistics($id: ID!, $period: StatisticsPeriod!, $from: LocalDate!, $to: LocalDate!) {
    node(id: $id) {
      ... on MentoringProject {
        statistics(period: $period, from: $from, to: $to) { periodStart periodEnd sessions matches outcomes outcomesByKind { outcome count } mentorsConfirmed }
      }
    }
  }
`);

const ACTIVITY_NODE = graphql(`
  query ActivitiesNode($id: ID!) {
    node(id: $id) { ... on MentoringActivity { id kind project { id } } }
  }
`);

const log = (input: Omit<LogMentoringActivityInput, "projectId">, as: Actor = owner) => api.exec(LOG, { input: { projectId, ...input } }, { as });

function tomorrowInBrussels(): string {
  return new Date(Date.parse(`${todayInBrussels()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe("logging an activity", () => {
  it("records it for the project's own partner, audited without the note's words, with an event", async () => {
    const result = await log({ kind: "OUTCOME", occurredOn: "2024-06-30", count: 2, outcome: "JOB", note: "Twee mentees vonden werk" });
    expect(result.errors).toBeUndefined();
    const activity = result.data!.logMentoringActivity.activity;
    expect(activity).toMatchObject({ kind: "OUTCOME", occurredOn: "2024-06-30", count: 2, outcome: "JOB", note: "Twee mentees vonden werk", project: { id: projectId } });
    const [audit] = await api.database.db.select().from(auditLog).where(eq(auditLog.operation, "logMentoringActivity"));
    expect(JSON.stringify(audit!.after)).not.toContain("mentees");
    expect(audit!.after).toMatchObject({ hasNote: true, count: 2 });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "mentoring.activity.logged")).orderBy(domainEvents.position);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ kind: "OUTCOME", count: 2, occurredOn: "2024-06-30" });
    expect(JSON.stringify(events[0]!.payload)).not.toContain("mentees");
  });

  it("takes today in Brussels and refuses tomorrow", async () => {
    expect((await log({ kind: "SESSION", occurredOn: todayInBrussels(), count: 1 })).errors).toBeUndefined();
    expect(errorOf(await log({ kind: "SESSION", occurredOn: tomorrowInBrussels(), count: 1 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.occurredOn" });
  });

  it("refuses a count outside 1..100000, an outcome missing or misplaced, and a note over 1000 characters", async () => {
    const cases: [Omit<LogMentoringActivityInput, "projectId">, string][] = [
      [{ kind: "SESSION", occurredOn: "2024-01-01", count: 0 }, "input.count"],
      [{ kind: "SESSION", occurredOn: "2024-01-01", count: 100_001 }, "input.count"],
      [{ kind: "OUTCOME", occurredOn: "2024-01-01", count: 1 }, "input.outcome"],
      [{ kind: "MATCH", occurredOn: "2024-01-01", count: 1, outcome: "JOB" }, "input.outcome"],
      [{ kind: "SESSION", occurredOn: "2024-01-01", count: 1, note: "x".repeat(1001) }, "input.note"],
    ];
    for (const [input, field] of cases) expect(errorOf(await log(input)), field).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect((await log({ kind: "SESSION", occurredOn: "2024-01-01", count: 100_000, note: "x".repeat(1000) })).errors).toBeUndefined();
    const unknown = await api.exec(
      LOG,
      { input: { projectId: globalId("MentoringProject", "00000000-0000-4000-8000-000000000000"), kind: "SESSION", occurredOn: "2024-01-01", count: 1 } },
      { as: ADMIN },
    );
    expect(errorOf(unknown)).toMatchObject({ code: "NOT_FOUND", field: "input.projectId" });
  });
});

describe("who runs a project's follow-up", () => {
  it("is its own organisation's partners and experts, consultants and admins; others FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
    const cases: [string, Actor | undefined, string | undefined][] = [
      ["own partner", owner, undefined],
      ["own expert", expertOf(orgId), undefined],
      ["consultant", CONSULTANT, undefined],
      ["admin", ADMIN, undefined],
      ["other partner", partnerOf(otherOrgId), "FORBIDDEN"],
      ["other expert", expertOf(otherOrgId), "FORBIDDEN"],
      ["board member", memberOf(boardId), "FORBIDDEN"],
      ["anonymous", undefined, "UNAUTHENTICATED"],
    ];
    let allowed = 0;
    for (const [who, as, code] of cases) {
      const options = as ? { as } : {};
      const logged = await api.exec(LOG, { input: { projectId, kind: "SESSION", occurredOn: "2024-05-01", count: 1 } }, options);
      expect(errorOf(logged).code, `${who} logs`).toBe(code);
      if (!code) allowed++;
      const listed = await api.exec(ACTIVITIES, { id: projectId }, options);
      expect(errorOf(listed).code, `${who} lists`).toBe(code);
      const stats = await api.exec(STATISTICS, { id: projectId, period: "YEAR", from: "2024-01-01", to: "2024-12-31" }, options);
      expect(errorOf(stats).code, `${who} statistics`).toBe(code);
      if (!code) expect((listed.data!.node as { activities: { totalCount: number } }).activities.totalCount, who).toBe(allowed);
    }
  });

  it("hides an activity's node from anyone who may not see the follow-up", async () => {
    const logged = await log({ kind: "MATCH", occurredOn: "2024-05-01", count: 1 });
    const id = logged.data!.logMentoringActivity.activity.id;
    expect((await api.ok(ACTIVITY_NODE, { id }, { as: owner })).node).toMatchObject({ id, kind: "MATCH", project: { id: projectId } });
    expect((await api.ok(ACTIVITY_NODE, { id }, { as: partnerOf(otherOrgId) })).node).toBeNull();
    expect((await api.ok(ACTIVITY_NODE, { id })).node).toBeNull();
  });
});

describe("the activities list", () => {
  it("is newest first by the day it occurred, in pages", async () => {
    for (const occurredOn of ["2024-01-10", "2024-03-05", "2024-02-20"]) await log({ kind: "SESSION", occurredOn, count: 1 });
    const first = await api.ok(ACTIVITIES, { id: projectId, first: 2 }, { as: owner });
    const page1 = (first.node as { activities: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { occurredOn: string } }[] } })
      .activities;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.occurredOn)).toEqual(["2024-03-05", "2024-02-20"]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await api.ok(ACTIVITIES, { id: projectId, first: 2, after: page1.pageInfo.endCursor }, { as: owner });
    const page2 = (second.node as typeof first.node & { activities: typeof page1 }).activities;
    expect(page2.edges.map((e) => e.node.occurredOn)).toEqual(["2024-01-10"]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(errorOf(await api.exec(ACTIVITIES, { id: projectId, after: "not-a-cursor" }, { as: owner }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("the statistics", () => {
  type Stats = {
    statistics: {
      periodStart: string;
      periodEnd: string;
      sessions: number;
      matches: number;
      outcomes: number;
      outcomesByKind: { outcome: string; count: number }[];
      mentorsConfirmed: number;
    }[];
  };

  async function seedActivities() {
    await log({ kind: "SESSION", occurredOn: "2024-02-14", count: 5 }); // before `from`: not counted
    await log({ kind: "SESSION", occurredOn: "2024-03-31", count: 3 }); // last day of Q1
    await log({ kind: "MATCH", occurredOn: "2024-04-01", count: 2 }); // first day of Q2
    await log({ kind: "OUTCOME", occurredOn: "2024-06-30", count: 1, outcome: "JOB" });
    await log({ kind: "OUTCOME", occurredOn: "2024-06-30", count: 2, outcome: "TRAINING" });
    await log({ kind: "OUTCOME", occurredOn: "2024-05-02", count: 4, outcome: "JOB" });
    await log({ kind: "SESSION", occurredOn: "2024-12-31", count: 1 });
    const row = (await api.database.db.select({ id: mentoringProjects.id }).from(mentoringProjects).where(eq(mentoringProjects.name, "Follow-up test project")))[0]!;
    const confirmed = (decidedAt: string, n: number) => ({
      projectId: row.id,
      status: "CONFIRMED" as const,
      name: `Mentor ${n}`,
      email: `mentor${n}@example.org`,
      emailConfirmedAt: new Date("2024-01-01T00:00:00Z"),
      decidedAt: new Date(decidedAt),
    });
    await api.database.db.insert(mentorRegistrations).values([
      // 00:30 on 1 April in Brussels (summer time): Q2, not Q1.
      confirmed("2024-03-31T22:30:00Z", 1),
      // 23:59 on 30 September in Brussels: Q3.
      confirmed("2024-09-30T21:59:00Z", 2),
      { projectId: row.id, status: "PENDING", name: "Mentor 3", email: "mentor3@example.org" },
    ]);
  }

  it("lists every quarter between from and to, clamped to them, with zeros and Brussels days for confirmed mentors", async () => {
    await seedActivities();
    const data = await api.ok(STATISTICS, { id: projectId, period: "QUARTER", from: "2024-02-15", to: "2024-12-31" }, { as: owner });
    expect((data.node as Stats).statistics).toEqual([
      { periodStart: "2024-02-15", periodEnd: "2024-03-31", sessions: 3, matches: 0, outcomes: 0, outcomesByKind: [], mentorsConfirmed: 0 },
      {
        periodStart: "2024-04-01",
        periodEnd: "2024-06-30",
        sessions: 0,
        matches: 2,
        outcomes: 7,
        outcomesByKind: [
          { outcome: "JOB", count: 5 },
          { outcome: "TRAINING", count: 2 },
        ],
        mentorsConfirmed: 1,
      },
      { periodStart: "2024-07-01", periodEnd: "2024-09-30", sessions: 0, matches: 0, outcomes: 0, outcomesByKind: [], mentorsConfirmed: 1 },
      { periodStart: "2024-10-01", periodEnd: "2024-12-31", sessions: 1, matches: 0, outcomes: 0, outcomesByKind: [], mentorsConfirmed: 0 },
    ]);
  });

  it("lists months and years the same way, zero months included", async () => {
    await seedActivities();
    const months = (await api.ok(STATISTICS, { id: projectId, period: "MONTH", from: "2024-01-01", to: "2024-12-31" }, { as: CONSULTANT })).node as Stats;
    expect(months.statistics).toHaveLength(12);
    expect(months.statistics.map((s) => s.sessions)).toEqual([0, 5, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(months.statistics[7]).toMatchObject({ periodStart: "2024-08-01", periodEnd: "2024-08-31", sessions: 0, matches: 0, outcomes: 0, mentorsConfirmed: 0 });
    const years = (await api.ok(STATISTICS, { id: projectId, period: "YEAR", from: "2023-06-01", to: "2025-03-01" }, { as: ADMIN })).node as Stats;
    expect(years.statistics.map((s) => [s.periodStart, s.periodEnd, s.sessions, s.outcomes, s.mentorsConfirmed])).toEqual([
      ["2023-06-01", "2023-12-31", 0, 0, 0],
      ["2024-01-01", "2024-12-31", 9, 7, 2],
      ["2025-01-01", "2025-03-01", 0, 0, 0],
    ]);
  });

  it("covers at most 10 years and refuses an end before the start", async () => {
    const ten = await api.exec(STATISTICS, { id: projectId, period: "MONTH", from: "2015-01-01", to: "2024-12-31" }, { as: owner });
    expect(ten.errors).toBeUndefined();
    expect((ten.data!.node as Stats).statistics).toHaveLength(120);
    expect(errorOf(await api.exec(STATISTICS, { id: projectId, period: "MONTH", from: "2015-01-01", to: "2025-01-01" }, { as: owner }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "to",
    });
    expect(errorOf(await api.exec(STATISTICS, { id: projectId, period: "YEAR", from: "2024-05-01", to: "2024-04-30" }, { as: owner }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "to",
    });
  });

  it("splits periods at quarter boundaries (pure)", () => {
    expect(periodsBetween("QUARTER", "2024-03-31", "2024-04-01").map((p) => [p.periodStart, p.periodEnd])).toEqual([
      ["2024-03-31", "2024-03-31"],
      ["2024-04-01", "2024-04-01"],
    ]);
    expect(periodsBetween("MONTH", "2024-01-31", "2024-03-01").map((p) => p.periodStart)).toEqual(["2024-01-31", "2024-02-01", "2024-03-01"]);
    expect(periodsBetween("MONTH", "2024-02-01", "2024-02-29")).toEqual([{ key: "2024-02-01", periodStart: "2024-02-01", periodEnd: "2024-02-29" }]);
  });
});
