// The boards' employees who take part in trainings, and their enrolments on sessions: a seat
// while one is free, else the waitlist, first come, first served. The session row is locked for
// every change of its enrolments, so its seats are counted and given out one change at a time
// and the capacity is never exceeded, however many enrol at once. A board may forget an employee
// (GDPR erasure): the row stays without anything that names the person, so what they attended
// still counts.
import { type AnyColumn, and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { auditLog } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { chargeParticipationFee, reverseParticipationFee } from "../funding/cofinancing.service.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { conflict, forbidden, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { childRows, defineLoader, rowsById } from "../shared/loaders.js";
import { assertCan, assertRoleMay, can, grantFor } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type PageArgs, paginate, toGlobalId } from "../shared/relay.js";
import { notNull, optionalText, requiredText } from "../shared/validation.js";
import { enrolmentChanged } from "./trainings.events.js";
import type { EmployeeMapper as Employee, EnrolmentMapper as Enrolment, TrainingSessionMapper as Session } from "./trainings.mappers.js";
import { attendanceRecord, employeeManage, employeeRead, sessionParticipantsRead } from "./trainings.policy.js";

export type { Employee, Enrolment };

export const employeeLoader = (ctx: Context) => rowsById<Employee>(ctx, employees);
export const enrolmentLoader = (ctx: Context) => rowsById<Enrolment>(ctx, enrolments);
const sessionLoader = (ctx: Context) => rowsById<Session>(ctx, trainingSessions);

/** The statuses that hold a seat. */
const SEATED = ["REGISTERED", "ATTENDED"] as const;

/** Whether a session has started (enrolment closes, attendance opens). */
const started = (session: Session) => session.startsAt.getTime() <= Date.now();

// ---------------------------------------------------------------------------------------------
// Reads

/** An employee, for those who may see the board's employees. */
export async function findEmployee(ctx: Context, id: string): Promise<Employee | null> {
  const employee = await employeeLoader(ctx).load(id);
  if (!employee || !(await can(ctx, employeeRead, employee))) return null;
  return employee;
}

/** Whether the viewer may see an enrolment: its employee's board, or every participant of its session. */
async function mayReadEnrolment(ctx: Context, enrolment: Enrolment): Promise<boolean> {
  if (ctx.actor.role === "ANONYMOUS") return false;
  const employee = await employeeLoader(ctx).load(enrolment.employeeId);
  if (employee && (await can(ctx, employeeRead, employee))) return true;
  const session = await sessionLoader(ctx).load(enrolment.sessionId);
  return Boolean(session && (await can(ctx, sessionParticipantsRead, session)));
}

export async function findEnrolment(ctx: Context, id: string): Promise<Enrolment | null> {
  const enrolment = await enrolmentLoader(ctx).load(id);
  if (!enrolment || !(await mayReadEnrolment(ctx, enrolment))) return null;
  return enrolment;
}

/** An enrolment's employee, whom the viewer sees through the enrolment (the teaching expert too). */
export async function enrolmentEmployee(ctx: Context, enrolment: Enrolment): Promise<Employee> {
  const employee = await employeeLoader(ctx).load(enrolment.employeeId);
  if (!employee) throw new Error(`enrolment ${enrolment.id} has no employee`);
  return employee;
}

export async function enrolmentSession(ctx: Context, enrolment: Enrolment): Promise<Session> {
  const session = await sessionLoader(ctx).load(enrolment.sessionId);
  if (!session) throw new Error(`enrolment ${enrolment.id} has no session`);
  return session;
}

export const employeeBoard = (ctx: Context, employee: Employee) => rowsById<typeof boards.$inferSelect>(ctx, boards).load(employee.boardId);

const enrolmentOrder = [asc(enrolments.queuedAt), asc(enrolments.id)];

/** Each employee's enrolments, in the order of enrolment. */
const enrolmentsOfEmployee = childRows<Enrolment>(
  (ctx, ids) =>
    ctx.db
      .select()
      .from(enrolments)
      .where(inArray(enrolments.employeeId, ids))
      .orderBy(...enrolmentOrder),
  (row) => row.employeeId,
);

