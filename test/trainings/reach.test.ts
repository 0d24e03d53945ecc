// The reach of the training offer through the API: distinct employees who attended a session
// that started within a period of Brussels days, overall, per board, per training and per
// format, and a board's own reach; counts only, public; the period's bounds; a fixed number of
// statements whatever the data's size; and the metric the funding module's result commitment 3
// ("at least 1500 employees") measures, counted from the same records.
//
// The enrolment mutations are written alongside this file, so the records are inserted with
// drizzle directly.

import { eq, ne } from "drizzle-orm";
import { buildASTSchema, getNamedType, isObjectType } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boards } from "../../db/schema/boards.js";
import { fundingAgreements } from "../../db/schema/funding.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { seedAddendum } from "../../db/seed/funding.js";
import { hasSource, measureMetric } from "../../schema/shared/metrics.js";
import { typeDefs } from "../../schema/typeDefs.generated.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { globalId, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

beforeEach(async () => {
  await api.reseed();
});

type Format = "OPEN" | "IN_HOUSE" | "E_LEARNING" | "BLENDED";
type Status = "REGISTERED" | "WAITLISTED" | "ATTENDED" | "NO_SHOW" | "CANCELLED";

async function training(title: string, format: Format = "OPEN"): Promise<string> {
  const [row] = await api.database.db
    .insert(trainings)
    .values({ title: { nl: title }, topic: "leiderschap", format })
    .returning({ id: trainings.id });
  return row!.id;
}

async function session(trainingId: string, startsAt: string): Promise<string> {
  const start = new Date(startsAt);
  const [row] = await api.database.db
    .insert(trainingSessions)
    .values({ trainingId, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), online: true, capacity: 1000 })
    .returning({ id: trainingSessions.id });
  return row!.id;
}

async function employee(boardId: string, options: { forgotten?: boolean } = {}): Promise<string> {
  const [row] = await api.database.db
    .insert(employees)
    .values(options.forgotten ? { boardId, displayName: null, forgottenAt: new Date() } : { boardId, displayName: "Medewerker" })
    .returning({ id: employees.id });
  return row!.id;
}

async function enrol(sessionId: string, employeeId: string, status: Status = "ATTENDED"): Promise<void> {
  await api.database.db.insert(enrolments).values({ sessionId, employeeId, status });
}

async function boardIds(...names: string[]): Promise<Record<string, string>> {
  const rows = await api.database.db.select({ id: boards.id, name: boards.name }).from(boards);
  const ids: Record<string, string> = {};
  for (const name of names) {
    const match = rows.find((r) => r.name === name);
    expect(match, `board ${name}`).toBeDefined();
    ids[name] = match!.id;
  }
  return ids;
}

const REACH = graphql(`
  query ReachOverall($period: PeriodInput!, $boardId: ID) {
    reach(period: $period, boardId: $boardId) {
      start end employees
      byBoard { board { id name } employees }
      byTraining { training { id title(locale: NL) } employees }
      byFormat { format employees }
    }
  }
`);

const BOARD_REACH = graphql(`
  query ReachOfBoards($period: PeriodInput!, $first: Int, $search: String) {
    boards(first: $first, filter: { search: $search }) {
      edges { node { id name reach(period: $period) { employees byBoard { board { name } employees } byTraining { training { id } employees } byFormat { format employees } } } }
    }
  }
`);

const PERIOD = { start: "2024-01-01", end: "2024-12-31" };

