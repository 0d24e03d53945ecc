// The boards' co-financing of the addendum "investeren in talent" through the API: the ledger
// of charges and payments per board, action and kind with its totals; the ledger's bounds (an
// entry dated within the period plus the reporting window, no amount above the agreement's
// maximum, a payment naming the charge it pays and never paying more than that charge still has
// outstanding, also under concurrent payments); wrong entries corrected by reversing entries,
// never deleted, with every total net of reversals; who reads which entries and who writes
// them; the audit row and event of every write; and the budget view beside the invoices.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { fundingAgreements } from "../../db/schema/funding.js";
import { seedAddendum } from "../../db/seed/funding.js";
import type { AuditFilter, RecordCoFinancingInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId, withRivalReversal } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

let fx: FundingFixture;

const ORG_NAMES = ["Workitects", "Excello", "Vlaamse Regering", "VVSG", "ACV"];
const BOARD_NAMES = ["Gent", "Brugge", "Leuven"];

beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ORG_NAMES, boards: BOARD_NAMES });
});

const RECORD = graphql(`
  mutation CoFinancingRecord($input: RecordCoFinancingInput!) {
    recordCoFinancing(input: $input) { entry { id board { id name } action { id number } kind type amount { cents currency } date note charge { id } reverses { id } reversedBy { id } recordedAt } }
  }
`);
graphql(`fragment CoFinancingTotalsFields on CoFinancingTotals { charged { cents currency } paid { cents } outstanding { cents } }`);
const LEDGER = graphql(`
  query CoFinancingLedger($id: ID!, $boardId: ID) {
    fundingAgreement(id: $id) {
      coFinancing(boardId: $boardId) {
        entries(first: 100) { totalCount edges { node { id board { name } action { number } kind type amount { cents currency } date note charge { id } reverses { id } reversedBy { id } } } }
        byBoard { board { name } totals { ...CoFinancingTotalsFields } }
        byAction { action { number } totals { ...CoFinancingTotalsFields } }
        totals { ...CoFinancingTotalsFields }
      }
    }
  }
`);
graphql(`fragment BudgetLineFields on BudgetLine { approved { cents currency } paid { cents } coFinanced { cents } }`);
const BUDGET = graphql(`
  query CoFinancingBudget($id: ID!) {
    fundingAgreement(id: $id) {
      budget {
        tracks { track { number } amounts { ...BudgetLineFields } actions { action { number } amounts { ...BudgetLineFields } } }
        total { ...BudgetLineFields }
      }
    }
  }
`);
const AUDIT = graphql(
  `query CoFinancingAudit($filter: AuditFilter) { auditLog(first: 100, filter: $filter) { totalCount edges { node { actorRole actorSubject operation entityType entityId before after } } } }`,
);

interface EntryArgs {
  board?: string;
  action?: number;
  kind?: "PARTICIPATION_FEE" | "OWN_CONTRIBUTION";
  type: "CHARGE" | "PAYMENT";
  cents: number;
  date?: string;
  note?: string | null;
  currency?: string;
  /** The global id of the charge a payment pays. */
  charge?: string | null;
}

function entryInput({
  board = "Gent",
  action = 1,
  kind = "PARTICIPATION_FEE",
  type,
  cents,
  date = "2024-02-01",
  note = null,
  currency = "EUR",
  charge = null,
}: EntryArgs): RecordCoFinancingInput {
  return { agreementId: fx.agreementId, boardId: fx.boards[board]!, actionId: fx.actions[action]!, kind, type, amount: { cents, currency }, date, note, chargeId: charge };
}

async function record(args: EntryArgs, as: ExecOptions["as"] = "CONSULTANT") {
  return (await api.ok(RECORD, { input: entryInput(args) }, { as })).recordCoFinancing.entry;
}

/** The ledger with its first page of entries as a plain list (the tests here record fewer than 100). */
async function ledger(boardId?: string, as: ExecOptions["as"] = "CONSULTANT") {
  const { entries, ...rest } = (await api.ok(LEDGER, { id: fx.agreementId, boardId }, { as })).fundingAgreement!.coFinancing;
  expect(entries.totalCount).toBe(entries.edges.length);
  return { entries: entries.edges.map((e) => e.node), ...rest };
}

async function auditCount(filter: AuditFilter = {}): Promise<number> {
  return (await api.ok(AUDIT, { filter }, { as: "ADMIN" })).auditLog.totalCount;
}

const totals = (charged: number, paid: number, outstanding: number) => ({
  charged: { cents: charged, currency: "EUR" },
  paid: { cents: paid },
  outstanding: { cents: outstanding },
});

const REVERSE = graphql(`
  mutation CoFinancingReverse($input: ReverseCoFinancingEntryInput!) {
    reverseCoFinancingEntry(input: $input) {
      entry { id board { name } action { number } kind type amount { cents currency } date note charge { id } reverses { id reversedBy { id } } reversedBy { id } recordedAt }
    }
  }
`);

async function reverse(id: string, reason = "Foutief geboekt", as: ExecOptions["as"] = "CONSULTANT") {
  return (await api.ok(REVERSE, { input: { id, reason } }, { as })).reverseCoFinancingEntry.entry;
}

/** Sets a column of the seeded agreement directly, for terms no mutation of this module sets. */
async function setAgreement(values: Partial<typeof fundingAgreements.$inferInsert>) {
  await api.database.db
    .update(fundingAgreements)
    .set(values)
    .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
}

