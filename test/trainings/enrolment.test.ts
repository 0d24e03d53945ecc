// Enrolment on a session: a seat while one is free, else the waitlist (first come, first served);
// a cancellation gives the freed seat to the first waiting person in the same transaction;
// attendance once the session has started. The capacity holds when many enrol at once, on
// PostgreSQL through node-postgres and through the Neon driver.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { and, eq } from "drizzle-orm";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { organisations } from "../../db/schema/organisations.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { type App, createApp } from "../../schema/server.js";
import { type Role, signDevToken } from "../../schema/shared/auth.js";
import { sessionEnrolments, viewerCanEnrol } from "../../schema/trainings/people.service.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, devAuth, errorOf, type TestApi, token } from "../helpers/api.js";
import { createPostgresDatabase, onPostgres, TEST_DATABASE_URL } from "../helpers/db.js";
import { globalId } from "../helpers/funding.js";
import { startWsProxy, type WsProxy } from "../helpers/ws-proxy.js";

const ENROL = graphql(`
  mutation EnrolmentEnrol($input: EnrolInput!) {
    enrol(input: $input) { enrolment { id status waitlistPosition employee { id } } promoted { id } }
  }
`);
const CANCEL = graphql(`
  mutation EnrolmentCancel($id: ID!) {
    cancelEnrolment(id: $id) { enrolment { id status waitlistPosition } promoted { id status waitlistPosition } }
  }
`);
const ATTEND = graphql(`
  mutation EnrolmentAttend($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) { enrolment { id status } promoted { id } }
  }
`);
const POSITION = graphql(`
  query EnrolmentPosition($id: ID!) { node(id: $id) { ... on Enrolment { id status waitlistPosition employee { displayName } } } }
`);

const HOUR = 3_600_000;

interface World {
  db: Database["db"];
  boardA: string;
  boardB: string;
  trainingId: string;
  expertOrg: string;
}

async function world(db: Database["db"]): Promise<World> {
  const [a] = await db.insert(boards).values({ name: "Enrolment A", kind: "OTHER", province: "LIMBURG", population: 1 }).returning();
  const [b] = await db.insert(boards).values({ name: "Enrolment B", kind: "OTHER", province: "ANTWERP", population: 1 }).returning();
  const [t] = await db
    .insert(trainings)
    .values({ title: { nl: "Omgaan met burn-out" }, topic: "burn-out", format: "OPEN" })
    .returning();
  const [org] = await db
    .insert(organisations)
    .values({ name: { nl: "Expert vzw" }, kind: "NON_PROFIT" })
    .returning();
  return { db, boardA: a!.id, boardB: b!.id, trainingId: t!.id, expertOrg: org!.id };
}

async function session(w: World, capacity: number, startsInHours = 24 * 7) {
  const startsAt = new Date(Date.now() + startsInHours * HOUR);
  const [row] = await w.db
    .insert(trainingSessions)
    .values({
      trainingId: w.trainingId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      online: true,
      capacity,
      expertOrganisationId: w.expertOrg,
      expertSubject: "expert-1",
    })
    .returning();
  return row!;
}

async function people(w: World, boardId: string, n: number, prefix = "Persoon") {
  const rows = await w.db
    .insert(employees)
    .values(Array.from({ length: n }, (_, i) => ({ boardId, displayName: `${prefix} ${i + 1}` })))
    .returning();
  return rows.map((r) => r.id);
}

const enrolInput = (sessionId: string, employeeId: string) => ({ input: { sessionId: globalId("TrainingSession", sessionId), employeeId: globalId("Employee", employeeId) } });

