// Training participation fees: Training.fee and its rules; a seat (REGISTERED at enrolment, or
// promoted from the waitlist by a cancellation or a capacity rise) charges the training's fee to
// the employee's board in the co-financing ledger of the action's agreement, in the seat's
// transaction; a waiting place is not charged; a cancelled seat's unpaid charge is reversed, a paid
// one stays, a NO_SHOW keeps it; a closed agreement or a day outside its ledger refuses the seat.
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { coFinancingEntries, fundingAgreements } from "../../db/schema/funding.js";
import { organisations } from "../../db/schema/organisations.js";
import { employees, enrolments, trainingSessions } from "../../db/schema/trainings.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import type { CreateTrainingInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, globalId, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
let gent: string;
let leuven: string;
let expertOrg: string;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: [], boards: ["OCMW Gent", "OCMW Leuven"] });
  gent = fx.boards["OCMW Gent"]!;
  leuven = fx.boards["OCMW Leuven"]!;
  // A seat is charged on the day it is taken, today; the addendum's ledger closed on 2025-06-30,
  // so the tests' agreement runs until after today (the refusal outside it is tested on its own).
  await setAgreement({ periodEnd: "2030-06-30" });
  const [org] = await api.database.db
    .insert(organisations)
    .values({ name: { nl: "Docent vzw" }, kind: "NON_PROFIT" })
    .returning();
  expertOrg = org!.id;
});

const setAgreement = (values: Partial<typeof fundingAgreements.$inferInsert>) =>
  api.database.db
    .update(fundingAgreements)
    .set(values)
    .where(eq(fundingAgreements.id, rowId(fx.agreementId)));

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
const memberOf = (boardGlobalId: string): Actor => ({ role: "BOARD_MEMBER", sub: `member-${boardGlobalId}`, board: rowId(boardGlobalId) });
const EXPERT = (): Actor => ({ role: "EXPERT", sub: "expert-1", org: expertOrg });
const DAY = 86_400_000;

const CREATE_TRAINING = graphql(`
  mutation FeesCreateTraining($input: CreateTrainingInput!) { createTraining(input: $input) { training { id fee { cents currency } action { number } } } }
`);
const UPDATE_TRAINING = graphql(`
  mutation FeesUpdateTraining($input: UpdateTrainingInput!) { updateTraining(input: $input) { training { id fee { cents currency } action { number } } } }
`);
const CREATE_SESSION = graphql(`
  mutation FeesCreateSession($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id } } }
`);
const UPDATE_SESSION = graphql(`
  mutation FeesUpdateSession($input: UpdateTrainingSessionInput!) { updateTrainingSession(input: $input) { session { id capacity seatsTaken } } }
`);
const ENROL = graphql(`
  mutation FeesEnrol($input: EnrolInput!) {
    enrol(input: $input) { enrolment { id status feeCharge { id kind type amount { cents currency } date board { id } action { number } } } }
  }
`);
const CANCEL = graphql(`
  mutation FeesCancel($id: ID!) { cancelEnrolment(id: $id) { enrolment { id status } promoted { id status } } }
`);
const ATTEND = graphql(`
  mutation FeesAttend($input: RecordAttendanceInput!) { recordAttendance(input: $input) { enrolment { id status } } }
`);
const ENROLMENT = graphql(`
  query FeesEnrolment($id: ID!) { node(id: $id) { ... on Enrolment { id status feeCharge { id amount { cents } } } } }
`);
const CO_FINANCING = graphql(`
  query FeesCoFinancing($id: ID!, $boardId: ID) {
    node(id: $id) { __typename ... on FundingAgreement { coFinancing(boardId: $boardId) { totals { charged { cents } paid { cents } outstanding { cents } } } } }
  }
`);
const RECORD_PAYMENT = graphql(`
  mutation FeesRecordPayment($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }
`);