describe("reach", () => {
  it("counts each employee who attended once, in the period's Brussels days, forgotten ones included, per board, training and format", async () => {
    const b = await boardIds("Gent", "Brugge", "Leuven");
    const leadership = await training("Leiderschap", "OPEN");
    const burnout = await training("Burn-out voorkomen", "E_LEARNING");
    const mentoring = await training("Mentorschap", "IN_HOUSE");
    // Sessions of the period; 1 January 00:30 and 31 December 23:30 in Brussels are inside.
    const first = await session(leadership, "2023-12-31T23:30:00Z");
    const last = await session(burnout, "2024-12-31T22:30:00Z");
    const mid = await session(mentoring, "2024-06-01T08:00:00Z");
    // Outside: 31 December 2023 23:30 and 1 January 2025 00:30 in Brussels.
    const before = await session(leadership, "2023-12-31T22:30:00Z");
    const after = await session(burnout, "2024-12-31T23:30:00Z");

    const gent1 = await employee(b.Gent!);
    const gent2 = await employee(b.Gent!, { forgotten: true });
    const brugge1 = await employee(b.Brugge!);
    const leuvenNoShow = await employee(b.Leuven!);
    const outsider = await employee(b.Leuven!);

    // Gent 1 attended three sessions of two trainings: one employee, counted once per figure.
    await enrol(first, gent1);
    await enrol(last, gent1);
    await enrol(mid, gent1);
    await enrol(first, gent2); // forgotten, still counts
    await enrol(last, brugge1);
    // Not reached: enrolled but not attended, or attended outside the period.
    await enrol(first, leuvenNoShow, "NO_SHOW");
    await enrol(last, leuvenNoShow, "REGISTERED");
    await enrol(mid, leuvenNoShow, "CANCELLED");
    await enrol(mid, outsider, "WAITLISTED");
    await enrol(before, outsider);
    await enrol(after, outsider);

    const result = await api.exec(REACH, { period: PERIOD });
    expect(result.errors).toBeUndefined();
    const reach = result.data!.reach;
    expect(reach).toMatchObject({ start: "2024-01-01", end: "2024-12-31", employees: 3 });
    expect(reach.byBoard).toEqual([
      { board: { id: globalId("Board", b.Brugge!), name: "Brugge" }, employees: 1 },
      { board: { id: globalId("Board", b.Gent!), name: "Gent" }, employees: 2 },
    ]);
    expect(reach.byTraining).toEqual([
      { training: { id: globalId("Training", burnout), title: "Burn-out voorkomen" }, employees: 2 },
      { training: { id: globalId("Training", leadership), title: "Leiderschap" }, employees: 2 },
      { training: { id: globalId("Training", mentoring), title: "Mentorschap" }, employees: 1 },
    ]);
    expect(reach.byFormat).toEqual([
      { format: "OPEN", employees: 2 },
      { format: "IN_HOUSE", employees: 1 },
      { format: "E_LEARNING", employees: 2 },
    ]);

    // One board: only its employees.
    const gent = await api.ok(REACH, { period: PERIOD, boardId: globalId("Board", b.Gent!) });
    expect(gent.reach).toMatchObject({
      employees: 2,
      byBoard: [{ board: { name: "Gent" }, employees: 2 }],
      byFormat: [
        { format: "OPEN", employees: 2 },
        { format: "IN_HOUSE", employees: 1 },
        { format: "E_LEARNING", employees: 1 },
      ],
    });
    expect(gent.reach.byTraining.map((t) => [t.training.title, t.employees])).toEqual([
      ["Burn-out voorkomen", 1],
      ["Leiderschap", 2],
      ["Mentorschap", 1],
    ]);
    const leuven = await api.ok(REACH, { period: PERIOD, boardId: globalId("Board", b.Leuven!) });
    expect(leuven.reach).toMatchObject({ employees: 0, byBoard: [], byTraining: [], byFormat: [] });

    // Board.reach agrees, board by board, in one list.
    const listed = await api.ok(BOARD_REACH, { period: PERIOD, first: 100, search: "e" });
    const byName = Object.fromEntries(listed.boards.edges.map((e) => [e.node.name, e.node.reach.employees]));
    expect(byName).toMatchObject({ Gent: 2, Brugge: 1, Leuven: 0 });

    // A wider period takes in the sessions outside this one.
    const wider = await api.ok(REACH, { period: { start: "2023-01-01", end: "2025-12-31" } });
    expect(wider.reach.employees).toBe(4);
  });

  it("is public and carries counts only, never a person", async () => {
    const b = await boardIds("Gent");
    await enrol(await session(await training("Leiderschap"), "2024-03-01T09:00:00Z"), await employee(b.Gent!));
    for (const as of [undefined, "CONSULTANT", { role: "BOARD_MEMBER" as const, sub: "someone", board: b.Gent! }] as const) {
      const result = await api.exec(REACH, { period: PERIOD }, as ? { as } : {});
      expect(result.errors).toBeUndefined();
      expect(result.data!.reach.employees).toBe(1);
    }
    // No type reachable from Reach names or identifies a person.
    const schema = buildASTSchema(typeDefs);
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || name === "Board" || name === "Training") return;
      seen.add(name);
      const type = schema.getType(name);
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type).name);
    };
    visit("Reach");
    expect([...seen].sort()).toEqual(["BoardReach", "FormatReach", "Int", "LocalDate", "Reach", "TrainingFormat", "TrainingReach"]);
  });

  it("refuses a period that ends before it starts or spans 10 years or more, and an id that is not a board's", async () => {
    const cases: [typeof PERIOD, string][] = [
      [{ start: "2024-02-01", end: "2024-01-31" }, "period.end"],
      [{ start: "2020-01-01", end: "2030-01-01" }, "period.end"],
      [{ start: "2024-02-29", end: "2034-03-01" }, "period.end"],
    ];
    for (const [period, field] of cases) {
      const result = await api.exec(REACH, { period });
      expect(errorOf(result), JSON.stringify(period)).toMatchObject({ code: "BAD_USER_INPUT", field });
      const listed = await api.exec(BOARD_REACH, { period, first: 1 });
      expect(errorOf(listed), JSON.stringify(period)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    // A day that does not exist, or one before the dates the API takes, is refused by the LocalDate scalar itself.
    for (const period of [
      { start: "2024-02-30", end: "2024-03-01" },
      { start: "1899-12-31", end: "1900-03-01" },
    ]) {
      expect(errorOf(await api.exec(REACH, { period })), JSON.stringify(period)).toMatchObject({ code: "BAD_USER_INPUT" });
    }
    // Ten years to the day before: the longest period.
    expect((await api.ok(REACH, { period: { start: "2020-01-01", end: "2029-12-31" } })).reach.employees).toBe(0);
    expect((await api.ok(REACH, { period: { start: "2024-05-05", end: "2024-05-05" } })).reach.employees).toBe(0);

    const training_ = await training("Leiderschap");
    for (const boardId of [globalId("Training", training_), "nonsense", globalId("Board", "00000000-0000-4000-8000-000000000000")]) {
      expect(errorOf(await api.exec(REACH, { period: PERIOD, boardId })), boardId).toMatchObject({ code: "BAD_USER_INPUT", field: "boardId" });
    }
  });
});