describe("enrolment", () => {
  let api: TestApi;
  let w: World;
  const memberOf = (boardId: string): Actor => ({ role: "BOARD_MEMBER", sub: `member-${boardId}`, board: boardId });
  const expert = (): Actor => ({ role: "EXPERT", sub: "expert-1", org: w.expertOrg });

  beforeAll(async () => {
    api = await createTestApi();
    w = await world(api.database.db);
  });
  afterAll(() => api.close());

  async function contextAs(actor: Actor | Role | "ANONYMOUS") {
    return api.app.createContext({ authorization: actor === "ANONYMOUS" ? null : `Bearer ${await token(actor)}` });
  }

  it("gives seats while free, then the waitlist with positions, and moves the waitlist when someone cancels", async () => {
    const s = await session(w, 2);
    const ids = await people(w, w.boardA, 5, "Wacht");
    const results: { enrolment: { id: string; status: string; waitlistPosition?: number | null } }[] = [];
    for (const id of ids) results.push((await api.ok(ENROL, enrolInput(s.id, id), { as: memberOf(w.boardA) })).enrol);
    expect(results.map((r) => [r.enrolment.status, r.enrolment.waitlistPosition])).toEqual([
      ["REGISTERED", null],
      ["REGISTERED", null],
      ["WAITLISTED", 1],
      ["WAITLISTED", 2],
      ["WAITLISTED", 3],
    ]);

    // A waiting person's cancellation promotes no one and moves those behind them up.
    const cancelWaiting = await api.ok(CANCEL, { id: results[3]!.enrolment.id }, { as: memberOf(w.boardA) });
    expect(cancelWaiting.cancelEnrolment.promoted).toBeNull();
    const last = await api.ok(POSITION, { id: results[4]!.enrolment.id }, { as: "CONSULTANT" });
    expect(last.node).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });

    // A seated person's cancellation gives the seat to the first waiting person, in the same change.
    const cancelSeated = await api.ok(CANCEL, { id: results[0]!.enrolment.id }, { as: memberOf(w.boardA) });
    expect(cancelSeated.cancelEnrolment.enrolment).toEqual({ id: results[0]!.enrolment.id, status: "CANCELLED", waitlistPosition: null });
    expect(cancelSeated.cancelEnrolment.promoted).toEqual({ id: results[2]!.enrolment.id, status: "REGISTERED", waitlistPosition: null });
    const moved = await api.ok(POSITION, { id: results[4]!.enrolment.id }, { as: "CONSULTANT" });
    expect(moved.node).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });

    const seated = await api.database.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.sessionId, s.id), eq(enrolments.status, "REGISTERED")));
    expect(seated).toHaveLength(2);

    // Events carry counts and global ids, never the person.
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "enrolment.changed")).orderBy(domainEvents.position);
    const payloads = events.map((e) => e.payload as Record<string, unknown>);
    const promotedEvent = payloads.find((e) => e.enrolmentId === results[2]!.enrolment.id && e.status === "REGISTERED" && e.waitlistLength === 1);
    expect(promotedEvent).toEqual({
      enrolmentId: results[2]!.enrolment.id,
      sessionId: globalId("TrainingSession", s.id),
      boardId: globalId("Board", w.boardA),
      status: "REGISTERED",
      seatsTaken: 2,
      waitlistLength: 1,
    });
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain("Wacht");
    const audited = await api.database.db.select().from(auditLog).where(eq(auditLog.entityType, "Enrolment")).orderBy(auditLog.createdAt, auditLog.id);
    expect(audited.map((a) => a.operation)).toEqual(expect.arrayContaining(["enrol", "cancelEnrolment", "promoteFromWaitlist"]));
  });

  it("refuses a second live enrolment of one employee, but not after a cancellation", async () => {
    const s = await session(w, 5);
    const [id] = await people(w, w.boardA, 1);
    const first = await api.ok(ENROL, enrolInput(s.id, id!), { as: "CONSULTANT" });
    expect(errorOf(await api.exec(ENROL, enrolInput(s.id, id!), { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "input.employeeId" });
    await api.ok(CANCEL, { id: first.enrol.enrolment.id }, { as: "CONSULTANT" });
    expect((await api.ok(ENROL, enrolInput(s.id, id!), { as: "CONSULTANT" })).enrol.enrolment.status).toBe("REGISTERED");
    expect(errorOf(await api.exec(CANCEL, { id: first.enrol.enrolment.id }, { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "id" });
  });

  it("closes enrolment when the session starts", async () => {
    const s = await session(w, 5, -1);
    const [id] = await people(w, w.boardA, 1);
    expect(errorOf(await api.exec(ENROL, enrolInput(s.id, id!), { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "input.sessionId" });
    expect(await viewerCanEnrol(await contextAs("CONSULTANT"), s)).toBe(false);
    const future = await session(w, 5);
    expect(await viewerCanEnrol(await contextAs("CONSULTANT"), future)).toBe(true);
    expect(await viewerCanEnrol(await contextAs(memberOf(w.boardB)), future)).toBe(true);
    expect(await viewerCanEnrol(await contextAs(expert()), future)).toBe(false);
    expect(await viewerCanEnrol(await contextAs("ANONYMOUS"), future)).toBe(false);
  });

  it("lets a board member enrol only their own board's employees, and never a forgotten one", async () => {
    const s = await session(w, 5);
    const [theirs] = await people(w, w.boardB, 1);
    expect(errorOf(await api.exec(ENROL, enrolInput(s.id, theirs!), { as: memberOf(w.boardA) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(ENROL, enrolInput(s.id, theirs!), { as: expert() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(ENROL, enrolInput(s.id, theirs!)))).toMatchObject({ code: "UNAUTHENTICATED" });
    const [forgotten] = await w.db.insert(employees).values({ boardId: w.boardA, displayName: null, forgottenAt: new Date() }).returning();
    expect(errorOf(await api.exec(ENROL, enrolInput(s.id, forgotten!.id), { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "input.employeeId" });
    expect(errorOf(await api.exec(ENROL, { input: { sessionId: "nope", employeeId: globalId("Employee", theirs!) } }, { as: "CONSULTANT" }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.sessionId",
    });
  });

  it("records attendance only once the session has started, for seated enrolments, and lets it be corrected", async () => {
    const future = await session(w, 1);
    const [p1, p2] = await people(w, w.boardA, 2);
    const seated = await api.ok(ENROL, enrolInput(future.id, p1!), { as: "CONSULTANT" });
    expect(errorOf(await api.exec(ATTEND, { input: { enrolmentId: seated.enrol.enrolment.id, attended: true } }, { as: "CONSULTANT" }))).toMatchObject({
      code: "CONFLICT",
      field: "input.enrolmentId",
    });
    const waiting = await api.ok(ENROL, enrolInput(future.id, p2!), { as: "CONSULTANT" });
    // The session starts: move it into the past, as a session that started would be.
    await w.db
      .update(trainingSessions)
      .set({ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) })
      .where(eq(trainingSessions.id, future.id));
    const input = (id: string, attended: boolean) => ({ input: { enrolmentId: id, attended } });
    // A board member does not record attendance; another expert neither.
    expect(errorOf(await api.exec(ATTEND, input(seated.enrol.enrolment.id, true), { as: memberOf(w.boardA) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(ATTEND, input(seated.enrol.enrolment.id, true), { as: { role: "EXPERT", sub: "expert-2", org: w.expertOrg } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await api.ok(ATTEND, input(seated.enrol.enrolment.id, true), { as: expert() })).recordAttendance.enrolment.status).toBe("ATTENDED");
    expect((await api.ok(ATTEND, input(seated.enrol.enrolment.id, false), { as: "CONSULTANT" })).recordAttendance.enrolment.status).toBe("NO_SHOW");
    expect((await api.ok(ATTEND, input(seated.enrol.enrolment.id, true), { as: "CONSULTANT" })).recordAttendance.enrolment.status).toBe("ATTENDED");
    expect(errorOf(await api.exec(ATTEND, input(waiting.enrol.enrolment.id, true), { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "input.enrolmentId" });
    // After the start a seat is no longer cancelled (attendance is recorded instead).
    expect(errorOf(await api.exec(CANCEL, { id: waiting.enrol.enrolment.id }, { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT" });
  });

  it("shows a session's enrolments to editors and its expert, a board member only their own board's, others none", async () => {
    const s = await session(w, 10);
    const ownA = await people(w, w.boardA, 2, "Eigen");
    const ownB = await people(w, w.boardB, 1, "Ander");
    for (const id of [ownA[0]!, ownB[0]!, ownA[1]!]) await api.ok(ENROL, enrolInput(s.id, id), { as: "CONSULTANT" });
    const seen = async (actor: Actor | Role | "ANONYMOUS") => (await sessionEnrolments(await contextAs(actor), s)).map((e) => e.employeeId);
    expect(await seen("CONSULTANT")).toEqual([ownA[0], ownB[0], ownA[1]]);
    expect(await seen(expert())).toEqual([ownA[0], ownB[0], ownA[1]]);
    expect(await seen(memberOf(w.boardA))).toEqual([ownA[0], ownA[1]]);
    expect(await seen(memberOf(w.boardB))).toEqual([ownB[0]]);
    expect(await seen({ role: "EXPERT", sub: "expert-2", org: w.expertOrg })).toEqual([]);
    expect(await seen({ role: "PARTNER", sub: "partner", org: w.expertOrg })).toEqual([]);
    expect(await seen("ANONYMOUS")).toEqual([]);

    // Through node(id): the expert sees the participant's name on their session; another board's member and the public do not.
    const [enrolment] = await w.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.sessionId, s.id), eq(enrolments.employeeId, ownB[0]!)));
    const id = globalId("Enrolment", enrolment!.id);
    expect((await api.ok(POSITION, { id }, { as: expert() })).node).toMatchObject({ employee: { displayName: "Ander 1" } });
    expect((await api.ok(POSITION, { id }, { as: memberOf(w.boardB) })).node).toMatchObject({ employee: { displayName: "Ander 1" } });
    expect((await api.ok(POSITION, { id }, { as: memberOf(w.boardA) })).node).toBeNull();
    expect((await api.ok(POSITION, { id })).node).toBeNull();
  });

  it.runIf(onPostgres)("lets one of five simultaneous enrolments of one employee on one session through, the others CONFLICT", async () => {
    const s = await session(w, 5);
    const [id] = await people(w, w.boardA, 1);
    const results = await Promise.all(Array.from({ length: 5 }, () => api.exec(ENROL, enrolInput(s.id, id!), { as: "CONSULTANT" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(
      Array.from({ length: 4 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.employeeId" })),
    );
    expect(await w.db.select().from(enrolments).where(eq(enrolments.sessionId, s.id))).toHaveLength(1);
  });

  it.runIf(onPostgres)("never exceeds the capacity when 50 enrol at once on node-postgres", async () => {
    await fiftyAtOnce(api.app, w);
  });
});

/** 50 enrolments at once on a session of 10: exactly 10 seats, 40 waiting at positions 1..40. */
async function fiftyAtOnce(app: App, w: World) {
  const s = await session(w, 10);
  const ids = await people(w, w.boardA, 50, "Rij");
  async function run<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
    const contextValue = await app.createContext({ authorization: `Bearer ${await signDevToken({ role: "CONSULTANT", sub: "consultant" })}` });
    const response = await app.server.executeOperation({ query: document, variables: variables as Record<string, unknown> }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as { data?: TResult | null; errors?: readonly GraphQLFormattedError[] };
  }
  const results = await Promise.all(ids.map((id) => run(ENROL, enrolInput(s.id, id))));
  expect(results.filter((r) => r.errors)).toEqual([]);
  const statuses = results.map((r) => r.data!.enrol.enrolment.status);
  expect(statuses.filter((x) => x === "REGISTERED")).toHaveLength(10);
  expect(statuses.filter((x) => x === "WAITLISTED")).toHaveLength(40);
  const rows = await w.db.select().from(enrolments).where(eq(enrolments.sessionId, s.id));
  expect(rows.filter((r) => r.status === "REGISTERED")).toHaveLength(10);
  const positions = await Promise.all(
    rows.filter((r) => r.status === "WAITLISTED").map(async (r) => (await run(POSITION, { id: globalId("Enrolment", r.id) })).data!.node as { waitlistPosition: number }),
  );
  expect(positions.map((p) => p.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
}

describe.runIf(onPostgres)("enrolment through the Neon driver", () => {
  let database: Database;
  let app: App;
  let proxy: WsProxy;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await createPostgresDatabase(TEST_DATABASE_URL!);
    drop = created.drop;
    const target = new URL(created.url);
    proxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
    database = openDatabase({ driver: "neon", url: created.url, neonWsProxy: proxy.address });
    await migrateDatabase(database);
    app = createApp({ database, auth: devAuth, log: () => {} });
  });
  afterAll(async () => {
    await app?.server.stop();
    await database?.close();
    await proxy?.close();
    await drop?.();
  });

  it("never exceeds the capacity when 50 enrol at once", async () => {
    await fiftyAtOnce(app, await world(database.db));
  });
});