async function training(input: Partial<CreateTrainingInput> = {}) {
  const data = await api.ok(
    CREATE_TRAINING,
    { input: { title: { nl: "Leidinggeven met prijs" }, topic: "leiderschap", format: "OPEN", actionId: fx.actions[5]!, fee: { cents: 2_500 }, ...input } },
    { as: CONSULTANT },
  );
  return data.createTraining.training;
}

async function session(trainingId: string, capacity: number) {
  const startsAt = new Date(Date.now() + 7 * DAY);
  const data = await api.ok(
    CREATE_SESSION,
    {
      input: {
        trainingId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        online: true,
        capacity,
        expertOrganisationId: globalId("Organisation", expertOrg),
        expertSubject: "expert-1",
      },
    },
    { as: CONSULTANT },
  );
  return data.createTrainingSession.session.id;
}

let people = 0;
async function employee(boardGlobalId: string) {
  const [row] = await api.database.db
    .insert(employees)
    .values({ boardId: rowId(boardGlobalId), displayName: `Medewerker ${++people}` })
    .returning();
  return globalId("Employee", row!.id);
}

const enrol = async (sessionId: string, boardGlobalId: string) =>
  (await api.ok(ENROL, { input: { sessionId, employeeId: await employee(boardGlobalId) } }, { as: memberOf(boardGlobalId) })).enrol.enrolment;

const ledger = (boardGlobalId: string) =>
  api.database.db
    .select()
    .from(coFinancingEntries)
    .where(eq(coFinancingEntries.boardId, rowId(boardGlobalId)))
    .orderBy(coFinancingEntries.createdAt);

async function totals(boardGlobalId: string) {
  const data = await api.ok(CO_FINANCING, { id: fx.agreementId, boardId: boardGlobalId }, { as: CONSULTANT });
  if (data.node?.__typename !== "FundingAgreement") throw new Error("not an agreement");
  return data.node.coFinancing.totals;
}

const feeChargeId = async (enrolmentGlobalId: string) =>
  (
    await api.database.db
      .select()
      .from(enrolments)
      .where(eq(enrolments.id, rowId(enrolmentGlobalId)))
  )[0]!.feeChargeId;