/** Each session's enrolments with their employee's board, in the order of enrolment. */
const enrolmentsOfSession = childRows<{ enrolment: Enrolment; boardId: string }>(
  (ctx, ids) =>
    ctx.db
      .select({ enrolment: enrolments, boardId: employees.boardId })
      .from(enrolments)
      .innerJoin(employees, eq(employees.id, enrolments.employeeId))
      .where(inArray(enrolments.sessionId, ids))
      .orderBy(...enrolmentOrder),
  (row) => row.enrolment.sessionId,
);

/**
 * An employee's enrolments: all of them for whoever sees the board's employees; for the teaching
 * expert (who reaches the employee through a session's participants) those of the sessions they teach.
 */
export async function employeeEnrolments(ctx: Context, employee: Employee): Promise<Enrolment[]> {
  const rows = await enrolmentsOfEmployee(ctx).load(employee.id);
  if (await can(ctx, employeeRead, employee)) return rows;
  const sessions = await sessionLoader(ctx).loadMany(rows.map((r) => r.sessionId));
  const visible = await Promise.all(sessions.map((s) => (s && !(s instanceof Error) ? can(ctx, sessionParticipantsRead, s) : false)));
  return rows.filter((_, i) => visible[i]);
}

/**
 * A session's enrolments the viewer may see, in the order of enrolment: all of them for
 * consultants, admins and the teaching expert; a board member's own board's; none for others.
 */
export async function sessionEnrolments(ctx: Context, session: Session): Promise<Enrolment[]> {
  if (ctx.actor.role === "ANONYMOUS") return [];
  const all = await can(ctx, sessionParticipantsRead, session);
  const { actor } = ctx;
  if (!all && actor.role !== "BOARD_MEMBER") return [];
  const rows = await enrolmentsOfSession(ctx).load(session.id);
  return rows.filter((r) => all || (actor.role === "BOARD_MEMBER" && actor.boardId === r.boardId)).map((r) => r.enrolment);
}

/** Whether the viewer may enrol someone on the session now: it has not started, and they manage some board's employees. */
export async function viewerCanEnrol(ctx: Context, session: Session): Promise<boolean> {
  return !started(session) && grantFor(employeeManage, ctx.actor.role) !== "never";
}

/** Each WAITLISTED enrolment's place on its session's waitlist (1 first), by queuedAt then id. */
const waitlistPositions = defineLoader<string, number | null>(async (ctx, ids) => {
  const ranked = ctx.db
    .select({
      id: enrolments.id,
      position: sql<number>`row_number() over (partition by ${enrolments.sessionId} order by ${enrolments.queuedAt}, ${enrolments.id})`.as("position"),
    })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.status, "WAITLISTED"),
        inArray(
          enrolments.sessionId,
          ctx.db
            .select({ sessionId: enrolments.sessionId })
            .from(enrolments)
            .where(inArray(enrolments.id, [...ids])),
        ),
      ),
    )
    .as("ranked");
  const rows = await ctx.db
    .select()
    .from(ranked)
    .where(inArray(ranked.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, Number(r.position)]));
  return ids.map((id) => byId.get(id) ?? null);
});

export async function waitlistPosition(ctx: Context, enrolment: Enrolment): Promise<number | null> {
  if (enrolment.status !== "WAITLISTED") return null;
  return waitlistPositions(ctx).load(enrolment.id);
}

export async function listEmployees(ctx: Context, args: PageArgs & { boardId?: string | null }): Promise<Connection<Employee>> {
  assertRoleMay(ctx, employeeRead);
  let boardId: string | null = null;
  if (args.boardId) {
    boardId = expectGlobalId(args.boardId, "Board", "boardId");
    await assertCan(ctx, employeeRead, { boardId });
  } else if (ctx.actor.role === "BOARD_MEMBER") {
    boardId = ctx.actor.boardId;
  } else if (grantFor(employeeRead, ctx.actor.role) !== "always") {
    throw forbidden(employeeRead.refusal);
  }
  const where = boardId ? eq(employees.boardId, boardId) : undefined;
  // Forgotten employees have no name; they come first, in the order of their ids.
  const name = sql<string>`coalesce(${employees.displayName}, '')`;
  return paginate(
    args,
    { sortKey: name, id: employees.id },
    ({ after, orderBy, limit }) =>
      ctx.db
        .select()
        .from(employees)
        .where(and(where, after))
        .orderBy(...orderBy)
        .limit(limit),
    (row) => [row.displayName ?? "", row.id],
    () => countRows(ctx.db, employees, where),
  );
}

