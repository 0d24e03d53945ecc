// The boards' co-financing of the addendum "investeren in talent" through the API: the ledger
// of charges and payments per board, action and kind with its totals, the rule that a board
// never pays more than it owes (also under concurrent payments), who reads which entries and
// who writes them, the audit row of every write, and the budget view beside the invoices.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedAddendum } from "../../db/seed/funding.js";
import { seedDatabase } from "../../db/seed/index.js";
import type { AuditFilter, RecordCoFinancingInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

let fx: FundingFixture;

const ORG_NAMES = ["Workitects", "Excello", "Vlaamse Regering", "VVSG", "ACV"];
const BOARD_NAMES = ["Gent", "Brugge", "Leuven"];

beforeEach(async () => {
  await api.reset();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: ORG_NAMES, boards: BOARD_NAMES });
});

const RECORD = graphql(`
  mutation CoFinancingRecord($input: RecordCoFinancingInput!) {
    recordCoFinancing(input: $input) { entry { id board { id name } action { id number } kind type amount { cents currency } date note } }
  }
`);
graphql(`fragment CoFinancingTotalsFields on CoFinancingTotals { charged { cents currency } paid { cents } outstanding { cents } }`);
const LEDGER = graphql(`
  query CoFinancingLedger($id: ID!, $boardId: ID) {
    fundingAgreement(id: $id) {
      coFinancing(boardId: $boardId) {
        entries(first: 100) { totalCount edges { node { id board { name } action { number } kind type amount { cents currency } date note } } }
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
}: EntryArgs): RecordCoFinancingInput {
  return { agreementId: fx.agreementId, boardId: fx.boards[board]!, actionId: fx.actions[action]!, kind, type, amount: { cents, currency }, date, note };
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

describe("recordCoFinancing and the ledger", () => {
  it("records a charge and then a payment, with totals per board, per action and overall", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000, date: "2024-01-15", note: "Deelnameprijs IAO-traject" });
    expect(charge).toMatchObject({
      board: { id: fx.boards.Gent, name: "Gent" },
      action: { id: fx.actions[1], number: 1 },
      kind: "PARTICIPATION_FEE",
      type: "CHARGE",
      amount: { cents: 100_000, currency: "EUR" },
      date: "2024-01-15",
      note: "Deelnameprijs IAO-traject",
    });
    const payment = await record({ type: "PAYMENT", cents: 40_000, date: "2024-02-15" });
    expect(payment).toMatchObject({ type: "PAYMENT", amount: { cents: 40_000 }, note: null });

    await record({ board: "Brugge", type: "CHARGE", cents: 50_000 });
    await record({ action: 5, type: "CHARGE", cents: 20_000 });
    await record({ action: 5, type: "PAYMENT", cents: 20_000, date: "2024-03-01" });

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

  it("keeps own contributions apart from participation fees: what a board owes as one kind cannot be paid as the other", async () => {
    await record({ type: "CHARGE", cents: 100_000 });
    await record({ kind: "OWN_CONTRIBUTION", type: "CHARGE", cents: 30_000 });

    // 100,000 is owed as participation fee, but only 30,000 as own contribution.
    const over = await api.exec(RECORD, { input: entryInput({ kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 30_001 }) }, { as: "CONSULTANT" });
    expect(errorOf(over)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount" });
    expect(errorOf(over).message).toContain("OWN_CONTRIBUTION");
    expect(errorOf(over).message).toContain("EUR 300.00");
    await record({ kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 30_000 });
    // The own contribution is paid in full; the participation fee is still wholly owed.
    const fee = await api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 100_001 }) }, { as: "CONSULTANT" });
    expect(errorOf(fee)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount" });
    await record({ type: "PAYMENT", cents: 100_000 });
    expect(errorOf(await api.exec(RECORD, { input: entryInput({ kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 1 }) }, { as: "CONSULTANT" })).field).toBe("input.amount");

    const all = await ledger();
    expect(all.entries.map((e) => [e.kind, e.type, e.amount.cents])).toEqual([
      ["PARTICIPATION_FEE", "CHARGE", 100_000],
      ["OWN_CONTRIBUTION", "CHARGE", 30_000],
      ["OWN_CONTRIBUTION", "PAYMENT", 30_000],
      ["PARTICIPATION_FEE", "PAYMENT", 100_000],
    ]);
    expect(all.totals).toEqual(totals(130_000, 130_000, 0));
  });

  it("refuses a payment above what the board still owes for that action and kind, and writes nothing", async () => {
    await record({ type: "CHARGE", cents: 100_000 });
    await record({ type: "PAYMENT", cents: 60_000 });
    // Other boards' and other actions' debts do not count.
    await record({ board: "Brugge", type: "CHARGE", cents: 500_000 });
    await record({ action: 2, type: "CHARGE", cents: 500_000 });
    const before = await ledger();
    const audited = await auditCount();

    for (const args of [
      { type: "PAYMENT" as const, cents: 40_001 },
      { type: "PAYMENT" as const, cents: 60_000 },
      // Nothing charged at all for this board and action.
      { board: "Leuven", type: "PAYMENT" as const, cents: 1 },
      { action: 3, type: "PAYMENT" as const, cents: 1 },
    ]) {
      const result = await api.exec(RECORD, { input: entryInput(args) }, { as: "CONSULTANT" });
      expect(errorOf(result), JSON.stringify(args)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount" });
      expect(errorOf(result).message).toMatch(/owes/);
      expect(result.writes).toBe(0);
    }
    expect(await ledger()).toEqual(before);
    expect(await auditCount()).toBe(audited);

    // Exactly what is owed is fine, and leaves nothing outstanding.
    await record({ type: "PAYMENT", cents: 40_000 });
    const gent = await ledger(fx.boards.Gent);
    expect(gent.byAction.find((a) => a.action.number === 1)!.totals).toEqual(totals(100_000, 100_000, 0));
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
    // An action of another agreement.
    await api.database.db.transaction((tx) => seedAddendum(tx));
    const all = await api.ok(graphql(`query CoFinancingAgreementActions { fundingAgreements { edges { node { id tracks { actions { id } } } } } }`));
    const other = all.fundingAgreements.edges.map((e) => e.node).find((a) => a.id !== fx.agreementId)!;
    await refused({ ...entryInput({ type: "CHARGE", cents: 100 }), actionId: other.tracks[0]!.actions[0]!.id }, "BAD_USER_INPUT", "input.actionId");
    expect((await ledger()).entries).toEqual([]);
    expect(await auditCount()).toBe(0);
  });

  it("audits every write with its actor and the entry written", async () => {
    const charge = await record({ type: "CHARGE", cents: 100_000, note: "factuur 12" }, { role: "CONSULTANT", sub: "consultant-els" });
    const payment = await record({ type: "PAYMENT", cents: 25_000 }, { role: "ADMIN", sub: "admin-jan" });
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
      },
    });
    expect(byEntity.get(payment.id)).toMatchObject({ actorRole: "ADMIN", actorSubject: "admin-jan", after: { entryType: "PAYMENT", amountCents: 25_000 } });
    expect(await auditCount({ entityId: charge.id })).toBe(1);
  });

  it.runIf(onPostgres)("lets exactly one of two concurrent payments that only fit alone through", async () => {
    await record({ type: "CHARGE", cents: 100_000 });
    const results = await Promise.all([0, 1].map(() => api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 60_000 }) }, { as: "CONSULTANT" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const refused = results.filter((r) => errorOf(r).code === "BAD_USER_INPUT");
    expect(refused).toHaveLength(1);
    expect(errorOf(refused[0]!).field).toBe("input.amount");
    const after = await ledger();
    expect(after.totals).toEqual(totals(100_000, 60_000, 40_000));
    expect(await auditCount({ operation: "recordCoFinancing" })).toBe(2);
  });

  it.runIf(onPostgres)("never lets a board pay more than it owes when many payments race", async () => {
    await record({ type: "CHARGE", cents: 100_000 });
    const results = await Promise.all(Array.from({ length: 8 }, () => api.exec(RECORD, { input: entryInput({ type: "PAYMENT", cents: 30_000 }) }, { as: "CONSULTANT" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => errorOf(r).code === "BAD_USER_INPUT")).toHaveLength(5);
    expect((await ledger()).totals).toEqual(totals(100_000, 90_000, 10_000));
  });
});

describe("who may read and write co-financing", () => {
  beforeEach(async () => {
    await record({ type: "CHARGE", cents: 100_000 });
    await record({ type: "PAYMENT", cents: 30_000 });
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

  it("answers FORBIDDEN to experts and to partners of other organisations", async () => {
    for (const actor of [
      { role: "EXPERT", org: rowId(fx.orgs.Workitects!) },
      { role: "EXPERT", org: rowId(fx.orgs.VVSG!) },
      { role: "PARTNER", org: rowId(fx.orgs.ACV!) },
    ] as Actor[]) {
      expect(errorOf(await api.exec(LEDGER, { id: fx.agreementId }, { as: actor })).code, `${actor.role} ${actor.org}`).toBe("FORBIDDEN");
    }
  });

  it("shows every board to consultants, admins and the funder's and beneficiary's partners", async () => {
    const full = await ledger(undefined, "ADMIN");
    expect(full.entries).toHaveLength(4);
    expect(full.totals).toEqual(totals(157_000, 30_000, 127_000));
    for (const actor of ["CONSULTANT", { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) }, { role: "PARTNER", org: rowId(fx.orgs.VVSG!) }] as (Actor | "CONSULTANT")[]) {
      expect(await ledger(undefined, actor)).toEqual(full);
    }
    // They may also narrow it to one board.
    const brugge = await ledger(fx.boards.Brugge, { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) });
    expect(brugge.entries.map((e) => e.board.name)).toEqual(["Brugge", "Brugge"]);
  });

  it("lets only admins and consultants write", async () => {
    const audited = await auditCount();
    const input = entryInput({ type: "PAYMENT", cents: 1_000 });
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
    await record({ type: "PAYMENT", cents: 1_000 }, "ADMIN");
    await record({ type: "PAYMENT", cents: 1_000 }, "CONSULTANT");
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
    // Co-financing: only payments count, of every board and kind.
    await record({ type: "CHARGE", cents: 100_000 });
    await record({ type: "PAYMENT", cents: 60_000 });
    await record({ board: "Brugge", kind: "OWN_CONTRIBUTION", type: "CHARGE", cents: 10_000 });
    await record({ board: "Brugge", kind: "OWN_CONTRIBUTION", type: "PAYMENT", cents: 10_000 });
    await record({ action: 5, type: "CHARGE", cents: 7_000 });
    await record({ action: 9, type: "CHARGE", cents: 4_000 });
    await record({ action: 9, type: "PAYMENT", cents: 2_500 });

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

  it("is for consultants, admins and the agreement's partners: a board member is FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
    await invoice(1, 1_000, "PAID");
    const member = await api.exec(BUDGET, { id: fx.agreementId }, { as: { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) } });
    expect(errorOf(member).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(BUDGET, { id: fx.agreementId }, { as: { role: "PARTNER", org: rowId(fx.orgs.ACV!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(BUDGET, { id: fx.agreementId }, { as: { role: "EXPERT", org: rowId(fx.orgs.VVSG!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(BUDGET, { id: fx.agreementId })).code).toBe("UNAUTHENTICATED");
    for (const actor of ["ADMIN", "CONSULTANT", { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) }, { role: "PARTNER", org: rowId(fx.orgs.VVSG!) }] as (
      | Actor
      | "ADMIN"
      | "CONSULTANT"
    )[]) {
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

  it("costs the same statements for a ledger of 24 entries over three boards as for one of 3", async () => {
    const statementsFor = async () => (await api.exec(LEDGER, { id: fx.agreementId }, { as: "CONSULTANT" })).statements;
    const boards = ["Gent", "Brugge", "Leuven"];
    for (const board of boards) await record({ board, action: 1, type: "CHARGE", cents: 1_000 });
    const small = await statementsFor();
    for (let i = 0; i < 21; i++) await record({ board: boards[i % 3], action: (i % 9) + 1, type: "CHARGE", cents: 1_000 });
    expect((await ledger()).entries).toHaveLength(24);
    expect(await statementsFor()).toBe(small);
  });

  it("refuses more than 100 a page and a forged cursor", async () => {
    expect(errorOf(await api.exec(PAGE, { id: fx.agreementId, first: 101 }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(PAGE, { id: fx.agreementId, after: "bm9wZQ" }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("edge cases", () => {
  it("adds up amounts beyond GraphQL's 32-bit Int exactly", async () => {
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