describe("statements", () => {
  async function populate(boardRows: string[], perBoard: number, trainingCount: number) {
    const trainingIds: string[] = [];
    const formats: Format[] = ["OPEN", "IN_HOUSE", "E_LEARNING", "BLENDED"];
    for (let i = 0; i < trainingCount; i++) trainingIds.push(await training(`Opleiding ${String(i).padStart(3, "0")}`, formats[i % 4]));
    const sessions: string[] = [];
    for (const [i, t] of trainingIds.entries()) sessions.push(await session(t, `2024-0${(i % 9) + 1}-10T09:00:00Z`));
    const people = [];
    for (const board of boardRows) for (let i = 0; i < perBoard; i++) people.push(await employee(board));
    const rows = people.flatMap((employeeId, i) => [
      { sessionId: sessions[i % sessions.length]!, employeeId, status: "ATTENDED" as const },
      { sessionId: sessions[(i + 1) % sessions.length]!, employeeId, status: "ATTENDED" as const },
    ]);
    await api.database.db.insert(enrolments).values(rows);
    return people.length;
  }

  it("costs the same statements for 60 employees in 12 trainings as for 2 in 2", async () => {
    const b = await boardIds("Gent", "Brugge", "Leuven");
    await populate([b.Gent!], 2, 2);
    const small = await api.exec(REACH, { period: PERIOD });
    expect(small.errors).toBeUndefined();
    expect(small.data!.reach).toMatchObject({ employees: 2 });
    expect(small.data!.reach.byTraining).toHaveLength(2);

    await api.reseed();
    const c = await boardIds("Gent", "Brugge", "Leuven");
    await populate([c.Gent!, c.Brugge!, c.Leuven!], 20, 12);
    const large = await api.exec(REACH, { period: PERIOD });
    expect(large.errors).toBeUndefined();
    expect(large.data!.reach.employees).toBe(60);
    expect(large.data!.reach.byBoard).toHaveLength(3);
    expect(large.data!.reach.byTraining).toHaveLength(12);
    expect(large.data!.reach.byFormat).toHaveLength(4);
    expect(large.statements).toBe(small.statements);
    // Four cached figures (the count and three breakdowns; the first time each is the cache's read,
    // the count and storing it), then the rows of the boards and of the trainings.
    expect(large.statements).toBeLessThanOrEqual(14);
    // Read again with nothing changed: each figure is the cache's read.
    const again = await api.exec(REACH, { period: PERIOD });
    expect(again.data).toEqual(large.data);
    expect(again.statements).toBeLessThanOrEqual(6);
  });

  it("lists boards and trainings in the order of their current names, also once the lists are cached", async () => {
    const b = await boardIds("Gent", "Brugge");
    await populate([b.Gent!, b.Brugge!], 1, 2);
    const names = async () => {
      const reach = (await api.ok(REACH, { period: PERIOD })).reach;
      return { boards: reach.byBoard.map((x) => x.board.name), trainings: reach.byTraining.map((x) => x.training.title) };
    };
    expect(await names()).toEqual({ boards: ["Brugge", "Gent"], trainings: ["Opleiding 000", "Opleiding 001"] });
    // Renamed in plain SQL, after the lists were cached: the order follows at once.
    await api.database.db.update(boards).set({ name: "Aalter" }).where(eq(boards.id, b.Gent!));
    await api.database.db
      .update(trainings)
      .set({ title: { nl: "Opleiding 999" } })
      .where(eq(trainings.title, { nl: "Opleiding 000" }));
    expect(await names()).toEqual({ boards: ["Aalter", "Brugge"], trainings: ["Opleiding 001", "Opleiding 999"] });
  });

  it("costs the same statements for the reach of 50 boards in a list as for 5", async () => {
    const made = await api.database.db
      .insert(boards)
      .values(Array.from({ length: 50 }, (_, i) => ({ name: `Reachtest ${String(i).padStart(2, "0")}`, kind: "OTHER" as const, province: "LIMBURG" as const, population: 1000 })))
      .returning({ id: boards.id });
    await populate(
      made.map((m) => m.id),
      2,
      4,
    );
    const read = async (first: number) => {
      const result = await api.exec(BOARD_REACH, { period: PERIOD, first, search: "Reachtest" });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.boards.edges.map((e) => e.node);
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node.reach.employees).toBe(2);
        expect(node.reach.byBoard).toEqual([{ board: { name: node.name }, employees: 2 }]);
        expect(node.reach.byTraining.reduce((n, t) => n + t.employees, 0)).toBeGreaterThanOrEqual(2);
      }
      return result.statements;
    };
    const five = await read(5);
    const fifty = await read(50);
    expect(fifty).toBe(five);
  });
});