// ---------------------------------------------------------------------------------------------
// Employees

/**
 * A Belgian national register number (rijksregisternummer): 11 digits, written YY.MM.DD-XXX.CC
 * or with any of its dots, dashes or spaces left out. Anything shaped like one is refused, the
 * check digits notwithstanding: the platform never stores one.
 */
const NATIONAL_REGISTER_NUMBER = /(?<!\d)\d{2}[.\- ]?\d{2}[.\- ]?\d{2}[.\- ]?\d{3}[.\- ]?\d{2}(?!\d)/;
const noNationalNumber = <T extends z.ZodType<string | null | undefined>>(schema: T) =>
  schema.refine((v) => !v || !NATIONAL_REGISTER_NUMBER.test(v), { message: "must not hold a national register number: use a display name or a pseudonym" });

const displayName = noNationalNumber(requiredText(200));
const job = noNationalNumber(optionalText(200));
const department = noNationalNumber(optionalText(200));

/** The personal fields of an employee: what forgetting erases. */
const PERSONAL = ["displayName", "job", "department"] as const;

export const createEmployee = fn(
  z.object({ boardId: z.string(), displayName, job, department }),
  async (ctx, input) => {
    const boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, employeeManage, { boardId });
      const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId));
      if (!board) throw notFound("Board", "input.boardId");
      const [employee] = await tx
        .insert(employees)
        .values({ boardId, displayName: input.displayName, job: input.job ?? null, department: input.department ?? null })
        .returning();
      await recorder.record({ operation: "createEmployee", entityType: "Employee", entityId: employee!.id, before: null, after: employee });
      return employee!;
    });
  },
  { argument: "input", authorize: employeeManage },
);

/** Loads and locks an employee the viewer manages, refusing a forgotten one. */
async function lockManagedEmployee(ctx: Context, tx: Tx, id: string, field: string): Promise<Employee> {
  const [employee] = await tx.select().from(employees).where(eq(employees.id, id)).for("update");
  if (!employee) throw notFound("Employee", field);
  await assertCan(ctx, employeeManage, employee);
  if (employee.forgottenAt) throw conflict(field, "The employee has been forgotten: their data was erased");
  return employee;
}

export const updateEmployee = fn(
  z.object({ id: z.string(), displayName: notNull(displayName).optional(), job: job.optional(), department: department.optional() }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "Employee", "input.id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockManagedEmployee(ctx, tx, id, "input.id");
      const patch: Partial<Employee> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.job !== undefined) patch.job = input.job;
      if (input.department !== undefined) patch.department = input.department;
      if (Object.keys(patch).length === 0) return before;
      const [after] = await tx.update(employees).set(patch).where(eq(employees.id, id)).returning();
      await recorder.record({ operation: "updateEmployee", entityType: "Employee", entityId: id, before, after });
      return after!;
    });
  },
  { argument: "input", authorize: employeeManage },
);

/** An employee's audit image without the personal fields. */
function withoutPersonalData(employee: Employee): Omit<Employee, (typeof PERSONAL)[number]> {
  const { displayName: _name, job: _job, department: _department, ...rest } = employee;
  return rest;
}

/**
 * GDPR erasure: the employee's name, job and department are set to null in one change. The row
 * and its enrolments stay, so counts of people reached and seats stay exact. The audit trail must
 * not keep what was erased: the erasure's own audit row records the before-image without the
 * personal fields (it still says who erased which employee, when), and the personal fields are
 * removed from the employee's earlier audit rows (created, updated) in the same transaction, so
 * nothing in the database names the person afterwards.
 */