describe("recordCoFinancing and the ledger", () => {
  it("records a charge and then a payment of it, with totals per board, per action and overall", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000, date: "2024-01-15", note: "Deelnameprijs IAO-traject" });
    expect(charge).toMatchObject({
      board: { id: fx.boards.Gent, name: "Gent" },
      action: { id: fx.actions[1], number: 1 },
      kind: "PARTICIPATION_FEE",
      type: "CHARGE",
      amount: { cents: 100_000, currency: "EUR" },
      date: "2024-01-15",
      note: "Deelnameprijs IAO-traject",
      charge: null,
      reverses: null,
      reversedBy: null,
    });
    expect(Date.parse(charge.recordedAt)).not.toBeNaN();
    const payment = await record({ type: "PAYMENT", cents: 40_000, date: "2024-02-15", charge: charge.id });
    expect(payment).toMatchObject({ type: "PAYMENT", amount: { cents: 40_000 }, note: null, charge: { id: charge.id }, reverses: null });

    await record({ board: "Brugge", type: "CHARGE", cents: 50_000 });
    const action5 = await record({ action: 5, type: "CHARGE", cents: 20_000 });
    await record({ action: 5, type: "PAYMENT", cents: 20_000, date: "2024-03-01", charge: action5.id });

    const all = await ledger();
    expect(all.entries).toHaveLength(5);
    // By date, then in the order recorded.
    expect(all.entries.map((e) => [e.date, e.board.name, e.action.number, e.type, e.amount.cents])).toEqual([
      ["2024-01-15", "Gent", 1, "CHARGE", 100_000],
      ["2024-02-01", "Brugge", 1, "CHARGE", 50_000],
      ["2024-02-01", "Gent", 5, "CHARGE", 20_000],
      ["2024-02-15", "Gent", 1, "PAYMENT", 40_000],
      ["2024-03-01", "Gent", 5, "PAYMENT", 20_000],
    ]);
    expect(all.entries[3]!.charge).toEqual({ id: charge.id });
    expect(all.byBoard).toEqual([
      { board: { name: "Brugge" }, totals: totals(50_000, 0, 50_000) },
      { board: { name: "Gent" }, totals: totals(120_000, 60_000, 60_000) },
    ]);
    expect(all.byAction).toEqual([
      { action: { number: 1 }, totals: totals(150_000, 40_000, 110_000) },
      { action: { number: 5 }, totals: totals(20_000, 20_000, 0) },
    ]);
    expect(all.totals).toEqual(totals(170_000, 60_000, 110_000));

    const gent = await ledger(fx.boards.Gent);
    expect(gent.entries.every((e) => e.board.name === "Gent")).toBe(true);
    expect(gent.entries).toHaveLength(4);
    expect(gent.totals).toEqual(totals(120_000, 60_000, 60_000));
  });

  it("starts empty", async () => {
    const empty = await ledger();
    expect(empty).toEqual({ entries: [], byBoard: [], byAction: [], totals: totals(0, 0, 0) });
  });

  it("pays a charge only with a payment of its own board, action and kind", async () => {
    const fee = await record({ type: "CHARGE", cents: 100_000 });
    const own = await record({ kind: "OWN_CONTRIBUTION", type: "CHARGE", cents: 30_000 });
    const audited = await auditCount();

    for (const [args, why] of [
      [{ kind: "OWN_CONTRIBUTION" as const, charge: fee.id }, "PARTICIPATION_FEE charge, not a OWN_CONTRIBUTION"],
      [{ charge: own.id }, "OWN_CONTRIBUTION charge, not a PARTICIPATION_FEE"],
      [{ board: "Brugge", charge: fee.id }, "another board"],
      [{ action: 2, charge: fee.id }, "another action"],
    ] as const) {
      const result = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 1_000, ...args }) }, { as: "CONSULTANT" });
      expect(errorOf(result), why).toMatchObject({ code: "BAD_USER_INPUT", field: "input.chargeId" });
      expect(errorOf(result).message).toContain(why);
      expect(result.writes).toBe(0);
    }
    expect(await auditCount()).toBe(audited);

    // 100,000 is owed as participation fee, but only 30,000 as own contribution.
    const over = await api.exec(RECORD, { input: entryInput({ kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 30_001, charge: own.id }) }, { as: "CONSULTANT" });
    expect(errorOf(over)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.cents" });
    expect(errorOf(over).message).toContain("OWN_CONTRIBUTION");
    expect(errorOf(over).message).toContain("EUR 300.00");
    await record({ kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 30_000, charge: own.id });
    await record({ type: "PAYMENT", cents: 100_000, charge: fee.id });

    const all = await ledger();
    expect(all.entries.map((e) => [e.kind, e.type, e.amount.cents, e.charge?.id ?? null])).toEqual([
      ["PARTICIPATION_FEE", "CHARGE", 100_000, null],
      ["OWN_CONTRIBUTION", "CHARGE", 30_000, null],
      ["OWN_CONTRIBUTION", "PAYMENT", 30_000, own.id],
      ["PARTICIPATION_FEE", "PAYMENT", 100_000, fee.id],
    ]);
    expect(all.totals).toEqual(totals(130_000, 130_000, 0));
  });

  it("refuses a payment above what its charge still has outstanding, and writes nothing", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000 });
    await record({ type: "PAYMENT", cents: 60_000, charge: charge.id });
    // Other charges of the same board, and of other boards, do not make room on this one.
    await record({ type: "CHARGE", cents: 500_000 });
    await record({ board: "Brugge", type: "CHARGE", cents: 500_000 });
    const before = await ledger();
    const audited = await auditCount();

    for (const cents of [40_001, 60_000]) {
      const result = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents, charge: charge.id }) }, { as: "CONSULTANT" });
      expect(errorOf(result), String(cents)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.cents" });
      expect(errorOf(result).message).toMatch(/more than the EUR 400\.00 this board still owes on this charge/);
      expect(result.writes).toBe(0);
    }
    expect(await ledger()).toEqual(before);
    expect(await auditCount()).toBe(audited);

    // Exactly what is outstanding is fine, and leaves nothing; then not a cent more.
    await record({ type: "PAYMENT", cents: 40_000, charge: charge.id });
    const paidUp = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 1, charge: charge.id }) }, { as: "CONSULTANT" });
    expect(errorOf(paidUp)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.cents" });
    expect(errorOf(paidUp).message).toContain("EUR 0.00");
    const gent = await ledger(fx.boards.Gent);
    expect(gent.byAction.find((a) => a.action.number === 1)!.totals).toEqual(totals(600_000, 100_000, 500_000));
  });

  it("refuses other bad input, naming the field", async () => {
    const refused = async (input: RecordCoFinancingInput, code: string, field: string) => {
      const result = await api.exec(RECORD, { input }, { as: "CONSULTANT" });
      expect(errorOf(result), field).toMatchObject({ code, field });
    };
    await refused(entryInput({ type: "CHARGE", cents: 0 }), "BAD_USER_INPUT", "input.amount.cents");
    await refused(entryInput({ type: "CHARGE", cents: -5 }), "BAD_USER_INPUT", "input.amount.cents");
    await refused(entryInput({ type: "CHARGE", cents: 100, currency: "USD" }), "BAD_USER_INPUT", "input.amount.currency");
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), boardId: globalId("Board", MISSING_UUID) }, "NOT_FOUND", "input.boardId");
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), boardId: fx.orgs.Workitects! }, "BAD_USER_INPUT", "input.boardId");
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), actionId: globalId("Action", MISSING_UUID) }, "NOT_FOUND", "input.actionId");
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), actionId: "nonsense" }, "BAD_USER_INPUT", "input.actionId");
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), agreementId: globalId("FundingAgreement", MISSING_UUID) }, "NOT_FOUND", "input.agreementId");
    // An action of another agreement.
    await api.database.db.transaction((tx) => seedAddendum(tx));
    const all = await api.ok(graphql(`query CoFinancingAgreementActions { fundingAgreements { edges { node { id tracks { actions { id } } } } } }`));
    const other = all.fundingAgreements.edges.map((e) => e.node).find((a) => a.id !== fx.agreementId)!;
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), actionId: other.tracks[0]!.actions[0]!.id }, "BAD_USER_INPUT", "input.actionId");
    expect((await ledger()).entries).toEqual([]);
    expect(await auditCount()).toBe(0);
  });

  it("audits every write with its actor and the entry written, and emits coFinancing.recorded v2 without a person in it", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000, note: "factuur 12" }, { role: "CONSULTANT", sub: "consultant-els" });
    const payment = await record({ type: "PAYMENT", cents: 25_000, charge: charge.id }, { role: "ADMIN", sub: "admin-jan" });
    const log = await api.ok(AUDIT, { filter: { operation: "recordCoFinancing" } }, { as: "ADMIN" });
    expect(log.auditLog.totalCount).toBe(2);
    const byEntity = new Map(log.auditLog.edges.map((e) => [e.node.entityId, e.node] as const));
    expect(byEntity.get(charge.id)).toMatchObject({
      actorRole: "CONSULTANT",
      actorSubject: "consultant-els",
      operation: "recordCoFinancing",
      entityType: "CoFinancingEntry",
      before: null,
      after: {
        entryType: "CHARGE",
        kind: "PARTICIPATION_FEE",
        amountCents: 100_000,
        note: "factuur 12",
        boardId: rowId(fx.boards.Gent!),
        actionId: rowId(fx.actions[1]!),
        recordedBy: "consultant-els",
        chargeId: null,
        reversesId: null,
      },
    });
    expect(byEntity.get(payment.id)).toMatchObject({
      actorRole: "ADMIN",
      actorSubject: "admin-jan",
      after: { entryType: "PAYMENT", amountCents: 25_000, chargeId: rowId(charge.id) },
    });
    expect(await auditCount({ entityId: charge.id })).toBe(1);

    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "coFinancing.recorded")).orderBy(domainEvents.position);
    expect(events.map((e) => [e.version, e.entityId, e.payload])).toEqual([
      [
        2,
        rowId(charge.id),
        {
          entryId: charge.id,
          agreementId: fx.agreementId,
          boardId: fx.boards.Gent,
          actionId: fx.actions[1],
          kind: "PARTICIPATION_FEE",
          type: "CHARGE",
          amountCents: 100_000,
          chargeId: null,
          reversesId: null,
        },
      ],
      [2, rowId(payment.id), expect.objectContaining({ entryId: payment.id, type: "PAYMENT", amountCents: 25_000, chargeId: charge.id, reversesId: null })],
    ]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toMatch(/consultant-els|admin-jan/);
  });

  it.runIf(onPostgres)("lets exactly one of two concurrent payments of one charge that only fit alone through", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000 });
    const results = await Promise.all([0, 1].map(() => api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 60_000, charge: charge.id }) }, { as: "CONSULTANT" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const refused = results.filter((r) => errorOf(r).code === "BAD_USER_INPUT");
    expect(refused).toHaveLength(1);
    expect(errorOf(refused[0]!).field).toBe("input.amount.cents");
    const after = await ledger();
    expect(after.totals).toEqual(totals(100_000, 60_000, 40_000));
    expect(await auditCount({ operation: "recordCoFinancing" })).toBe(2);
  });

  it.runIf(onPostgres)("never lets a charge be overpaid when many payments race", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000 });
    // Another charge of the same board, action and kind: its room must not leak to the first.
    const other = await record({ type: "CHARGE", cents: 100_000 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 30_000, charge: charge.id }) }, { as: "CONSULTANT" })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => errorOf(r).code === "BAD_USER_INPUT")).toHaveLength(5);
    const paid = (await ledger()).entries.filter((e) => e.type === "PAYMENT");
    expect(paid.every((e) => e.charge?.id === charge.id)).toBe(true);
    expect(paid.reduce((t, e) => t + e.amount.cents, 0)).toBe(90_000);
    // Payments of two different charges do not wait for each other's room: both fit.
    const both = await Promise.all(
      [charge.id, other.id].map((id) => api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 10_000, charge: id }) }, { as: "CONSULTANT" })),
    );
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect((await ledger()).totals).toEqual(totals(200_000, 110_000, 90_000));
  });
});

