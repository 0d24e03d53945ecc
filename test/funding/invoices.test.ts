// Invoices of the addendum "investeren in talent" through the API: submitting with the
// state-aid rule and the other input rules, the status machine SUBMITTED -> APPROVED -> PAID
// or SUBMITTED -> REJECTED with its history, the agreement's maximum (also under concurrent
// approvals), who may read and write, listing and paging, and the statements a listing costs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedAddendum } from "../../db/seed/funding.js";
import type { AuditFilter, InvoiceFieldsFragment, InvoiceStatus, InvoicesListQuery, SubmitInvoiceInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, type ExecResult, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const MAX = 40_000_000;

let fx: FundingFixture;

const ORG_NAMES = ["Workitects", "Excello", "Vlaamse Regering", "VVSG", "ACV", "VDAB", "Mediawijs", "Randstad", "Diverscity"];
const BOARD_NAMES = ["Gent", "Brugge"];

beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ORG_NAMES, boards: BOARD_NAMES });
});

graphql(`
  fragment InvoiceFields on Invoice {
    id reference description status rejectionReason invoiceDate serviceDate createdAt
    amount { cents currency }
    payee { id name kind }
    action { id number }
    boardsServed { id name }
    history { from to actorRole actorSubject reason at }
  }
`);
type Invoice = InvoiceFieldsFragment;
const SUBMIT = graphql(`mutation InvoicesSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { ...InvoiceFields } } }`);
const APPROVE = graphql(`mutation InvoicesApprove($id: ID!) { approveInvoice(id: $id) { invoice { ...InvoiceFields } } }`);
const PAY = graphql(`mutation InvoicesPay($id: ID!) { payInvoice(id: $id) { invoice { ...InvoiceFields } } }`);
const REJECT = graphql(`mutation InvoicesReject($input: RejectInvoiceInput!) { rejectInvoice(input: $input) { invoice { ...InvoiceFields } } }`);
const LIST = graphql(`
  query InvoicesList($id: ID!, $first: Int, $after: String, $status: InvoiceStatus) {
    fundingAgreement(id: $id) {
      invoices(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { ...InvoiceFields } }
      }
    }
  }
`);
type InvoicePage = NonNullable<InvoicesListQuery["fundingAgreement"]>["invoices"];
const NODE = graphql(`query InvoicesNode($id: ID!) { node(id: $id) { __typename ... on Invoice { id reference status } } }`);
const READ = graphql(`query InvoicesRead($id: ID!) { node(id: $id) { __typename ... on Invoice { ...InvoiceFields } } }`);
const AUDIT = graphql(
  `query InvoicesAudit($filter: AuditFilter) { auditLog(first: 100, filter: $filter) { totalCount edges { node { actorRole actorSubject operation entityType entityId before after } } } }`,
);

let references = 0;
function invoiceInput(overrides: Partial<SubmitInvoiceInput> = {}): SubmitInvoiceInput {
  references++;
  return {
    agreementId: fx.agreementId,
    actionId: fx.actions[1]!,
    payeeId: fx.orgs.Workitects!,
    reference: `WK-2024-${String(references).padStart(4, "0")}`,
    description: "IAO-traject dienst burgerzaken",
    amount: { cents: 1_250_000, currency: "EUR" },
    invoiceDate: "2024-03-31",
    serviceDate: "2024-03-15",
    boardsServedIds: [fx.boards.Gent!, fx.boards.Brugge!],
    ...overrides,
  };
}

// Two people per payment: by default a clerk submits, the consultant approves, the admin pays.
const CLERK: Actor = { role: "CONSULTANT", sub: "consultant-clerk" };
async function submit(overrides: Partial<SubmitInvoiceInput> = {}, as: ExecOptions["as"] = CLERK) {
  return (await api.ok(SUBMIT, { input: invoiceInput(overrides) }, { as })).submitInvoice.invoice;
}
const approve = async (id: string, as: ExecOptions["as"] = "CONSULTANT") => (await api.ok(APPROVE, { id }, { as })).approveInvoice.invoice;
const pay = async (id: string, as: ExecOptions["as"] = "ADMIN") => (await api.ok(PAY, { id }, { as })).payInvoice.invoice;
const reject = async (id: string, reason: string, as: ExecOptions["as"] = "CONSULTANT") => (await api.ok(REJECT, { input: { id, reason } }, { as })).rejectInvoice.invoice;

async function invoiceCount(status?: InvoiceStatus): Promise<number> {
  return (await api.ok(LIST, { id: fx.agreementId, first: 0, status }, { as: "ADMIN" })).fundingAgreement!.invoices.totalCount;
}
async function auditCount(filter: AuditFilter = {}): Promise<number> {
  return (await api.ok(AUDIT, { filter }, { as: "ADMIN" })).auditLog.totalCount;
}
async function readInvoice(id: string): Promise<Invoice> {
  const { node } = await api.ok(READ, { id }, { as: "ADMIN" });
  if (node?.__typename !== "Invoice") throw new Error(`no invoice ${id}: ${JSON.stringify(node)}`);
  return node;
}
async function approvedTotal(): Promise<number> {
  return (
    await api.ok(
      graphql(`query InvoicesApprovedTotal($id: ID!) { fundingAgreement(id: $id) { budget { total { approved { cents } } } } }`),
      { id: fx.agreementId },
      { as: "ADMIN" },
    )
  ).fundingAgreement!.budget.total.approved.cents;
}