export const forgetEmployee = fn(
  z.object({ id: z.string() }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "Employee", "id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockManagedEmployee(ctx, tx, id, "id");
      const [after] = await tx.update(employees).set({ displayName: null, job: null, department: null, forgottenAt: sql`now()` }).where(eq(employees.id, id)).returning();
      const strip = (column: AnyColumn) => sql`case when ${column} is null then null else ${column} - 'displayName' - 'job' - 'department' end`;
      await tx
        .update(auditLog)
        .set({ before: strip(auditLog.before), after: strip(auditLog.after) })
        .where(and(eq(auditLog.entityType, "Employee"), eq(auditLog.entityId, id)));
      await recorder.record({ operation: "forgetEmployee", entityType: "Employee", entityId: id, before: withoutPersonalData(before), after: withoutPersonalData(after!) });
      return after!;
    });
  },
  { argument: "id", authorize: employeeManage },
);

// ---------------------------------------------------------------------------------------------
// Enrolments

/** Locks a session row: every change of its enrolments holds this lock, so seats are counted one change at a time. */
async function lockSession(tx: Tx, id: string, field: string): Promise<Session> {
  const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for("update");
  if (!session) throw notFound("TrainingSession", field);
  return session;
}

/** A session's seats taken and waitlist length, as the transaction sees them. */
async function countsOf(tx: Tx, sessionId: string): Promise<{ seatsTaken: number; waitlistLength: number }> {
  const [row] = await tx
    .select({
      seatsTaken: count(sql`case when ${inArray(enrolments.status, [...SEATED])} then 1 end`),
      waitlistLength: count(sql`case when ${enrolments.status} = 'WAITLISTED' then 1 end`),
    })
    .from(enrolments)
    .where(eq(enrolments.sessionId, sessionId));
  return { seatsTaken: Number(row?.seatsTaken ?? 0), waitlistLength: Number(row?.waitlistLength ?? 0) };
}

async function emitChanged(tx: Tx, recorder: Recorder, changed: { enrolment: Enrolment; boardId: string }[]) {
  if (changed.length === 0) return;
  const counts = await countsOf(tx, changed[0]!.enrolment.sessionId);
  for (const { enrolment, boardId } of changed) {
    await recorder.emit(enrolmentChanged, enrolment.id, {
      enrolmentId: toGlobalId("Enrolment", enrolment.id),
      sessionId: toGlobalId("TrainingSession", enrolment.sessionId),
      boardId: toGlobalId("Board", boardId),
      status: enrolment.status,
      ...counts,
    });
  }
}

/**
 * The training's fee for a seat taken today, charged to the employee's board in the co-financing
 * ledger of the training's action's agreement, inside the seat's change (chargeParticipationFee):
 * when the fee cannot be charged (the agreement closed, today outside its ledger's days), the seat
 * is refused with it. Null when the training is free. The note names the training and the
 * session's day, never the person.
 */
async function chargeSeat(ctx: Context, tx: Tx, recorder: Recorder, session: { id: string; trainingId: string; startsAt: Date }, boardId: string, field: string) {
  const [training] = await tx
    .select({ title: trainings.title, feeCents: trainings.feeCents, actionId: trainings.actionId })
    .from(trainings)
    .where(eq(trainings.id, session.trainingId));
  if (!training || training.feeCents === 0 || !training.actionId) return null;
  return chargeParticipationFee(ctx, tx, recorder, {
    actionId: training.actionId,
    boardId,
    amountCents: training.feeCents,
    date: todayInBrussels(),
    note: `Participation fee: training "${training.title.nl}", session of ${todayInBrussels(session.startsAt)}`,
    field,
  });
}

/**
 * Gives a session's free seats to the first waiting people (queuedAt, then id), each charged the
 * training's fee as it takes its seat. The caller holds the session's lock (it changed the
 * capacity or freed a seat). Each promotion is audited and its enrolment.changed event emitted.
 */