describe("the ledger's bounds", () => {
  it("refuses an amount above the agreement's maximum (EUR 400,000.00), and takes the maximum itself", async () => {
    const result = await api.exec(RECORD, { input: entryInput({ type: "CHARGE", cents: 40_000_001 }) }, { as: "CONSULTANT" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.cents" });
    expect(errorOf(result).message).toContain("EUR 400,000.00");
    expect(result.writes).toBe(0);
    const charge = await record({ type: "CHARGE", cents: 40_000_000 });
    expect(charge.amount.cents).toBe(40_000_000);
  });

  it("dates an entry within the period when the agreement has no reporting window (the seeded addendum)", async () => {
    for (const date of ["2023-06-30", "2025-07-01", "2026-11-15", "1999-01-01"]) {
      const result = await api.exec(RECORD, { input: entryInput({ type: "CHARGE", cents: 100, date }) }, { as: "CONSULTANT" });
      expect(errorOf(result), date).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
      expect(errorOf(result).message).toContain("2023-07-01 to 2025-06-30");
      expect(result.writes).toBe(0);
    }
    const first = await record({ type: "CHARGE", cents: 100, date: "2023-07-01" });
    await record({ type: "PAYMENT", cents: 100, date: "2025-06-30", charge: first.id });
    expect((await ledger()).entries.map((e) => e.date)).toEqual(["2023-07-01", "2025-06-30"]);
  });

  it("lets entries be dated up to the end of the reporting window the agreement sets, not a day later", async () => {
    await setAgreement({ reportingWindowDays: 30 });
    const charge = await record({ type: "CHARGE", cents: 1_000, date: "2025-06-01" });
    // 30 June 2025 plus 30 days.
    await record({ type: "PAYMENT", cents: 500, date: "2025-07-30", charge: charge.id });
    const late = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 500, date: "2025-07-31", charge: charge.id }) }, { as: "CONSULTANT" });
    expect(errorOf(late)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
    expect(errorOf(late).message).toContain("2023-07-01 to 2025-07-30");
    expect(errorOf(late).message).toContain("reporting window of 30 days");
    // The window extends the end only: the start stays the period's.
    const early = await api.exec(RECORD, { input: entryInput({ type: "CHARGE", cents: 500, date: "2023-06-30" }) }, { as: "CONSULTANT" });
    expect(errorOf(early)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.date" });
  });

  it("asks a payment for the charge it pays, and a charge for none", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const noCharge = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 100 }) }, { as: "CONSULTANT" });
    expect(errorOf(noCharge)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.chargeId" });
    expect(errorOf(noCharge).message).toContain("required for a PAYMENT");
    const chargeWithCharge = await api.exec(RECORD, { input: entryInput({ type: "CHARGE", cents: 100, charge: charge.id }) }, { as: "CONSULTANT" });
    expect(errorOf(chargeWithCharge)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.chargeId" });
    expect(errorOf(chargeWithCharge).message).toContain("left out for a CHARGE");

    const payment = await record({ type: "PAYMENT", cents: 1_000, charge: charge.id });
    const refused = async (chargeId: string, code: string, why?: string) => {
      const result = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 100, charge: chargeId }) }, { as: "CONSULTANT" });
      expect(errorOf(result), chargeId).toMatchObject({ code, field: "input.chargeId" });
      if (why) expect(errorOf(result).message).toContain(why);
      expect(result.writes).toBe(0);
    };
    await refused(payment.id, "BAD_USER_INPUT", "is a payment, not a charge");
    await refused(globalId("CoFinancingEntry", MISSING_UUID), "NOT_FOUND");
    await refused(fx.boards.Gent!, "BAD_USER_INPUT", "is not the id of a CoFinancingEntry");
    await refused("nonsense", "BAD_USER_INPUT");

    // A reversed charge is owed no more, and its reversal is no charge.
    const wrong = await record({ type: "CHARGE", cents: 5_000 });
    const reversal = await reverse(wrong.id);
    await refused(wrong.id, "BAD_USER_INPUT", "has been reversed");
    await refused(reversal.id, "BAD_USER_INPUT", "is the reversal of a charge");

    // A charge of another agreement.
    await api.database.db.transaction((tx) => seedAddendum(tx));
    const all = await api.ok(graphql(`query CoFinancingOtherAgreement { fundingAgreements { edges { node { id tracks { actions { id } } } } } }`));
    const other = all.fundingAgreements.edges.map((e) => e.node).find((a) => a.id !== fx.agreementId)!;
    const foreign = await api.ok(
      RECORD,
      { input: { ...entryInput({ type: "CHARGE", cents: 10_000 }), agreementId: other.id, actionId: other.tracks[0]!.actions[0]!.id } },
      { as: "CONSULTANT" },
    );
    await refused(foreign.recordCoFinancing.entry.id, "BAD_USER_INPUT", "is not an entry of this agreement");
  });

  it("refuses every write to a closed agreement with CONFLICT", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const payment = await record({ type: "PAYMENT", cents: 1_000, charge: charge.id });
    await setAgreement({ status: "CLOSED" });
    const audited = await auditCount();
    const recordResult = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 1_000, charge: charge.id }) }, { as: "CONSULTANT" });
    expect(errorOf(recordResult)).toMatchObject({ code: "CONFLICT", field: "input.agreementId" });
    expect(errorOf(recordResult).message).toContain("closed");
    const reverseResult = await api.exec(REVERSE, { input: { id: payment.id, reason: "te laat gezien" } }, { as: "ADMIN" });
    expect(errorOf(reverseResult)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(recordResult.writes + reverseResult.writes).toBe(0);
    expect(await auditCount()).toBe(audited);
    expect((await ledger()).entries).toHaveLength(2);
    // Reopened, it takes writes again.
    await setAgreement({ status: "OPEN" });
    await record({ type: "PAYMENT", cents: 1_000, charge: charge.id });
  });
});

