// A board's employees: added, changed and forgotten by the board's own members (and consultants
// and admins), seen by no one else; never a national register number; forgetting erases the
// person everywhere, the audit trail included, and keeps what they attended counted.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import type { EmployeesListQuery } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { globalId, rowId } from "../helpers/funding.js";

const CREATE = graphql(`
  mutation EmployeesCreate($input: CreateEmployeeInput!) {
    createEmployee(input: $input) { employee { id displayName job department forgotten board { id } } }
  }
`);
const UPDATE = graphql(`
  mutation EmployeesUpdate($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { employee { id displayName job department } } }
`);
const FORGET = graphql(`
  mutation EmployeesForget($id: ID!) { forgetEmployee(id: $id) { employee { id displayName job department forgotten } } }
`);
const LIST = graphql(`
  query EmployeesList($boardId: ID, $first: Int, $after: String) {
    employees(boardId: $boardId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id displayName board { id } enrolments { id status waitlistPosition session { id } } } }
    }
  }
`);
const REACH = graphql(`
  query EmployeesReach($period: PeriodInput!, $boardId: ID) { reach(period: $period, boardId: $boardId) { employees } }
`);
const NODE = graphql(`
  query EmployeesNode($id: ID!) { node(id: $id) { ... on Employee { id displayName forgotten enrolments { id } } } }
`);

const HOUR = 3_600_000;