export async function promoteWaiting(ctx: Context, tx: Tx, sessionId: string, recorder: Recorder): Promise<Enrolment[]> {
  const [session] = await tx
    .select({ id: trainingSessions.id, capacity: trainingSessions.capacity, trainingId: trainingSessions.trainingId, startsAt: trainingSessions.startsAt })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  if (!session) return [];
  const { seatsTaken } = await countsOf(tx, sessionId);
  const free = session.capacity - seatsTaken;
  if (free <= 0) return [];
  const waiting = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, "WAITLISTED")))
    .orderBy(...enrolmentOrder)
    .limit(free)
    .for("update");
  if (waiting.length === 0) return [];
  const owners = await tx
    .select({ id: employees.id, boardId: employees.boardId })
    .from(employees)
    .where(
      inArray(
        employees.id,
        waiting.map((w) => w.employeeId),
      ),
    );
  const boardOf = new Map(owners.map((o) => [o.id, o.boardId]));
  const promoted: Enrolment[] = [];
  // One by one, in the waitlist's order: each seat with its own charge.
  for (const before of waiting) {
    const charge = await chargeSeat(ctx, tx, recorder, session, boardOf.get(before.employeeId)!, "id");
    const [row] = await tx
      .update(enrolments)
      .set({ status: "REGISTERED", feeChargeId: charge?.id ?? before.feeChargeId })
      .where(eq(enrolments.id, before.id))
      .returning();
    await recorder.record({ operation: "promoteFromWaitlist", entityType: "Enrolment", entityId: row!.id, before, after: row });
    promoted.push(row!);
  }
  await emitChanged(
    tx,
    recorder,
    promoted.map((enrolment) => ({ enrolment, boardId: boardOf.get(enrolment.employeeId)! })),
  );
  return promoted;
}

function enrolledTwice(field: string) {
  return conflict(field, "The employee is already enrolled on this session");
}

export const enrol = fn(
  z.object({ sessionId: z.string(), employeeId: z.string() }),
  async (ctx, input): Promise<{ enrolment: Enrolment; promoted: Enrolment | null }> => {
    const sessionId = expectGlobalId(input.sessionId, "TrainingSession", "input.sessionId");
    const employeeId = expectGlobalId(input.employeeId, "Employee", "input.employeeId");
    try {
      return await change(ctx, async (tx, recorder) => {
        const [employee] = await tx.select().from(employees).where(eq(employees.id, employeeId));
        if (!employee) throw notFound("Employee", "input.employeeId");
        await assertCan(ctx, employeeManage, employee);
        if (employee.forgottenAt) throw conflict("input.employeeId", "The employee has been forgotten: a forgotten employee is not enrolled");
        const session = await lockSession(tx, sessionId, "input.sessionId");
        if (started(session)) throw conflict("input.sessionId", "The session has already started: enrolment closes when it starts");
        const [live] = await tx
          .select({ id: enrolments.id })
          .from(enrolments)
          .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.employeeId, employeeId), sql`${enrolments.status} <> 'CANCELLED'`));
        if (live) throw enrolledTwice("input.employeeId");
        const { seatsTaken } = await countsOf(tx, sessionId);
        const seated = seatsTaken < session.capacity;
        // A seat is charged as it is taken; a place on the waitlist only once it becomes a seat.
        const charge = seated ? await chargeSeat(ctx, tx, recorder, session, employee.boardId, "input.sessionId") : null;
        const [enrolment] = await tx
          .insert(enrolments)
          .values({
            sessionId,
            employeeId,
            status: seated ? "REGISTERED" : "WAITLISTED",
            feeChargeId: charge?.id ?? null,
            // The instant the seat was decided, under the session's lock: the waitlist's order.
            queuedAt: sql`clock_timestamp()`,
            enrolledBy: actorSubject(ctx.actor),
          })
          .returning();
        await recorder.record({ operation: "enrol", entityType: "Enrolment", entityId: enrolment!.id, before: null, after: enrolment });
        await emitChanged(tx, recorder, [{ enrolment: enrolment!, boardId: employee.boardId }]);
        return { enrolment: enrolment!, promoted: null };
      });
    } catch (error) {
      if (uniqueViolation(error) === "enrolments_live_key") throw enrolledTwice("input.employeeId");
      throw error;
    }
  },
  { argument: "input", authorize: employeeManage },
);