describe("reversing a wrong entry", () => {
  it("cancels a payment with a reversing entry that copies it, dated on its date, with the reason as its note", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000, date: "2024-01-10" });
    const payment = await record({ type: "PAYMENT", cents: 60_000, date: "2024-02-01", charge: charge.id });
    const reversal = await reverse(payment.id, "Dubbel geboekt\nzie rekeninguittreksel 14", { role: "ADMIN", sub: "admin-jan" });
    expect(reversal).toMatchObject({
      board: { name: "Gent" },
      action: { number: 1 },
      kind: "PARTICIPATION_FEE",
      type: "PAYMENT",
      amount: { cents: 60_000, currency: "EUR" },
      date: "2024-02-01",
      note: "Dubbel geboekt\nzie rekeninguittreksel 14",
      charge: { id: charge.id },
      reverses: { id: payment.id, reversedBy: { id: reversal.id } },
      reversedBy: null,
    });
    expect(reversal.id).not.toBe(payment.id);

    // Both stay in the ledger; every total counts the reversal negatively.
    const view = await ledger();
    expect(view.entries.map((e) => [e.id, e.type, e.reverses?.id ?? null, e.reversedBy?.id ?? null])).toEqual([
      [charge.id, "CHARGE", null, null],
      [payment.id, "PAYMENT", null, reversal.id],
      [reversal.id, "PAYMENT", payment.id, null],
    ]);
    expect(view.totals).toEqual(totals(100_000, 0, 100_000));
    expect(view.byBoard).toEqual([{ board: { name: "Gent" }, totals: totals(100_000, 0, 100_000) }]);
    expect(view.byAction).toEqual([{ action: { number: 1 }, totals: totals(100_000, 0, 100_000) }]);

    // The room the payment took is the charge's again.
    await record({ type: "PAYMENT", cents: 100_000, charge: charge.id });
    expect((await ledger()).totals).toEqual(totals(100_000, 100_000, 0));

    const log = await api.ok(AUDIT, { filter: { operation: "reverseCoFinancingEntry" } }, { as: "ADMIN" });
    expect(log.auditLog.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        actorRole: "ADMIN",
        actorSubject: "admin-jan",
        entityType: "CoFinancingEntry",
        entityId: reversal.id,
        before: null,
        after: expect.objectContaining({ reversesId: rowId(payment.id), chargeId: rowId(charge.id), entryType: "PAYMENT", amountCents: 60_000 }),
      }),
    ]);
    const [event] = await api.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.name, "coFinancing.recorded"), eq(domainEvents.entityId, rowId(reversal.id))));
    expect(event).toMatchObject({ version: 2, payload: { entryId: reversal.id, type: "PAYMENT", amountCents: 60_000, chargeId: charge.id, reversesId: payment.id } });
  });

  it("reverses a charge only once its payments are reversed", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000 });
    const first = await record({ type: "PAYMENT", cents: 30_000, charge: charge.id });
    const second = await record({ type: "PAYMENT", cents: 20_000, charge: charge.id });
    const audited = await auditCount();

    const early = await api.exec(REVERSE, { input: { id: charge.id, reason: "verkeerd bestuur" } }, { as: "CONSULTANT" });
    expect(errorOf(early)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(early).message).toContain("reverse its payments first");
    expect(early.writes).toBe(0);
    await reverse(first.id);
    expect(errorOf(await api.exec(REVERSE, { input: { id: charge.id, reason: "verkeerd bestuur" } }, { as: "CONSULTANT" })).code).toBe("CONFLICT");
    await reverse(second.id);
    expect(await auditCount()).toBe(audited + 2);

    const reversal = await reverse(charge.id, "verkeerd bestuur");
    expect(reversal).toMatchObject({ type: "CHARGE", amount: { cents: 100_000 }, charge: null, reverses: { id: charge.id }, note: "verkeerd bestuur" });
    expect((await ledger()).totals).toEqual(totals(0, 0, 0));
    // Budget and ledger agree: nothing co-financed once every payment is reversed.
    const budget = await api.ok(BUDGET, { id: fx.agreementId }, { as: "CONSULTANT" });
    expect(budget.fundingAgreement!.budget.total.coFinanced.cents).toBe(0);
  });

  it("reverses an entry once (CONFLICT), and never a reversal (record the entry again instead)", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const reversal = await reverse(charge.id);
    const audited = await auditCount();

    const again = await api.exec(REVERSE, { input: { id: charge.id, reason: "nog eens" } }, { as: "CONSULTANT" });
    expect(errorOf(again)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(again).message).toContain("already been reversed");
    const ofReversal = await api.exec(REVERSE, { input: { id: reversal.id, reason: "toch juist" } }, { as: "CONSULTANT" });
    expect(errorOf(ofReversal)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.id" });
    expect(errorOf(ofReversal).message).toContain("record the entry again instead");
    expect(again.writes + ofReversal.writes).toBe(0);
    expect(await auditCount()).toBe(audited);
    expect((await ledger()).entries).toHaveLength(2);
  });

  it("refuses an unknown entry, another type's id and a blank reason, naming the field", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const refused = async (input: { id: string; reason: string }, code: string, field: string) => {
      const result = await api.exec(REVERSE, { input }, { as: "CONSULTANT" });
      expect(errorOf(result), `${input.id} ${input.reason}`).toMatchObject({ code, field });
      expect(result.writes).toBe(0);
    };
    await refused({ id: globalId("CoFinancingEntry", MISSING_UUID), reason: "fout" }, "NOT_FOUND", "input.id");
    await refused({ id: fx.boards.Gent!, reason: "fout" }, "BAD_USER_INPUT", "input.id");
    await refused({ id: charge.id, reason: "  \u200b " }, "BAD_USER_INPUT", "input.reason");
    expect((await ledger()).entries).toHaveLength(1);
  });

  it("lets only consultants and admins reverse", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const input = { id: charge.id, reason: "fout" };
    expect(errorOf(await api.exec(REVERSE, { input })).code).toBe("UNAUTHENTICATED");
    for (const actor of [
      { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) },
      { role: "EXPERT", org: rowId(fx.orgs.Workitects!) },
      { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) },
      { role: "PARTNER", org: rowId(fx.orgs.VVSG!) },
    ] as Actor[]) {
      const result = await api.exec(REVERSE, { input }, { as: actor });
      expect(errorOf(result).code, `${actor.role} ${actor.board ?? actor.org}`).toBe("FORBIDDEN");
      expect(result.writes).toBe(0);
    }
    await reverse(charge.id, "fout", "ADMIN");
  });

  it("offers no way to delete an entry", async () => {
    const schema = await api.ok(graphql(`query CoFinancingMutations { __type(name: "Mutation") { fields { name } } }`));
    const names = schema.__type!.fields!.map((f) => f.name);
    expect(names).toContain("reverseCoFinancingEntry");
    expect(names.filter((n) => /delete|remove|destroy/i.test(n) && /cofinancing|entry|ledger/i.test(n))).toEqual([]);
  });

  it.runIf(onPostgres)("answers CONFLICT, not an internal error, when a rival reversal wins on the unique index", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const result = await withRivalReversal(api.url!, "co_financing_entries", rowId(charge.id), "de andere", () =>
      api.exec(REVERSE, { input: { id: charge.id, reason: "fout" } }, { as: "CONSULTANT" }),
    );
    expect(errorOf(result)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(result).message).toContain("already been reversed");
    const reversals = (await ledger()).entries.filter((e) => e.reverses);
    expect(reversals.map((e) => e.note)).toEqual(["de andere"]);
  });

  it.runIf(onPostgres)("reverses an entry once when reversals race", async () => {
    const charge = await record({ type: "CHARGE", cents: 10_000 });
    const payment = await record({ type: "PAYMENT", cents: 4_000, charge: charge.id });
    const results = await Promise.all(Array.from({ length: 4 }, () => api.exec(REVERSE, { input: { id: payment.id, reason: "fout" } }, { as: "CONSULTANT" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.id" })));
    expect((await ledger()).totals).toEqual(totals(10_000, 0, 10_000));
  });

  it.runIf(onPostgres)("never leaves a payment paying a reversed charge when the two race", async () => {
    for (let round = 0; round < 5; round++) {
      const charge = await record({ type: "CHARGE", cents: 10_000 });
      const [paid, reversed] = await Promise.all([
        api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 1_000, charge: charge.id }) }, { as: "CONSULTANT" }),
        api.exec(REVERSE, { input: { id: charge.id, reason: "fout" } }, { as: "ADMIN" }),
      ]);
      // One of the two wins; the other is refused for the state the winner left.
      expect([paid.errors, reversed.errors].filter(Boolean), `round ${round}`).toHaveLength(1);
      if (paid.errors) expect(errorOf(paid)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.chargeId" });
      else expect(errorOf(reversed)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    }
  });
});