describe("the metric funding measures", () => {
  const AGREEMENT = graphql(`
    query ReachFundingCommitments {
      fundingAgreements { edges { node { commitments(kind: RESULT) { number met target { __typename ... on MeasuredTarget { measures { metric { key module hasSource } targetValue currentValue met } } } } } } }
    }
  `);
  const commitment3 = async () => {
    const data = await api.ok(AGREEMENT, {}, { as: "CONSULTANT" });
    const c = data.fundingAgreements.edges[0]!.node.commitments.find((x) => x.number === 3)!;
    if (c.target.__typename !== "MeasuredTarget") throw new Error("commitment 3 is not measured");
    return { met: c.met, measure: c.target.measures[0]! };
  };

  it("has a source, and result commitment 3 follows attendance within the agreement's period", async () => {
    expect(hasSource("training.distinctEmployeesReached")).toBe(true);
    const before = await commitment3();
    expect(before.measure).toEqual({
      metric: { key: "training.distinctEmployeesReached", module: "trainings", hasSource: true },
      targetValue: 1500,
      currentValue: 0,
      met: false,
    });
    const b = await boardIds("Gent", "Brugge");
    const t = await training("Leiderschap");
    // The addendum runs from 1 July 2023 to 30 June 2025 (Brussels days).
    const inside = await session(t, "2023-06-30T22:30:00Z");
    const outside = await session(t, "2025-06-30T22:30:00Z");
    const people = [await employee(b.Gent!), await employee(b.Gent!, { forgotten: true }), await employee(b.Brugge!)];
    for (const p of people) await enrol(inside, p);
    await enrol(outside, await employee(b.Brugge!));
    await enrol(inside, await employee(b.Brugge!), "NO_SHOW");
    expect((await commitment3()).measure.currentValue).toBe(3);

    // 1500 reached meets the commitment.
    const many = [];
    for (let i = 0; i < 1497; i++) many.push({ boardId: b.Brugge!, displayName: `M${i}` });
    const rows = await api.database.db.insert(employees).values(many).returning({ id: employees.id });
    await api.database.db.insert(enrolments).values(rows.map((r) => ({ sessionId: inside, employeeId: r.id, status: "ATTENDED" as const })));
    expect(await commitment3()).toMatchObject({ met: true, measure: { currentValue: 1500, met: true } });
  });

  it("measures agreements of different periods together, in the statements one agreement costs", async () => {
    const PROGRESS = graphql(`
      query ReachAgreementsProgress {
        fundingAgreements { edges { node { id commitments(kind: RESULT) { number target { __typename ... on MeasuredTarget { measures { metric { key } currentValue } } } } } } }
      }
    `);
    const read = async () => {
      const result = await api.exec(PROGRESS, {}, { as: "CONSULTANT" });
      expect(result.errors).toBeUndefined();
      const values = result.data!.fundingAgreements.edges.map((e) => {
        const target = e.node.commitments.find((c) => c.number === 3)!.target;
        if (target.__typename !== "MeasuredTarget") throw new Error("commitment 3 is not measured");
        return [e.node.id, target.measures[0]!.currentValue] as const;
      });
      return { statements: result.statements, values: new Map(values) };
    };
    const b = await boardIds("Gent");
    const t = await training("Leiderschap");
    await enrol(await session(t, "2023-08-01T09:00:00Z"), await employee(b.Gent!)); // the first agreement's period only
    await enrol(await session(t, "2024-03-01T09:00:00Z"), await employee(b.Gent!)); // both
    await enrol(await session(t, "2025-09-01T09:00:00Z"), await employee(b.Gent!)); // the second's only
    const one = await read();
    expect([...one.values.values()]).toEqual([2]);
    const [firstId] = [...one.values.keys()];

    await api.database.db.transaction((tx) => seedAddendum(tx));
    await api.database.db
      .update(fundingAgreements)
      .set({ periodStart: "2024-01-01", periodEnd: "2025-12-31" })
      .where(ne(fundingAgreements.id, rowId(firstId!)));
    const two = await read();
    expect(two.values.size).toBe(2);
    expect(two.values.get(firstId!)).toBe(2);
    expect([...two.values.entries()].find(([id]) => id !== firstId)![1]).toBe(2);
    expect(two.statements).toBe(one.statements);

    // The same counts as measured one by one, also when asked together.
    const db = api.database.db;
    const scopes = [
      { start: "2023-07-01", end: "2025-06-30" },
      { start: "2024-01-01", end: "2025-12-31" },
      { start: "2025-01-01", end: "2025-12-31", boardId: b.Gent! },
      { start: "2026-01-01", end: "2026-12-31" },
    ];
    const together = await Promise.all(scopes.map((scope) => measureMetric(db, "training.distinctEmployeesReached", scope)));
    const alone = [];
    for (const scope of scopes) alone.push(await measureMetric(db, "training.distinctEmployeesReached", scope));
    expect(together).toEqual([2, 2, 1, 0]);
    expect(alone).toEqual(together);
  });

  it("counts one board's employees when the scope names it", async () => {
    const b = await boardIds("Gent", "Brugge");
    const s = await session(await training("Leiderschap"), "2024-03-01T09:00:00Z");
    await enrol(s, await employee(b.Gent!));
    await enrol(s, await employee(b.Brugge!));
    await enrol(s, await employee(b.Brugge!, { forgotten: true }));
    const db = api.database.db;
    expect(await measureMetric(db, "training.distinctEmployeesReached", PERIOD)).toBe(3);
    expect(await measureMetric(db, "training.distinctEmployeesReached", { ...PERIOD, boardId: b.Brugge! })).toBe(2);
    expect(await measureMetric(db, "training.distinctEmployeesReached", { ...PERIOD, boardId: b.Gent! })).toBe(1);
    expect(await measureMetric(db, "training.distinctEmployeesReached", { start: "2024-03-02", end: "2024-12-31" })).toBe(0);
  });
});