/** Loads an enrolment with its employee and session, checking the viewer may act on it. */
async function enrolmentFor<R>(tx: Tx, id: string, field: string, authorize: (employee: Employee, session: Session) => Promise<R>) {
  const [found] = await tx
    .select({ enrolment: enrolments, employee: employees, session: trainingSessions })
    .from(enrolments)
    .innerJoin(employees, eq(employees.id, enrolments.employeeId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .where(eq(enrolments.id, id));
  if (!found) throw notFound("Enrolment", field);
  await authorize(found.employee, found.session);
  const session = await lockSession(tx, found.session.id, field);
  // Re-read under the session's lock: another change may have moved it meanwhile.
  const [enrolment] = await tx.select().from(enrolments).where(eq(enrolments.id, id)).for("update");
  return { enrolment: enrolment!, employee: found.employee, session };
}

export const cancelEnrolment = fn(
  z.object({ id: z.string() }),
  async (ctx, input): Promise<{ enrolment: Enrolment; promoted: Enrolment | null }> => {
    const id = expectGlobalId(input.id, "Enrolment", "id");
    return change(ctx, async (tx, recorder) => {
      const { enrolment: before, employee, session } = await enrolmentFor(tx, id, "id", (employee) => assertCan(ctx, employeeManage, employee));
      if (before.status !== "REGISTERED" && before.status !== "WAITLISTED") {
        throw conflict("id", `The enrolment is ${before.status}: only a REGISTERED or WAITLISTED enrolment is cancelled`);
      }
      if (started(session)) throw conflict("id", "The session has already started: record attendance instead");
      const [enrolment] = await tx.update(enrolments).set({ status: "CANCELLED" }).where(eq(enrolments.id, id)).returning();
      await recorder.record({ operation: "cancelEnrolment", entityType: "Enrolment", entityId: id, before, after: enrolment });
      // The seat is given back: an unpaid fee is no longer owed; a fee the board paid stays.
      if (before.status === "REGISTERED" && before.feeChargeId) {
        await reverseParticipationFee(ctx, tx, recorder, before.feeChargeId, "Enrolment cancelled before the session", "id");
      }
      await emitChanged(tx, recorder, [{ enrolment: enrolment!, boardId: employee.boardId }]);
      const promoted = before.status === "REGISTERED" ? await promoteWaiting(ctx, tx, session.id, recorder) : [];
      return { enrolment: enrolment!, promoted: promoted[0] ?? null };
    });
  },
  { argument: "id", authorize: employeeManage },
);

export const recordAttendance = fn(
  z.object({ enrolmentId: z.string(), attended: z.boolean() }),
  async (ctx, input): Promise<{ enrolment: Enrolment; promoted: Enrolment | null }> => {
    const id = expectGlobalId(input.enrolmentId, "Enrolment", "input.enrolmentId");
    const field = "input.enrolmentId";
    return change(ctx, async (tx, recorder) => {
      const { enrolment: before, employee, session } = await enrolmentFor(tx, id, field, (_, session) => assertCan(ctx, attendanceRecord, session));
      if (!started(session)) throw conflict(field, "The session has not started yet: attendance is recorded once it has");
      if (before.status === "WAITLISTED" || before.status === "CANCELLED") {
        throw conflict(field, `The enrolment is ${before.status}: attendance is recorded for a REGISTERED enrolment`);
      }
      const status = input.attended ? "ATTENDED" : "NO_SHOW";
      if (before.status === status) return { enrolment: before, promoted: null };
      const [enrolment] = await tx.update(enrolments).set({ status }).where(eq(enrolments.id, id)).returning();
      await recorder.record({ operation: "recordAttendance", entityType: "Enrolment", entityId: id, before, after: enrolment });
      await emitChanged(tx, recorder, [{ enrolment: enrolment!, boardId: employee.boardId }]);
      return { enrolment: enrolment!, promoted: null };
    });
  },
  { argument: "input", authorize: attendanceRecord },
);