describe("who may read and write co-financing", () => {
  let gentCharge: string;
  beforeEach(async () => {
    gentCharge = (await record({ type: "CHARGE", cents: 100_000 })).id;
    await record({ type: "PAYMENT", cents: 30_000, charge: gentCharge });
    await record({ board: "Brugge", type: "CHARGE", cents: 50_000 });
    await record({ board: "Brugge", action: 5, kind: "OWN_CONTRIBUTION", type: "CHARGE", cents: 7_000 });
  });

  it("shows a board member only their own board's entries and totals", async () => {
    const member: Actor = { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) };
    const own = await ledger(undefined, member);
    expect(own.entries).toHaveLength(2);
    expect(own.entries.every((e) => e.board.name === "Gent")).toBe(true);
    expect(own.byBoard.map((b) => b.board.name)).toEqual(["Gent"]);
    expect(own.byAction).toEqual([{ action: { number: 1 }, totals: totals(100_000, 30_000, 70_000) }]);
    expect(own.totals).toEqual(totals(100_000, 30_000, 70_000));
    // Asking for the own board by id is the same.
    expect(await ledger(fx.boards.Gent, member)).toEqual(own);

    const brugge: Actor = { role: "BOARD_MEMBER", board: rowId(fx.boards.Brugge!) };
    const theirs = await ledger(undefined, brugge);
    expect(theirs.entries.map((e) => e.board.name)).toEqual(["Brugge", "Brugge"]);
    expect(theirs.totals).toEqual(totals(57_000, 0, 57_000));

    // A board with no entries sees an empty ledger, not everyone's.
    const leuven = await ledger(undefined, { role: "BOARD_MEMBER", board: rowId(fx.boards.Leuven!) });
    expect(leuven).toEqual({ entries: [], byBoard: [], byAction: [], totals: totals(0, 0, 0) });
  });

  it("answers FORBIDDEN when a board member asks for another board's ledger", async () => {
    const member: Actor = { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) };
    const result = await api.exec(LEDGER, { id: fx.agreementId, boardId: fx.boards.Brugge }, { as: member });
    expect(errorOf(result).code).toBe("FORBIDDEN");
    expect(JSON.stringify(result.data ?? null)).not.toContain("Brugge");
  });

  it("shows a board member their own entries through node(id), not another board's", async () => {
    const entries = (await ledger()).entries;
    const gentEntry = entries.find((e) => e.board.name === "Gent")!;
    const bruggeEntry = entries.find((e) => e.board.name === "Brugge")!;
    const NODE = graphql(`query CoFinancingEntryNode($id: ID!) { node(id: $id) { ... on CoFinancingEntry { id amount { cents } } } }`);
    const member: Actor = { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) };
    expect((await api.ok(NODE, { id: gentEntry.id }, { as: member })).node).toEqual({ id: gentEntry.id, amount: { cents: gentEntry.amount.cents } });
    expect((await api.ok(NODE, { id: bruggeEntry.id }, { as: member })).node).toBeNull();
    expect((await api.ok(NODE, { id: gentEntry.id })).node).toBeNull();
    expect((await api.ok(NODE, { id: gentEntry.id }, { as: { role: "PARTNER", org: rowId(fx.orgs.Workitects!) } })).node).toBeNull();
    expect((await api.ok(NODE, { id: bruggeEntry.id }, { as: { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) } })).node).toMatchObject({ id: bruggeEntry.id });
  });

  it("answers UNAUTHENTICATED to anonymous readers", async () => {
    const result = await api.exec(LEDGER, { id: fx.agreementId });
    expect(errorOf(result).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(LEDGER, { id: fx.agreementId, boardId: fx.boards.Gent })).code).toBe("UNAUTHENTICATED");
  });

  it("answers FORBIDDEN to experts and to partners of organisations outside the agreement and its steering group", async () => {
    for (const actor of [
      { role: "EXPERT", org: rowId(fx.orgs.Workitects!) },
      { role: "EXPERT", org: rowId(fx.orgs.VVSG!) },
      { role: "PARTNER", org: rowId(fx.orgs.Workitects!) },
      { role: "PARTNER", org: rowId(fx.orgs.Excello!) },
    ] as Actor[]) {
      expect(errorOf(await api.exec(LEDGER, { id: fx.agreementId }, { as: actor })).code, `${actor.role} ${actor.org}`).toBe("FORBIDDEN");
    }
  });

  it("shows every board to consultants, admins and the partners of the funder, the beneficiary and the steering group", async () => {
    const full = await ledger(undefined, "ADMIN");
    expect(full.entries).toHaveLength(4);
    expect(full.totals).toEqual(totals(157_000, 30_000, 127_000));
    for (const actor of [
      "CONSULTANT",
      { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) },
      { role: "PARTNER", org: rowId(fx.orgs.VVSG!) },
      // A union in the steering group that manages the means jointly.
      { role: "PARTNER", org: rowId(fx.orgs.ACV!) },
    ] as (Actor | "CONSULTANT")[]) {
      expect(await ledger(undefined, actor)).toEqual(full);
    }
    // They may also narrow it to one board.
    const brugge = await ledger(fx.boards.Brugge, { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) });
    expect(brugge.entries.map((e) => e.board.name)).toEqual(["Brugge", "Brugge"]);
  });

  it("lets only admins and consultants write", async () => {
    const audited = await auditCount();
    const input = entryInput({ type: "PAYMENT", cents: 1_000, charge: gentCharge });
    expect(errorOf(await api.exec(RECORD, { input })).code).toBe("UNAUTHENTICATED");
    for (const actor of [
      { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) },
      { role: "EXPERT", org: rowId(fx.orgs.Workitects!) },
      { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) },
      { role: "PARTNER", org: rowId(fx.orgs.VVSG!) },
      { role: "PARTNER", org: rowId(fx.orgs.Workitects!) },
    ] as Actor[]) {
      expect(errorOf(await api.exec(RECORD, { input }, { as: actor })).code, `${actor.role} ${actor.board ?? actor.org}`).toBe("FORBIDDEN");
    }
    expect((await ledger()).entries).toHaveLength(4);
    expect(await auditCount()).toBe(audited);
    await record({ type: "PAYMENT", cents: 1_000, charge: gentCharge }, "ADMIN");
    await record({ type: "PAYMENT", cents: 1_000, charge: gentCharge }, "CONSULTANT");
    expect((await ledger()).entries).toHaveLength(6);
    expect(await auditCount()).toBe(audited + 2);
  });
});