describe("submitInvoice", () => {
  it("records a consultant's invoice as SUBMITTED with its boards, one transition and an audit row", async () => {
    const invoice = await submit({ reference: "WK-2024-0001" }, { role: "CONSULTANT", sub: "consultant-els" });
    expect(invoice).toMatchObject({
      reference: "WK-2024-0001",
      description: "IAO-traject dienst burgerzaken",
      status: "SUBMITTED",
      rejectionReason: null,
      invoiceDate: "2024-03-31",
      serviceDate: "2024-03-15",
      amount: { cents: 1_250_000, currency: "EUR" },
      payee: { id: fx.orgs.Workitects, name: "Workitects", kind: "SERVICE_PROVIDER" },
      action: { id: fx.actions[1], number: 1 },
    });
    expect(invoice.boardsServed.map((b) => b.id).sort()).toEqual([fx.boards.Gent, fx.boards.Brugge].sort());
    expect(invoice.boardsServed.map((b) => b.name).sort()).toEqual(["Brugge", "Gent"]);
    expect(invoice.history).toHaveLength(1);
    expect(invoice.history[0]).toMatchObject({ from: null, to: "SUBMITTED", actorRole: "CONSULTANT", actorSubject: "consultant-els", reason: null });
    expect(new Date(invoice.history[0]!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Read back, not just the mutation's answer.
    const read = await readInvoice(invoice.id);
    expect(read).toMatchObject({ status: "SUBMITTED", reference: "WK-2024-0001", amount: { cents: 1_250_000 } });
    expect(read.boardsServed).toHaveLength(2);
    expect(await invoiceCount()).toBe(1);

    const log = await api.ok(AUDIT, { filter: { entityId: invoice.id } }, { as: "ADMIN" });
    expect(log.auditLog.totalCount).toBe(1);
    const entry = log.auditLog.edges[0]!.node;
    expect(entry).toMatchObject({ actorRole: "CONSULTANT", actorSubject: "consultant-els", operation: "submitInvoice", entityType: "Invoice", entityId: invoice.id, before: null });
    expect(entry.after).toMatchObject({ status: "SUBMITTED", amountCents: 1_250_000, reference: "WK-2024-0001", payeeId: rowId(fx.orgs.Workitects!) });
  });

  it("lets an admin submit too, and takes EUR when no currency is given", async () => {
    const invoice = await submit({ amount: { cents: 999 } }, "ADMIN");
    expect(invoice.amount).toEqual({ cents: 999, currency: "EUR" });
    expect(invoice.history[0]!.actorRole).toBe("ADMIN");
  });

  describe("the state-aid rule: only third parties that delivered a service are paid", () => {
    it("refuses a board as payee, naming the rule, and writes nothing", async () => {
      const result = await api.exec(SUBMIT, { input: invoiceInput({ payeeId: fx.boards.Gent }) }, { as: "CONSULTANT" });
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.payeeId" });
      expect(errorOf(result).message).toMatch(/state.aid/i);
      expect(errorOf(result).message).toMatch(/board/i);
      expect(result.writes).toBe(0);
      expect(await invoiceCount()).toBe(0);
      expect(await auditCount()).toBe(0);
    });

    it.each([
      ["the funder (Vlaamse Regering)", "Vlaamse Regering"],
      ["the beneficiary (VVSG)", "VVSG"],
      ["a social partner (ACV)", "ACV"],
      ["a sector association (Diverscity)", "Diverscity"],
    ])("refuses %s as payee", async (_label, name) => {
      const result = await api.exec(SUBMIT, { input: invoiceInput({ payeeId: fx.orgs[name] }) }, { as: "CONSULTANT" });
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.payeeId" });
      expect(await invoiceCount()).toBe(0);
      expect(await auditCount()).toBe(0);
    });

    it("refuses the agreement's parties even when their kind would otherwise be paid", async () => {
      // Reclassified as kinds that may be paid, the funder and the beneficiary remain parties
      // to the agreement: only the party rule can refuse them now.
      const UPDATE_ORG = graphql(`mutation InvoicesReclassifyOrganisation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { kind } } }`);
      await api.ok(UPDATE_ORG, { input: { id: fx.orgs["Vlaamse Regering"]!, kind: "PUBLIC_AGENCY" } }, { as: "ADMIN" });
      await api.ok(UPDATE_ORG, { input: { id: fx.orgs.VVSG!, kind: "NON_PROFIT" } }, { as: "ADMIN" });
      for (const name of ["Vlaamse Regering", "VVSG"]) {
        const result = await api.exec(SUBMIT, { input: invoiceInput({ payeeId: fx.orgs[name] }) }, { as: "CONSULTANT" });
        expect(errorOf(result), name).toMatchObject({ code: "BAD_USER_INPUT", field: "input.payeeId" });
        expect(errorOf(result).message).toMatch(/party/i);
      }
      expect(await invoiceCount()).toBe(0);
    });

    it.each([
      ["a service provider", "Workitects", "SERVICE_PROVIDER"],
      ["a public agency (VDAB)", "VDAB", "PUBLIC_AGENCY"],
      ["a non-profit", "Mediawijs", "NON_PROFIT"],
      ["a company", "Randstad", "COMPANY"],
    ])("accepts %s as payee", async (_label, name, kind) => {
      const invoice = await submit({ payeeId: fx.orgs[name] });
      expect(invoice.status).toBe("SUBMITTED");
      expect(invoice.payee).toMatchObject({ id: fx.orgs[name], kind });
      expect(await invoiceCount()).toBe(1);
    });

    it("refuses a payee id that is not an organisation, and an unknown organisation", async () => {
      const action = await api.exec(SUBMIT, { input: invoiceInput({ payeeId: fx.actions[1] }) }, { as: "CONSULTANT" });
      expect(errorOf(action)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.payeeId" });
      const nonsense = await api.exec(SUBMIT, { input: invoiceInput({ payeeId: "nonsense" }) }, { as: "CONSULTANT" });
      expect(errorOf(nonsense)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.payeeId" });
      const unknown = await api.exec(SUBMIT, { input: invoiceInput({ payeeId: globalId("Organisation", MISSING_UUID) }) }, { as: "CONSULTANT" });
      expect(errorOf(unknown)).toMatchObject({ code: "NOT_FOUND", field: "input.payeeId" });
      expect(await invoiceCount()).toBe(0);
    });
  });

  describe("the other input rules", () => {
    async function expectRefused(overrides: Partial<SubmitInvoiceInput>, field: string, reason?: RegExp) {
      const result = await api.exec(SUBMIT, { input: invoiceInput(overrides) }, { as: "CONSULTANT" });
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
      if (reason) expect(errorOf(result).message).toMatch(reason);
      expect(result.writes).toBe(0);
      expect(await invoiceCount()).toBe(0);
      expect(await auditCount()).toBe(0);
    }

    it("refuses an action of another agreement", async () => {
      // A second agreement with actions of its own, written the way the seed writes one.
      await api.database.db.transaction((tx) => seedAddendum(tx));
      const all = await api.ok(graphql(`query InvoicesAgreementActions { fundingAgreements { edges { node { id tracks { actions { id number } } } } } }`));
      const other = all.fundingAgreements.edges.map((e) => e.node).find((a) => a.id !== fx.agreementId)!;
      const otherAction = other.tracks[0]!.actions[0]!.id;
      expect(otherAction).not.toBe(fx.actions[1]);
      await expectRefused({ actionId: otherAction }, "input.actionId", /agreement/);
      // The same action is fine on its own agreement.
      const invoice = await submit({ agreementId: other.id, actionId: otherAction });
      expect(invoice.status).toBe("SUBMITTED");
    });

    it.each([
      ["a nonsense action id", () => "nonsense"],
      ["an id of another type", () => fx.boards.Gent],
      ["an unknown action", () => globalId("Action", MISSING_UUID)],
    ])("refuses %s as action", async (_label, actionId) => {
      await expectRefused({ actionId: actionId() }, "input.actionId");
    });

    it("refuses an unknown agreement", async () => {
      const result = await api.exec(SUBMIT, { input: invoiceInput({ agreementId: globalId("FundingAgreement", MISSING_UUID) }) }, { as: "CONSULTANT" });
      expect(errorOf(result)).toMatchObject({ code: "NOT_FOUND", field: "input.agreementId" });
    });

    it("refuses an invoice dated in the future (Brussels today), and takes one dated today", async () => {
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
      const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
      await expectRefused({ invoiceDate: tomorrow > today ? tomorrow : "2199-12-31" }, "input.invoiceDate", /future/);
      expect((await submit({ invoiceDate: today })).invoiceDate).toBe(today);
    });

    it.each(["2025-07-01", "2023-06-30", "2022-01-01", "2026-01-01"])("refuses service date %s, outside the period", async (serviceDate) => {
      await expectRefused({ serviceDate }, "input.serviceDate", /2023-07-01.*2025-06-30/);
    });

    it("accepts the first and the last day of the period", async () => {
      expect((await submit({ serviceDate: "2023-07-01" })).serviceDate).toBe("2023-07-01");
      expect((await submit({ serviceDate: "2025-06-30" })).serviceDate).toBe("2025-06-30");
      expect(await invoiceCount()).toBe(2);
    });

    it.each([
      ["zero", 0],
      ["a negative amount", -100],
    ])("refuses %s", async (_label, cents) => {
      await expectRefused({ amount: { cents, currency: "EUR" } }, "input.amount.cents", /more than zero/);
    });

    it("refuses a currency other than the agreement's", async () => {
      await expectRefused({ amount: { cents: 1000, currency: "USD" } }, "input.amount.currency", /EUR/);
      await expectRefused({ amount: { cents: 1000, currency: "EURO" } }, "input.amount.currency");
    });

    it("refuses an invoice that serves no board", async () => {
      await expectRefused({ boardsServedIds: [] }, "input.boardsServedIds", /at least one board/);
    });

    it("refuses an unknown board, and an id of another type among the boards", async () => {
      await expectRefused({ boardsServedIds: [fx.boards.Gent!, globalId("Board", MISSING_UUID)] }, "input.boardsServedIds", /does not exist/);
      await expectRefused({ boardsServedIds: [fx.boards.Gent!, fx.orgs.Workitects!] }, "input.boardsServedIds.1");
    });

    it("lists a board named twice once", async () => {
      const invoice = await submit({ boardsServedIds: [fx.boards.Gent!, fx.boards.Gent!] });
      expect(invoice.boardsServed.map((b) => b.name)).toEqual(["Gent"]);
    });

    it("refuses a blank reference", async () => {
      await expectRefused({ reference: "   " }, "input.reference", /must not be empty/);
    });

    it("refuses a reference the same payee already submitted, and allows it for another payee", async () => {
      await submit({ reference: "F-001" });
      const dup = await api.exec(SUBMIT, { input: invoiceInput({ reference: " F-001 " }) }, { as: "CONSULTANT" });
      expect(errorOf(dup)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reference" });
      expect(errorOf(dup).message).not.toMatch(/duplicate key|constraint|insert/i);
      expect(await invoiceCount()).toBe(1);
      expect(await auditCount({ operation: "submitInvoice" })).toBe(1);
      const other = await submit({ reference: "F-001", payeeId: fx.orgs.Excello });
      expect(other.reference).toBe("F-001");
      expect(await invoiceCount()).toBe(2);
    });

    it("compares references ignoring case, so one invoice cannot be submitted twice as f-001 and F-001", async () => {
      await submit({ reference: "WK-2024-CASE" });
      const dup = await api.exec(SUBMIT, { input: invoiceInput({ reference: "wk-2024-case" }) }, { as: "CONSULTANT" });
      expect(errorOf(dup)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reference" });
      expect(await invoiceCount()).toBe(1);
    });
  });
});

describe("the status machine", () => {
  it("moves SUBMITTED -> APPROVED -> PAID, recording every transition in order with its actor", async () => {
    const submitted = await submit({}, { role: "CONSULTANT", sub: "consultant-els" });
    const approved = await approve(submitted.id, { role: "ADMIN", sub: "admin-jan" });
    expect(approved.status).toBe("APPROVED");
    const paid = await pay(submitted.id, { role: "CONSULTANT", sub: "consultant-piet" });
    expect(paid.status).toBe("PAID");

    const read = await readInvoice(submitted.id);
    expect(read.status).toBe("PAID");
    expect(read.history.map((t) => [t.from, t.to, t.actorRole, t.actorSubject, t.reason])).toEqual([
      [null, "SUBMITTED", "CONSULTANT", "consultant-els", null],
      ["SUBMITTED", "APPROVED", "ADMIN", "admin-jan", null],
      ["APPROVED", "PAID", "CONSULTANT", "consultant-piet", null],
    ]);
    const times = read.history.map((t) => new Date(t.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const ops = await api.ok(AUDIT, { filter: { entityId: submitted.id } }, { as: "ADMIN" });
    // Newest first.
    expect(ops.auditLog.edges.map((e) => e.node.operation)).toEqual(["payInvoice", "approveInvoice", "submitInvoice"]);
    const approval = ops.auditLog.edges[1]!.node;
    expect(approval).toMatchObject({ actorRole: "ADMIN", actorSubject: "admin-jan" });
    expect((approval.before as { status: string }).status).toBe("SUBMITTED");
    expect((approval.after as { status: string }).status).toBe("APPROVED");
  });

  it("rejects a SUBMITTED invoice with a reason, which it keeps", async () => {
    const submitted = await submit();
    const rejected = await reject(submitted.id, "  Dienst niet geleverd aan een bestuur  ", { role: "ADMIN", sub: "admin-jan" });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectionReason: "Dienst niet geleverd aan een bestuur" });
    expect(rejected.history.map((t) => [t.from, t.to, t.actorRole, t.reason])).toEqual([
      [null, "SUBMITTED", "CONSULTANT", null],
      ["SUBMITTED", "REJECTED", "ADMIN", "Dienst niet geleverd aan een bestuur"],
    ]);
    expect(await auditCount({ entityId: submitted.id, operation: "rejectInvoice" })).toBe(1);
  });

  it("needs a non-blank reason to reject, and changes nothing without one", async () => {
    const submitted = await submit();
    for (const reason of ["", "   "]) {
      const result = await api.exec(REJECT, { input: { id: submitted.id, reason } }, { as: "CONSULTANT" });
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reason" });
    }
    const read = await readInvoice(submitted.id);
    expect(read.status).toBe("SUBMITTED");
    expect(read.history).toHaveLength(1);
    expect(await auditCount({ entityId: submitted.id })).toBe(1);
  });

  it("refuses moves the machine does not have as CONFLICT, naming the id, and records nothing", async () => {
    const a = await submit();
    await approve(a.id);
    // Approving twice.
    const twice = await api.exec(APPROVE, { id: a.id }, { as: "CONSULTANT" });
    expect(errorOf(twice)).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(twice).message).toContain("APPROVED");
    // Rejecting an approved one.
    expect(errorOf(await api.exec(REJECT, { input: { id: a.id, reason: "te laat" } }, { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    await pay(a.id);
    // Rejecting, approving and paying a paid one.
    expect(errorOf(await api.exec(REJECT, { input: { id: a.id, reason: "te laat" } }, { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(await api.exec(APPROVE, { id: a.id }, { as: "CONSULTANT" }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(await api.exec(PAY, { id: a.id }, { as: "ADMIN" }))).toMatchObject({ code: "CONFLICT", field: "id" });
    const readA = await readInvoice(a.id);
    expect(readA.status).toBe("PAID");
    expect(readA.history.map((t) => t.to)).toEqual(["SUBMITTED", "APPROVED", "PAID"]);

    // Paying a submitted one.
    const b = await submit();
    const early = await api.exec(PAY, { id: b.id }, { as: "ADMIN" });
    expect(errorOf(early)).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(early).message).toContain("SUBMITTED");
    expect((await readInvoice(b.id)).status).toBe("SUBMITTED");

    // Nothing leaves a rejected one.
    await reject(b.id, "dubbel ingediend");
    expect(errorOf(await api.exec(APPROVE, { id: b.id }, { as: "ADMIN" }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(await api.exec(PAY, { id: b.id }, { as: "ADMIN" }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(await api.exec(REJECT, { input: { id: b.id, reason: "nogmaals" } }, { as: "ADMIN" }))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    const readB = await readInvoice(b.id);
    expect(readB).toMatchObject({ status: "REJECTED", rejectionReason: "dubbel ingediend" });
    expect(readB.history.map((t) => t.to)).toEqual(["SUBMITTED", "REJECTED"]);

    // Only the successful moves were audited.
    expect(await auditCount({ entityId: a.id })).toBe(3);
    expect(await auditCount({ entityId: b.id })).toBe(2);
  });

  it("answers NOT_FOUND for an unknown invoice and BAD_USER_INPUT for an id of another type", async () => {
    const missing = globalId("Invoice", MISSING_UUID);
    expect(errorOf(await api.exec(APPROVE, { id: missing }, { as: "ADMIN" }))).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect(errorOf(await api.exec(PAY, { id: missing }, { as: "ADMIN" }))).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect(errorOf(await api.exec(REJECT, { input: { id: missing, reason: "x" } }, { as: "ADMIN" }))).toMatchObject({ code: "NOT_FOUND", field: "input.id" });
    expect(errorOf(await api.exec(APPROVE, { id: fx.boards.Gent! }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect(errorOf(await api.exec(PAY, { id: "nonsense" }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});

const RECLASSIFY = graphql(`mutation InvoicesReclassify($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { kind } } }`);

describe("the state-aid rule at every step", () => {
  const reclassify = (kind: "GOVERNMENT" | "SERVICE_PROVIDER") => api.ok(RECLASSIFY, { input: { id: fx.orgs.Workitects!, kind } }, { as: "ADMIN" });

  it("refuses to approve an invoice whose payee was reclassified as a government after submission, and changes nothing", async () => {
    const invoice = await submit();
    await reclassify("GOVERNMENT");
    const refused = await api.exec(APPROVE, { id: invoice.id }, { as: "CONSULTANT" });
    expect(errorOf(refused)).toMatchObject({ code: "CONFLICT", field: "id" });
    expect(errorOf(refused).message).toContain("GOVERNMENT");
    expect((await readInvoice(invoice.id)).status).toBe("SUBMITTED");
    expect(await approvedTotal()).toBe(0);
  });

  it("refuses to record the payment of an approved invoice whose payee is no longer a third party", async () => {
    const invoice = await submit();
    await approve(invoice.id);
    await reclassify("GOVERNMENT");
    expect(errorOf(await api.exec(PAY, { id: invoice.id }, { as: "ADMIN" }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect((await readInvoice(invoice.id)).status).toBe("APPROVED");
    await reclassify("SERVICE_PROVIDER");
    expect((await pay(invoice.id)).status).toBe("PAID");
  });
});

describe("two people per payment", () => {
  const asConsultant = (sub: string): Actor => ({ role: "CONSULTANT", sub });

  it("refuses the submitter's own approval and the approver's own payment, and lets others take each step", async () => {
    const invoice = await submit({}, asConsultant("an"));
    const own = await api.exec(APPROVE, { id: invoice.id }, { as: asConsultant("an") });
    expect(errorOf(own)).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(own).message).toContain("other than the one who submitted it");
    expect((await readInvoice(invoice.id)).status).toBe("SUBMITTED");
    expect((await approve(invoice.id, asConsultant("bert"))).status).toBe("APPROVED");
    const ownPayment = await api.exec(PAY, { id: invoice.id }, { as: asConsultant("bert") });
    expect(errorOf(ownPayment)).toMatchObject({ code: "FORBIDDEN" });
    expect((await readInvoice(invoice.id)).status).toBe("APPROVED");
    // The submitter may record the payment: the rule is that no one approves their own
    // invoice and no one pays what they approved.
    expect((await pay(invoice.id, asConsultant("an"))).status).toBe("PAID");
    expect((await readInvoice(invoice.id)).history.map((t) => [t.to, t.actorSubject])).toEqual([
      ["SUBMITTED", "an"],
      ["APPROVED", "bert"],
      ["PAID", "an"],
    ]);
  });

  it("shows the buttons accordingly: viewerCanApprove is false for the submitter, viewerCanPay for the approver", async () => {
    const invoice = await submit({}, asConsultant("an"));
    const CAN = graphql(`query InvoicesFourEyes($id: ID!) { node(id: $id) { ... on Invoice { viewerCanApprove viewerCanPay viewerCanReject } } }`);
    expect((await api.ok(CAN, { id: invoice.id }, { as: asConsultant("an") })).node).toEqual({ viewerCanApprove: false, viewerCanPay: false, viewerCanReject: true });
    expect((await api.ok(CAN, { id: invoice.id }, { as: asConsultant("bert") })).node).toEqual({ viewerCanApprove: true, viewerCanPay: false, viewerCanReject: true });
    await approve(invoice.id, asConsultant("bert"));
    expect((await api.ok(CAN, { id: invoice.id }, { as: asConsultant("bert") })).node).toMatchObject({ viewerCanPay: false });
    expect((await api.ok(CAN, { id: invoice.id }, { as: asConsultant("an") })).node).toMatchObject({ viewerCanPay: true });
  });
});

describe("the agreement's maximum", () => {
  it("refuses an approval that would take approved costs above the maximum, and keeps the invoice SUBMITTED", async () => {
    const big = await submit({ amount: { cents: 30_000_000 } });
    await approve(big.id);
    const over = await submit({ amount: { cents: 10_000_001 } });
    const result = await api.exec(APPROVE, { id: over.id }, { as: "CONSULTANT" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect(errorOf(result).message).toContain("EUR 400,000.00");
    expect(errorOf(result).message).toContain("maximum");
    const read = await readInvoice(over.id);
    expect(read.status).toBe("SUBMITTED");
    expect(read.history).toHaveLength(1);
    expect(await auditCount({ entityId: over.id, operation: "approveInvoice" })).toBe(0);
    expect(await approvedTotal()).toBe(30_000_000);
  });

  it("allows exactly reaching the maximum, and nothing after it", async () => {
    const first = await submit({ amount: { cents: 30_000_000 } });
    await approve(first.id);
    const rest = await submit({ amount: { cents: 10_000_000 } });
    expect((await approve(rest.id)).status).toBe("APPROVED");
    expect(await approvedTotal()).toBe(MAX);
    const cent = await submit({ amount: { cents: 1 } });
    expect(errorOf(await api.exec(APPROVE, { id: cent.id }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("allows a single invoice of exactly the maximum and refuses one a cent above it as soon as it is submitted", async () => {
    const above = await api.exec(SUBMIT, { input: invoiceInput({ amount: { cents: MAX + 1 } }) }, { as: "CONSULTANT" });
    expect(errorOf(above)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount.cents" });
    expect(above.writes).toBe(0);
    const exact = await submit({ amount: { cents: MAX } });
    expect((await approve(exact.id)).status).toBe("APPROVED");
  });

  it("counts PAID invoices as approved costs", async () => {
    const first = await submit({ amount: { cents: 30_000_000 } });
    await approve(first.id);
    await pay(first.id);
    const over = await submit({ amount: { cents: 10_000_001 } });
    expect(errorOf(await api.exec(APPROVE, { id: over.id }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const fits = await submit({ amount: { cents: 10_000_000 } });
    expect((await approve(fits.id)).status).toBe("APPROVED");
  });

  it("does not count REJECTED or SUBMITTED invoices", async () => {
    const rejected = await submit({ amount: { cents: 30_000_000 } });
    await approve((await submit({ amount: { cents: 5_000_000 } })).id);
    await reject(rejected.id, "geen dienst aan besturen");
    const pending = await submit({ amount: { cents: 35_000_000 } });
    // 5,000,000 approved; the rejected 30,000,000 and the pending 35,000,000 do not count.
    const next = await submit({ amount: { cents: 35_000_000 } });
    expect((await approve(next.id)).status).toBe("APPROVED");
    expect(await approvedTotal()).toBe(MAX);
    expect(errorOf(await api.exec(APPROVE, { id: pending.id }, { as: "CONSULTANT" })).code).toBe("BAD_USER_INPUT");
  });

  it.runIf(onPostgres)("lets exactly one of two concurrent approvals that only fit alone through", async () => {
    const a = await submit({ amount: { cents: 30_000_000 } });
    const b = await submit({ amount: { cents: 30_000_000 } });
    const results = await Promise.all([a, b].map((invoice) => api.exec(APPROVE, { id: invoice.id }, { as: "CONSULTANT" })));
    const won = results.filter((r) => !r.errors);
    const refused = results.filter((r) => errorOf(r).code === "BAD_USER_INPUT");
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(errorOf(refused[0]!).message).toContain("maximum");
    expect(await approvedTotal()).toBe(30_000_000);
    expect(await invoiceCount("APPROVED")).toBe(1);
    expect(await invoiceCount("SUBMITTED")).toBe(1);
  });

  it.runIf(onPostgres)("never goes above the maximum when many approvals race", async () => {
    // Five of 10,000,001: only three fit under 40,000,000.
    const invoices = [];
    for (let i = 0; i < 5; i++) invoices.push(await submit({ amount: { cents: 10_000_001 } }));
    const results = await Promise.all(invoices.map((invoice) => api.exec(APPROVE, { id: invoice.id }, { as: "ADMIN" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => errorOf(r).code === "BAD_USER_INPUT")).toHaveLength(2);
    expect(await approvedTotal()).toBe(30_000_003);
  });
});

describe("who may read and write invoices", () => {
  const READ_INVOICES = graphql(`query InvoicesOfAgreement($id: ID!) { fundingAgreement(id: $id) { id invoices { totalCount edges { node { id reference } } } } }`);

  /** Every write on an invoice, by name, each sent with the options given. */
  function writes(invoiceId: string): [string, (options?: ExecOptions) => Promise<ExecResult<unknown>>][] {
    const input = invoiceInput();
    return [
      ["submitInvoice", (options) => api.exec(SUBMIT, { input }, options)],
      ["approveInvoice", (options) => api.exec(APPROVE, { id: invoiceId }, options)],
      ["payInvoice", (options) => api.exec(PAY, { id: invoiceId }, options)],
      ["rejectInvoice", (options) => api.exec(REJECT, { input: { id: invoiceId, reason: "niet toegelaten" } }, options)],
    ];
  }

  async function expectUnchanged(invoiceId: string) {
    expect(await invoiceCount()).toBe(1);
    const read = await readInvoice(invoiceId);
    expect(read.status).toBe("SUBMITTED");
    expect(read.history).toHaveLength(1);
    expect(await auditCount()).toBe(1);
  }

  it("answers UNAUTHENTICATED to anonymous reads and writes", async () => {
    const invoice = await submit();
    const read = await api.exec(READ_INVOICES, { id: fx.agreementId });
    expect(errorOf(read).code).toBe("UNAUTHENTICATED");
    for (const [name, send] of writes(invoice.id)) {
      expect(errorOf(await send()).code, name).toBe("UNAUTHENTICATED");
    }
    expect((await api.ok(NODE, { id: invoice.id })).node).toBeNull();
    await expectUnchanged(invoice.id);
  });

  it("answers FORBIDDEN to board members, experts and partners of other organisations, for reads and every write", async () => {
    const invoice = await submit();
    const actors: Actor[] = [
      { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) },
      { role: "EXPERT", org: rowId(fx.orgs.Workitects!) },
      // Even the funder's own organisation does not make an expert a reader.
      { role: "EXPERT", org: rowId(fx.orgs["Vlaamse Regering"]!) },
      { role: "PARTNER", org: rowId(fx.orgs.Workitects!) },
      // Diverscity runs the programmes but is not in the addendum's steering group.
      { role: "PARTNER", org: rowId(fx.orgs.Diverscity!) },
    ];
    for (const actor of actors) {
      const label = `${actor.role} ${actor.board ?? actor.org}`;
      const read = await api.exec(READ_INVOICES, { id: fx.agreementId }, { as: actor });
      expect(errorOf(read).code, label).toBe("FORBIDDEN");
      for (const [name, send] of writes(invoice.id)) {
        const result = await send({ as: actor });
        expect(errorOf(result).code, `${label} ${name}`).toBe("FORBIDDEN");
        expect(result.writes, `${label} ${name}`).toBe(0);
      }
      expect((await api.ok(NODE, { id: invoice.id }, { as: actor })).node, label).toBeNull();
    }
    await expectUnchanged(invoice.id);
  });

  it("lets the funder's, the beneficiary's and the steering group's partners read invoices but not write them", async () => {
    const invoice = await submit({ reference: "LEES-1" });
    for (const name of ["Vlaamse Regering", "VVSG", "ACV"]) {
      const partner: Actor = { role: "PARTNER", org: rowId(fx.orgs[name]!) };
      const read = await api.ok(READ_INVOICES, { id: fx.agreementId }, { as: partner });
      expect(read.fundingAgreement!.invoices.totalCount, name).toBe(1);
      expect(read.fundingAgreement!.invoices.edges[0]!.node).toEqual({ id: invoice.id, reference: "LEES-1" });
      expect((await api.ok(NODE, { id: invoice.id }, { as: partner })).node, name).toEqual({ __typename: "Invoice", id: invoice.id, reference: "LEES-1", status: "SUBMITTED" });
      for (const [op, send] of writes(invoice.id)) {
        expect(errorOf(await send({ as: partner })).code, `${name} ${op}`).toBe("FORBIDDEN");
      }
    }
    await expectUnchanged(invoice.id);
  });

  it("shows the agreement's public parts to a board member while hiding its invoices", async () => {
    await submit();
    const result = await api.exec(READ_INVOICES, { id: fx.agreementId }, { as: { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) } });
    expect(errorOf(result).code).toBe("FORBIDDEN");
    expect(result.data?.fundingAgreement).toBeNull();
    const structure = await api.ok(
      graphql(`query InvoicesAgreementMaximum($id: ID!) { fundingAgreement(id: $id) { id maxAmount { cents } } }`),
      { id: fx.agreementId },
      { as: { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) } },
    );
    expect(structure.fundingAgreement!.maxAmount.cents).toBe(MAX);
  });
});

describe("listing invoices", () => {
  async function seedInvoices(n: number) {
    const created: Invoice[] = [];
    for (let i = 0; i < n; i++) created.push(await submit({ amount: { cents: 10_000 + i } }));
    return created;
  }

  it("lists newest first with a total, and pages through every invoice exactly once", async () => {
    const created = await seedInvoices(7);
    const newestFirst = created.map((i) => i.id).reverse();
    const all = (await api.ok(LIST, { id: fx.agreementId, first: 20 }, { as: "ADMIN" })).fundingAgreement!.invoices;
    expect(all.totalCount).toBe(7);
    expect(all.edges.map((e) => e.node.id)).toEqual(newestFirst);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: InvoicePage = (await api.ok(LIST, { id: fx.agreementId, first: 3, after }, { as: "CONSULTANT" })).fundingAgreement!.invoices;
      expect(page.totalCount).toBe(7);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
  });

  it("filters by status, with the total of that status, also across pages", async () => {
    const created = await seedInvoices(6);
    const id = (i: number) => created[i]!.id;
    await approve(id(0));
    await approve(id(2));
    await pay(id(2));
    await approve(id(4));
    await reject(id(5), "buiten opdracht");

    const ids = async (status: InvoiceStatus, first = 20) => {
      const list = (await api.ok(LIST, { id: fx.agreementId, first, status }, { as: "ADMIN" })).fundingAgreement!.invoices;
      return { total: list.totalCount, ids: list.edges.map((e) => e.node.id), statuses: list.edges.map((e) => e.node.status), pageInfo: list.pageInfo };
    };
    expect(await ids("APPROVED")).toMatchObject({ total: 2, ids: [id(4), id(0)], statuses: ["APPROVED", "APPROVED"] });
    expect(await ids("PAID")).toMatchObject({ total: 1, ids: [id(2)] });
    expect(await ids("REJECTED")).toMatchObject({ total: 1, ids: [id(5)] });
    expect(await ids("SUBMITTED")).toMatchObject({ total: 2, ids: [id(3), id(1)] });

    // The filter holds on the next page too.
    const first = await ids("SUBMITTED", 1);
    expect(first).toMatchObject({ total: 2, ids: [id(3)], pageInfo: { hasNextPage: true } });
    const second = (await api.ok(LIST, { id: fx.agreementId, first: 1, after: first.pageInfo.endCursor, status: "SUBMITTED" }, { as: "ADMIN" })).fundingAgreement!.invoices;
    expect(second.edges.map((e) => e.node.id)).toEqual([id(1)]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    expect(await invoiceCount()).toBe(6);
  });

  it("refuses more than 100 a page and a forged cursor", async () => {
    expect(errorOf(await api.exec(LIST, { id: fx.agreementId, first: 101 }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { id: fx.agreementId, after: "bm90LWEtY3Vyc29y" }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("costs the same statements for 30 invoices with their payee, action, boards and history as for 5", async () => {
    const payees = ["Workitects", "Excello", "VDAB", "Mediawijs", "Randstad"];
    const boardSets = [[fx.boards.Gent!], [fx.boards.Brugge!], [fx.boards.Gent!, fx.boards.Brugge!]];
    const created: Invoice[] = [];
    for (let i = 0; i < 30; i++) {
      created.push(
        await submit({
          payeeId: fx.orgs[payees[i % payees.length]!],
          actionId: fx.actions[(i % 9) + 1],
          boardsServedIds: boardSets[i % boardSets.length],
          amount: { cents: 1_000 + i },
        }),
      );
    }
    for (const invoice of created.slice(0, 10)) await approve(invoice.id);
    for (const invoice of created.slice(0, 5)) await pay(invoice.id);
    for (const invoice of created.slice(10, 13)) await reject(invoice.id, "onvolledig");

    const QUERY = graphql(`
      query InvoicesWithRelations($id: ID!, $first: Int) {
        fundingAgreement(id: $id) {
          invoices(first: $first) {
            totalCount
            edges { node { id reference amount { cents currency } payee { id name kind } action { id number track { number } } boardsServed { id name } history { from to actorRole at } } }
          }
        }
      }
    `);
    const five = await api.exec(QUERY, { id: fx.agreementId, first: 5 }, { as: "CONSULTANT" });
    const thirty = await api.exec(QUERY, { id: fx.agreementId, first: 30 }, { as: "CONSULTANT" });
    expect(five.errors).toBeUndefined();
    expect(thirty.errors).toBeUndefined();
    const nodes = thirty.data!.fundingAgreement!.invoices.edges.map((e) => e.node);
    expect(nodes).toHaveLength(30);
    expect(new Set(nodes.map((n) => n.payee.name))).toEqual(new Set(payees));
    expect(nodes.every((n) => n.boardsServed.length >= 1 && n.history.length >= 1)).toBe(true);
    expect(nodes.reduce((t, n) => t + n.history.length, 0)).toBe(30 + 10 + 5 + 3);
    expect(five.data!.fundingAgreement!.invoices.edges).toHaveLength(5);
    expect(thirty.statements).toBe(five.statements);
    // One statement per kind of thing, not per invoice.
    expect(thirty.statements).toBeLessThanOrEqual(10);
  });
});