describe("employees", () => {
  let api: TestApi;
  let boardA: string;
  let boardB: string;
  let trainingId: string;
  const member = (boardId: string): Actor => ({ role: "BOARD_MEMBER", sub: `member-${boardId}`, board: boardId });

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    const [a] = await db.insert(boards).values({ name: "Personeel A", kind: "OTHER", province: "LIMBURG", population: 1 }).returning();
    const [b] = await db.insert(boards).values({ name: "Personeel B", kind: "OTHER", province: "ANTWERP", population: 1 }).returning();
    const [t] = await db
      .insert(trainings)
      .values({ title: { nl: "Leiderschap" }, topic: "leiderschap", format: "OPEN" })
      .returning();
    boardA = a!.id;
    boardB = b!.id;
    trainingId = t!.id;
  });
  afterAll(() => api.close());

  const input = (boardId: string, displayName: string, extra: { job?: string | null; department?: string | null } = {}) => ({
    input: { boardId: globalId("Board", boardId), displayName, ...extra },
  });

  it("lets a board member add their own board's employees only; consultants any board's; others none", async () => {
    const created = await api.ok(CREATE, input(boardA, "An", { job: "Ploegbaas", department: "Groendienst" }), { as: member(boardA) });
    expect(created.createEmployee.employee).toMatchObject({
      displayName: "An",
      job: "Ploegbaas",
      department: "Groendienst",
      forgotten: false,
      board: { id: globalId("Board", boardA) },
    });
    expect(errorOf(await api.exec(CREATE, input(boardB, "Bo"), { as: member(boardA) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, input(boardB, "Bo"), { as: { role: "EXPERT", sub: "x", org: boardA } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, input(boardB, "Bo")))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await api.ok(CREATE, input(boardB, "Bo"), { as: "CONSULTANT" })).createEmployee.employee.displayName).toBe("Bo");
    expect(errorOf(await api.exec(CREATE, input(boardA, "   "), { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.displayName" });
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rowId(created.createEmployee.employee.id)));
    expect(audit.map((a) => a.operation)).toEqual(["createEmployee"]);
  });

  it("refuses anything that looks like a national register number, in any field", async () => {
    for (const number of ["85.07.30-033.61", "85073003361", "850730-033-61", "85 07 30 033 61"]) {
      expect(errorOf(await api.exec(CREATE, input(boardA, `Jan ${number}`), { as: "CONSULTANT" })), number).toMatchObject({ code: "BAD_USER_INPUT", field: "input.displayName" });
    }
    expect(errorOf(await api.exec(CREATE, input(boardA, "Jan", { job: "85073003361" }), { as: "CONSULTANT" }))).toMatchObject({ field: "input.job" });
    expect(errorOf(await api.exec(CREATE, input(boardA, "Jan", { department: "nr 85.07.30-033.61" }), { as: "CONSULTANT" }))).toMatchObject({ field: "input.department" });
    const created = await api.ok(CREATE, input(boardA, "Jan", { department: "Dienst 2024-12" }), { as: "CONSULTANT" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: created.createEmployee.employee.id, displayName: "85073003361" } }, { as: "CONSULTANT" }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.displayName",
    });
  });

  it("changes only the fields given, and never clears the name", async () => {
    const { id } = (await api.ok(CREATE, input(boardA, "Cas", { job: "Boekhouder", department: "Financiën" }), { as: member(boardA) })).createEmployee.employee;
    const updated = await api.ok(UPDATE, { input: { id, job: "Financieel directeur", department: null } }, { as: member(boardA) });
    expect(updated.updateEmployee.employee).toEqual({ id, displayName: "Cas", job: "Financieel directeur", department: null });
    expect(errorOf(await api.exec(UPDATE, { input: { id, displayName: null } }, { as: member(boardA) }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.displayName" });
    expect(errorOf(await api.exec(UPDATE, { input: { id, job: "x" } }, { as: member(boardB) }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("forgets a person everywhere, the audit trail included, and keeps their enrolments counted", async () => {
    const { id } = (await api.ok(CREATE, input(boardA, "Dirk Vergeet", { job: "Ploegbaas", department: "Wegen" }), { as: member(boardA) })).createEmployee.employee;
    await api.ok(UPDATE, { input: { id, job: "Diensthoofd Wegen" } }, { as: member(boardA) });
    const startsAt = new Date(Date.now() - 48 * HOUR);
    const [past] = await api.database.db
      .insert(trainingSessions)
      .values({ trainingId, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), online: true, capacity: 5 })
      .returning();
    await api.database.db.insert(enrolments).values({ sessionId: past!.id, employeeId: rowId(id), status: "ATTENDED" });

    expect(errorOf(await api.exec(FORGET, { id }, { as: member(boardB) }))).toMatchObject({ code: "FORBIDDEN" });
    const forgotten = await api.ok(FORGET, { id }, { as: member(boardA) });
    expect(forgotten.forgetEmployee.employee).toEqual({ id, displayName: null, job: null, department: null, forgotten: true });
    expect(errorOf(await api.exec(FORGET, { id }, { as: member(boardA) }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(await api.exec(UPDATE, { input: { id, displayName: "Dirk" } }, { as: member(boardA) }))).toMatchObject({ code: "CONFLICT", field: "input.id" });

    // The enrolment stays, so the seat and the attendance stay counted.
    const kept = await api.database.db
      .select()
      .from(enrolments)
      .where(eq(enrolments.employeeId, rowId(id)));
    expect(kept.map((e) => e.status)).toEqual(["ATTENDED"]);
    const node = await api.ok(NODE, { id }, { as: member(boardA) });
    expect(node.node).toMatchObject({ displayName: null, forgotten: true, enrolments: [{ id: globalId("Enrolment", kept[0]!.id) }] });

    // Nothing in the audit trail names the person any more, yet it says what happened to whom.
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rowId(id)))
      .orderBy(auditLog.createdAt, auditLog.id);
    expect(audit.map((a) => a.operation)).toEqual(["createEmployee", "updateEmployee", "forgetEmployee"]);
    const trail = JSON.stringify(audit.map((a) => [a.before, a.after]));
    for (const word of ["Dirk", "Vergeet", "Ploegbaas", "Wegen"]) expect(trail).not.toContain(word);
    expect(audit[2]!.after).toMatchObject({ id: rowId(id), boardId: boardA });
    expect((audit[2]!.after as { forgottenAt: string | null }).forgottenAt).not.toBeNull();
    const [row] = await api.database.db
      .select()
      .from(employees)
      .where(eq(employees.id, rowId(id)));
    expect(row).toMatchObject({ displayName: null, job: null, department: null });

    // The reach still counts the forgotten person's attendance.
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const period = { start: day(new Date(startsAt.getTime() - 24 * HOUR)), end: day(new Date(startsAt.getTime() + 24 * HOUR)) };
    expect((await api.ok(REACH, { period, boardId: globalId("Board", boardA) })).reach.employees).toBe(1);
  });

  it("lists a board member their own board's employees only, editors any board's", async () => {
    const a = await api.ok(LIST, { first: 100 }, { as: member(boardA) });
    expect(a.employees.edges.length).toBeGreaterThan(0);
    expect(new Set(a.employees.edges.map((e) => e.node.board.id))).toEqual(new Set([globalId("Board", boardA)]));
    expect(a.employees.totalCount).toBe(a.employees.edges.length);
    expect((await api.ok(LIST, { boardId: globalId("Board", boardA), first: 100 }, { as: member(boardA) })).employees.totalCount).toBe(a.employees.totalCount);
    expect(errorOf(await api.exec(LIST, { boardId: globalId("Board", boardB) }, { as: member(boardA) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(LIST, {}, { as: { role: "EXPERT", sub: "x", org: boardA } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(LIST, {}))).toMatchObject({ code: "UNAUTHENTICATED" });
    const all = await api.ok(LIST, { first: 100 }, { as: "CONSULTANT" });
    expect(new Set(all.employees.edges.map((e) => e.node.board.id))).toEqual(new Set([globalId("Board", boardA), globalId("Board", boardB)]));
    const b = await api.ok(LIST, { boardId: globalId("Board", boardB), first: 100 }, { as: "ADMIN" });
    expect(b.employees.edges.map((e) => e.node.displayName)).toEqual(["Bo"]);

    // Pages follow one another without a gap or a repeat.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: EmployeesListQuery = await api.ok(LIST, { first: 2, after }, { as: "CONSULTANT" });
      seen.push(...page.employees.edges.map((e) => e.node.id));
      if (!page.employees.pageInfo.hasNextPage) break;
      after = page.employees.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(all.employees.edges.map((e) => e.node.id));
  });

  it("shows an employee to editors and the board's own members, never to others or the public", async () => {
    const { id } = (await api.ok(CREATE, input(boardB, "Els"), { as: "CONSULTANT" })).createEmployee.employee;
    expect((await api.ok(NODE, { id }, { as: member(boardB) })).node).toMatchObject({ displayName: "Els" });
    expect((await api.ok(NODE, { id }, { as: "ADMIN" })).node).toMatchObject({ displayName: "Els" });
    expect((await api.ok(NODE, { id }, { as: member(boardA) })).node).toBeNull();
    expect((await api.ok(NODE, { id }, { as: { role: "EXPERT", sub: "x", org: boardA } })).node).toBeNull();
    expect((await api.ok(NODE, { id })).node).toBeNull();
  });

  it("costs the same statements for a page of employees with their enrolments, however many", async () => {
    const db = api.database.db;
    async function boardWith(n: number) {
      const [board] = await db
        .insert(boards)
        .values({ name: `Budget ${n}`, kind: "OTHER", province: "LIMBURG", population: 1 })
        .returning();
      const startsAt = new Date(Date.now() + 24 * HOUR);
      const [s] = await db
        .insert(trainingSessions)
        .values({ trainingId, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), online: true, capacity: 1 })
        .returning();
      const people = await db
        .insert(employees)
        .values(Array.from({ length: n }, (_, i) => ({ boardId: board!.id, displayName: `Budget ${i}` })))
        .returning();
      // One seat: the first person holds it, the others wait.
      await db.insert(enrolments).values(people.map((p, i) => ({ sessionId: s!.id, employeeId: p.id, status: i === 0 ? ("REGISTERED" as const) : ("WAITLISTED" as const) })));
      return board!.id;
    }
    const run = async (boardId: string) => api.exec(LIST, { boardId: globalId("Board", boardId), first: 100 }, { as: "CONSULTANT" });
    const small = await run(await boardWith(2));
    const large = await run(await boardWith(30));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.employees.edges).toHaveLength(30);
    expect(large.data!.employees.edges.map((e) => e.node.enrolments[0]!.waitlistPosition).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([
      null,
      ...Array.from({ length: 29 }, (_, i) => i + 1),
    ]);
    expect(large.statements).toBe(small.statements);
  });
});