describe("the budget view", () => {
  const SUBMIT = graphql(`mutation CoFinancingSubmitInvoice($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }`);
  const APPROVE = graphql(`mutation CoFinancingApproveInvoice($id: ID!) { approveInvoice(id: $id) { invoice { id } } }`);
  const PAY = graphql(`mutation CoFinancingPayInvoice($id: ID!) { payInvoice(id: $id) { invoice { id } } }`);
  const REJECT = graphql(`mutation CoFinancingRejectInvoice($input: RejectInvoiceInput!) { rejectInvoice(input: $input) { invoice { id } } }`);
  let n = 0;
  async function invoice(action: number, cents: number, status: "SUBMITTED" | "APPROVED" | "PAID" | "REJECTED") {
    n++;
    const input = {
      agreementId: fx.agreementId,
      actionId: fx.actions[action]!,
      payeeId: fx.orgs.Workitects!,
      reference: `BUD-${n}`,
      amount: { cents, currency: "EUR" },
      invoiceDate: "2024-05-01",
      serviceDate: "2024-05-01",
      boardsServedIds: [fx.boards.Gent!],
    };
    // Two people per payment: one submits, another approves, a third records the payment.
    const id = (await api.ok(SUBMIT, { input }, { as: { role: "CONSULTANT", sub: "consultant-clerk" } })).submitInvoice.invoice.id;
    if (status === "APPROVED" || status === "PAID") await api.ok(APPROVE, { id }, { as: "CONSULTANT" });
    if (status === "PAID") await api.ok(PAY, { id }, { as: "ADMIN" });
    if (status === "REJECTED") await api.ok(REJECT, { input: { id, reason: "niet subsidieerbaar" } }, { as: "CONSULTANT" });
    return id;
  }

  const line = (approved: number, paid: number, coFinanced: number) => ({
    approved: { cents: approved, currency: "EUR" },
    paid: { cents: paid },
    coFinanced: { cents: coFinanced },
  });

  async function budget(as: ExecOptions["as"] = "CONSULTANT") {
    return (await api.ok(BUDGET, { id: fx.agreementId }, { as })).fundingAgreement!.budget;
  }

  it("shows approved (APPROVED and PAID), paid (PAID) and co-financed (boards' payments) per action, per track and in total", async () => {
    // Action 1 (track 1).
    await invoice(1, 1_000_000, "APPROVED");
    await invoice(1, 2_000_000, "PAID");
    await invoice(1, 4_000_000, "SUBMITTED");
    await invoice(1, 8_000_000, "REJECTED");
    // Action 2 (track 1).
    await invoice(2, 300_000, "APPROVED");
    // Action 5 (track 3).
    await invoice(5, 500_000, "PAID");
    await invoice(5, 16_000_000, "REJECTED");
    // Co-financing: only payments count, of every board and kind, net of reversals.
    const gent = await record({ type: "CHARGE", cents: 100_000 });
    await record({ type: "PAYMENT", cents: 60_000, charge: gent.id });
    const brugge = await record({ board: "Brugge", kind: "OWN_CONTRIBUTION", type: "CHARGE", cents: 10_000 });
    await record({ board: "Brugge", kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 10_000, charge: brugge.id });
    await record({ action: 5, type: "CHARGE", cents: 7_000 });
    const action9 = await record({ action: 9, type: "CHARGE", cents: 4_000 });
    await record({ action: 9, type: "PAYMENT", cents: 2_500, charge: action9.id });
    // A wrong payment and its reversal add nothing (counted gross, action 1 would show 80,000).
    const wrong = await record({ type: "PAYMENT", cents: 5_000, charge: gent.id });
    await reverse(wrong.id);

    const view = await budget();
    expect(view.tracks.map((t) => t.track.number)).toEqual([1, 2, 3, 4, 5]);
    const actionLines = new Map<number, unknown>();
    for (const track of view.tracks) {
      for (const a of track.actions) {
        expect(fx.trackOf[a.action.number], `action ${a.action.number}`).toBe(track.track.number);
        actionLines.set(a.action.number, a.amounts);
      }
    }
    expect([...actionLines.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(actionLines.get(1)).toEqual(line(3_000_000, 2_000_000, 70_000));
    expect(actionLines.get(2)).toEqual(line(300_000, 0, 0));
    expect(actionLines.get(3)).toEqual(line(0, 0, 0));
    expect(actionLines.get(5)).toEqual(line(500_000, 500_000, 0));
    expect(actionLines.get(9)).toEqual(line(0, 0, 2_500));
    for (const number of [4, 6, 7, 8]) expect(actionLines.get(number), `action ${number}`).toEqual(line(0, 0, 0));

    const trackLines = new Map(view.tracks.map((t) => [t.track.number, t.amounts] as const));
    expect(trackLines.get(1)).toEqual(line(3_300_000, 2_000_000, 70_000));
    expect(trackLines.get(2)).toEqual(line(0, 0, 0));
    expect(trackLines.get(3)).toEqual(line(500_000, 500_000, 0));
    expect(trackLines.get(4)).toEqual(line(0, 0, 0));
    expect(trackLines.get(5)).toEqual(line(0, 0, 2_500));
    expect(view.total).toEqual(line(3_800_000, 2_500_000, 72_500));
  });

  it("moves an invoice's amount from nowhere to approved to paid as it moves", async () => {
    const id = await invoice(4, 123_456, "SUBMITTED");
    expect((await budget()).total).toEqual(line(0, 0, 0));
    await api.ok(APPROVE, { id }, { as: "ADMIN" });
    expect((await budget()).total).toEqual(line(123_456, 0, 0));
    await api.ok(PAY, { id }, { as: "CONSULTANT" });
    const view = await budget();
    expect(view.total).toEqual(line(123_456, 123_456, 0));
    expect(view.tracks.find((t) => t.track.number === 2)!.amounts).toEqual(line(123_456, 123_456, 0));
  });

  it("is for consultants, admins and the partners of the agreement's parties and steering group: a board member is FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
    await invoice(1, 1_000, "PAID");
    const member = await api.exec(BUDGET, { id: fx.agreementId }, { as: { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) } });
    expect(errorOf(member).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(BUDGET, { id: fx.agreementId }, { as: { role: "PARTNER", org: rowId(fx.orgs.Workitects!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(BUDGET, { id: fx.agreementId }, { as: { role: "EXPERT", org: rowId(fx.orgs.VVSG!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(BUDGET, { id: fx.agreementId })).code).toBe("UNAUTHENTICATED");
    for (const actor of [
      "ADMIN",
      "CONSULTANT",
      { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) },
      { role: "PARTNER", org: rowId(fx.orgs.VVSG!) },
      { role: "PARTNER", org: rowId(fx.orgs.ACV!) },
    ] as (Actor | "ADMIN" | "CONSULTANT")[]) {
      expect((await budget(actor)).total, JSON.stringify(actor)).toEqual(line(1_000, 1_000, 0));
    }
  });
});

const PAGE = graphql(`
  query CoFinancingPage($id: ID!, $first: Int, $after: String) {
    fundingAgreement(id: $id) {
      coFinancing { entries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id date } } } totals { charged { cents } } }
    }
  }
`);

describe("the ledger's entries as a connection", () => {
  it("pages through every entry once, in date order, and counts them all", async () => {
    const dates = ["2024-03-01", "2024-01-15", "2024-02-10", "2024-01-15", "2024-05-20"];
    const recorded = [];
    for (const date of dates) recorded.push(await record({ type: "CHARGE", cents: 10_000, date }));
    const seen: { id: string; date: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const variables: { id: string; first: number; after: string | null } = { id: fx.agreementId, first: 2, after };
      const result = await api.exec(PAGE, variables, { as: "CONSULTANT" });
      const { entries, totals } = result.data!.fundingAgreement!.coFinancing;
      // The totals cover the whole ledger, whatever page is asked.
      expect(entries.totalCount).toBe(5);
      expect(totals.charged.cents).toBe(50_000);
      // The agreement, the totals, their boards and actions, the page and its count: a fixed
      // number of statements, not one per entry.
      expect(result.statements).toBe(6);
      seen.push(...entries.edges.map((e) => e.node));
      pages++;
      if (!entries.pageInfo.hasNextPage) break;
      after = entries.pageInfo.endCursor ?? null;
    }
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id).sort()).toEqual(recorded.map((e) => e.id).sort());
    expect(seen.map((e) => e.date)).toEqual([...dates].sort());
  });

  it("costs the same statements for a ledger of 61 entries with charges, payments and reversals as for one of 5", async () => {
    const DEEP = graphql(`
      query CoFinancingDeepLedger($id: ID!) {
        fundingAgreement(id: $id) {
          coFinancing {
            entries(first: 100) {
              totalCount
              edges {
                node {
                  id board { name } action { number } type recordedAt
                  charge { id amount { cents } board { name } action { number } }
                  reverses { id type board { name } }
                  reversedBy { id note }
                }
              }
            }
            byBoard { board { name } totals { ...CoFinancingTotalsFields } }
            byAction { action { number } totals { ...CoFinancingTotalsFields } }
          }
        }
      }
    `);
    const read = async () => {
      const result = await api.exec(DEEP, { id: fx.agreementId }, { as: "CONSULTANT" });
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, entries: result.data!.fundingAgreement!.coFinancing.entries.edges.map((e) => e.node) };
    };
    const boards = ["Gent", "Brugge", "Leuven"];
    // Each board a charge of action 1; Gent's paid, and the payment reversed.
    const charges = [];
    for (const board of boards) charges.push(await record({ board, action: 1, type: "CHARGE", cents: 1_000 }));
    await reverse((await record({ type: "PAYMENT", cents: 500, charge: charges[0]!.id })).id);
    const small = await read();
    expect(small.entries).toHaveLength(5);
    expect(small.entries.filter((e) => e.charge && e.reverses && !e.reversedBy)).toHaveLength(1);

    // Every board a charge of every other action, each paid, one in three of those payments reversed.
    let n = 0;
    for (const board of boards) {
      for (let action = 2; action <= 9; action++) {
        const charge = await record({ board, action, type: "CHARGE", cents: 1_000 });
        const payment = await record({ board, action, type: "PAYMENT", cents: 400, charge: charge.id });
        if (n++ % 3 === 0) await reverse(payment.id);
      }
    }
    const large = await read();
    expect(large.entries).toHaveLength(61);
    expect(large.entries.filter((e) => e.reverses)).toHaveLength(9);
    expect(large.entries.filter((e) => e.charge?.board.name === e.board.name && e.charge.action.number === e.action.number)).toHaveLength(34);
    expect(large.statements).toBe(small.statements);
  });

  it("refuses more than 100 a page and a forged cursor", async () => {
    expect(errorOf(await api.exec(PAGE, { id: fx.agreementId, first: 101 }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(PAGE, { id: fx.agreementId, after: "bm9wZQ" }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("edge cases", () => {
  it("adds up amounts beyond GraphQL's 32-bit Int exactly", async () => {
    // An agreement of EUR 10 million, so that single charges can be that large.
    await setAgreement({ maxAmountCents: 1_000_000_000 });
    for (const board of ["Gent", "Brugge", "Leuven"]) await record({ board, type: "CHARGE", cents: 1_000_000_000 });
    const view = await ledger();
    expect(view.totals).toEqual(totals(3_000_000_000, 0, 3_000_000_000));
  });

  it("refuses a single amount above EUR 10 million", async () => {
    const result = await api.exec(RECORD, { input: entryInput({ type: "CHARGE", cents: 1_000_000_001 }) }, { as: "CONSULTANT" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.cents" });
    expect(result.writes).toBe(0);
  });

  it("stores a blank note as no note", async () => {
    const entry = await record({ type: "CHARGE", cents: 100, note: "   " });
    expect(entry.note).toBeNull();
  });

  it("checks access before the board id, so an anonymous caller learns nothing from it", async () => {
    const result = await api.exec(LEDGER, { id: fx.agreementId, boardId: "not-an-id" });
    expect(errorOf(result).code).toBe("UNAUTHENTICATED");
  });
});