describe("a training's fee", () => {
  it("is money in euro, zero when free; a fee above zero needs an action and the agreement's currency", async () => {
    expect(await training()).toMatchObject({ fee: { cents: 2_500, currency: "EUR" }, action: { number: 5 } });
    const free = await training({ title: { nl: "Gratis" }, fee: null, actionId: null });
    expect(free).toMatchObject({ fee: { cents: 0, currency: "EUR" }, action: null });
    const err = async (input: Partial<CreateTrainingInput>) =>
      errorOf(await api.exec(CREATE_TRAINING, { input: { title: { nl: "Fout" }, topic: "x", format: "OPEN", ...input } }, { as: CONSULTANT }));
    expect(await err({ fee: { cents: 100 } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await err({ fee: { cents: 100, currency: "USD" }, actionId: fx.actions[5]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.fee.currency" });
    expect(await err({ fee: { cents: -100 }, actionId: fx.actions[5]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.fee.cents" });

    const update = (input: Record<string, unknown>) => api.exec(UPDATE_TRAINING, { input: { id: free.id, ...input } }, { as: CONSULTANT });
    expect(errorOf(await update({ fee: { cents: 700 } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect((await update({ fee: { cents: 700 }, actionId: fx.actions[6]! })).data?.updateTraining.training).toMatchObject({ fee: { cents: 700 }, action: { number: 6 } });
    expect(errorOf(await update({ actionId: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect((await update({ fee: null })).data?.updateTraining.training).toMatchObject({ fee: { cents: 0 }, action: { number: 6 } });
    const [audit] = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(free.id)), eq(auditLog.operation, "updateTraining")))
      .orderBy(auditLog.createdAt);
    expect(audit!.after).toMatchObject({ feeCents: 700 });
  });
});

describe("charging seats", () => {
  it("charges a seat to the employee's board when it is taken, not a waiting place until it becomes a seat; a cancelled seat's unpaid charge is reversed", async () => {
    const t = await training();
    const s = await session(t.id, 1);
    const seated = await enrol(s, gent);
    expect(seated).toMatchObject({
      status: "REGISTERED",
      feeCharge: { kind: "PARTICIPATION_FEE", type: "CHARGE", amount: { cents: 2_500, currency: "EUR" }, date: todayInBrussels(), board: { id: gent }, action: { number: 5 } },
    });
    const [charge] = await ledger(gent);
    expect(charge).toMatchObject({ amountCents: 2_500, entryDate: todayInBrussels(), kind: "PARTICIPATION_FEE", entryType: "CHARGE", agreementId: rowId(fx.agreementId) });
    expect(charge!.note).not.toContain("Medewerker");
    expect(await feeChargeId(seated.id)).toBe(charge!.id);
    expect(await totals(gent)).toEqual({ charged: { cents: 2_500 }, paid: { cents: 0 }, outstanding: { cents: 2_500 } });

    const waiting = await enrol(s, leuven);
    expect(waiting).toMatchObject({ status: "WAITLISTED", feeCharge: null });
    expect(await ledger(leuven)).toHaveLength(0);

    // The charge is read by those who read the board's co-financing; the teaching expert sees the enrolment, not the charge.
    const read = async (as: Actor) => (await api.ok(ENROLMENT, { id: seated.id }, { as })).node;
    expect(await read(CONSULTANT)).toMatchObject({ feeCharge: { amount: { cents: 2_500 } } });
    expect(await read(memberOf(gent))).toMatchObject({ feeCharge: { id: globalId("CoFinancingEntry", charge!.id) } });
    expect(await read(EXPERT())).toMatchObject({ status: "REGISTERED", feeCharge: null });

    // Cancelling the seat reverses its charge and charges the person who takes it, in the same change.
    const cancelled = await api.ok(CANCEL, { id: seated.id }, { as: memberOf(gent) });
    expect(cancelled.cancelEnrolment.promoted).toEqual({ id: waiting.id, status: "REGISTERED" });
    const [, reversal] = await ledger(gent);
    expect(reversal).toMatchObject({ reversesId: charge!.id, amountCents: 2_500 });
    expect(await totals(gent)).toEqual({ charged: { cents: 0 }, paid: { cents: 0 }, outstanding: { cents: 0 } });
    const [promotedCharge] = await ledger(leuven);
    expect(promotedCharge).toMatchObject({ amountCents: 2_500, entryType: "CHARGE", reversesId: null, entryDate: todayInBrussels() });
    expect(await feeChargeId(waiting.id)).toBe(promotedCharge!.id);
    expect(await totals(leuven)).toMatchObject({ charged: { cents: 2_500 } });

    expect((await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, charge!.id))).map((a) => a.operation)).toEqual(["chargeParticipationFee"]);
    expect((await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, reversal!.id))).map((a) => a.operation)).toEqual(["reverseParticipationFee"]);
    const recorded = (await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "coFinancing.recorded"))).map((e) => e.payload as Record<string, unknown>);
    expect(recorded.map((p) => [p.boardId, p.type, p.amountCents, p.reversesId !== null])).toEqual([
      [gent, "CHARGE", 2_500, false],
      [gent, "CHARGE", 2_500, true],
      [leuven, "CHARGE", 2_500, false],
    ]);
    // The enrolment's own events carry no fee.
    const [enrolmentEvent] = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "enrolment.changed"));
    expect(Object.keys(enrolmentEvent!.payload as object)).not.toContain("feeChargeId");
  });

  it("charges the people a capacity rise seats", async () => {
    const t = await training();
    const s = await session(t.id, 1);
    await enrol(s, gent);
    const waiting = await enrol(s, leuven);
    expect(await ledger(leuven)).toHaveLength(0);
    const raised = await api.ok(UPDATE_SESSION, { input: { id: s, capacity: 2 } }, { as: CONSULTANT });
    expect(raised.updateTrainingSession.session).toMatchObject({ capacity: 2, seatsTaken: 2 });
    const [charge] = await ledger(leuven);
    expect(charge).toMatchObject({ amountCents: 2_500, entryType: "CHARGE" });
    expect(await feeChargeId(waiting.id)).toBe(charge!.id);
  });

  it("keeps a paid charge when the seat is cancelled, and a NO_SHOW's charge", async () => {
    const t = await training();
    const s = await session(t.id, 5);
    const paid = await enrol(s, gent);
    await api.ok(
      RECORD_PAYMENT,
      {
        input: {
          agreementId: fx.agreementId,
          boardId: gent,
          actionId: fx.actions[5]!,
          kind: "PARTICIPATION_FEE",
          type: "PAYMENT",
          amount: { cents: 1_000 },
          date: todayInBrussels(),
          chargeId: paid.feeCharge!.id,
        },
      },
      { as: CONSULTANT },
    );
    await api.ok(CANCEL, { id: paid.id }, { as: memberOf(gent) });
    expect(await totals(gent)).toEqual({ charged: { cents: 2_500 }, paid: { cents: 1_000 }, outstanding: { cents: 1_500 } });

    const absent = await enrol(s, leuven);
    // The session starts: attendance is recorded once it has.
    await api.database.db
      .update(trainingSessions)
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where(eq(trainingSessions.id, rowId(s)));
    const noShow = await api.ok(ATTEND, { input: { enrolmentId: absent.id, attended: false } }, { as: CONSULTANT });
    expect(noShow.recordAttendance.enrolment.status).toBe("NO_SHOW");
    expect(await totals(leuven)).toEqual({ charged: { cents: 2_500 }, paid: { cents: 0 }, outstanding: { cents: 2_500 } });
    expect(await api.database.db.$count(coFinancingEntries, isNotNull(coFinancingEntries.reversesId))).toBe(0);
  });

  it("refuses a seat, writing nothing, when the agreement is closed or today is outside its ledger; a waiting place is not charged, so it is taken", async () => {
    const t = await training();
    const s = await session(t.id, 1);
    const seated = await enrol(s, gent);
    await setAgreement({ status: "CLOSED" });
    const other = await session(t.id, 1);
    const refused = errorOf(await api.exec(ENROL, { input: { sessionId: other, employeeId: await employee(gent) } }, { as: memberOf(gent) }));
    expect(refused).toMatchObject({ code: "CONFLICT", field: "input.sessionId" });
    expect(await api.database.db.$count(enrolments, eq(enrolments.sessionId, rowId(other)))).toBe(0);
    const waiting = await enrol(s, leuven);
    expect(waiting).toMatchObject({ status: "WAITLISTED", feeCharge: null });
    // Giving the seat back would reverse its charge in a frozen ledger: the cancellation waits for a reopening.
    expect(errorOf(await api.exec(CANCEL, { id: seated.id }, { as: memberOf(gent) }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect((await api.ok(ENROLMENT, { id: seated.id }, { as: CONSULTANT })).node).toMatchObject({ status: "REGISTERED" });

    await setAgreement({ status: "OPEN", periodEnd: "2025-06-30" });
    const late = errorOf(await api.exec(ENROL, { input: { sessionId: other, employeeId: await employee(gent) } }, { as: memberOf(gent) }));
    expect(late).toMatchObject({ code: "CONFLICT", field: "input.sessionId" });
    expect(late.message).toContain(`cannot be charged on ${todayInBrussels()}`);
    expect(await api.database.db.$count(enrolments, eq(enrolments.sessionId, rowId(other)))).toBe(0);
    expect(await api.database.db.$count(coFinancingEntries)).toBe(1);
  });

  it("charges nothing for a free training", async () => {
    const t = await training({ fee: null });
    const s = await session(t.id, 1);
    const seated = await enrol(s, gent);
    expect(seated).toMatchObject({ status: "REGISTERED", feeCharge: null });
    expect(await feeChargeId(seated.id)).toBeNull();
    expect(await api.database.db.$count(coFinancingEntries)).toBe(0);
  });
});
