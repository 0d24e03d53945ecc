// The policy layer as clients see it: `viewerCan...` fields answer from the same rules the
// services enforce (including object-level rules and the object's state), refusals carry the
// right code, and an event reaches only the audience its definition names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { boardCreated } from "../../schema/boards/boards.events.js";
import { coFinancingRecorded, invoiceApproved } from "../../schema/funding/funding.events.js";
import type { Actor as ContextActor } from "../../schema/shared/auth.js";
import { createContext } from "../../schema/shared/context.js";
import { type DomainEvent, mayReceive } from "../../schema/shared/events.js";
import { assertCan, can, definePolicy, grantFor } from "../../schema/shared/policy.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;

const SUBMIT = graphql(`
  mutation PolicySubmit($input: SubmitInvoiceInput!) {
    submitInvoice(input: $input) { invoice { id status viewerCanApprove viewerCanPay viewerCanReject } }
  }
`);
const APPROVE = graphql(`mutation PolicyApprove($id: ID!) { approveInvoice(id: $id) { invoice { id status viewerCanApprove viewerCanPay viewerCanReject } } }`);
const INVOICE = graphql(`query PolicyInvoice($id: ID!) { node(id: $id) { ... on Invoice { id viewerCanApprove viewerCanPay viewerCanReject } } }`);
const AGREEMENT = graphql(`
  query PolicyAgreement($id: ID!) {
    fundingAgreement(id: $id) {
      viewerCanReadFinancials viewerCanSubmitInvoice viewerCanRecordCoFinancing
      commitments { kind number viewerCanPropose viewerCanJudge target { __typename } }
    }
  }
`);
const BOARD = graphql(`query PolicyBoard($id: ID!) { board(id: $id) { viewerCanUpdate } }`);
const ORGANISATION = graphql(`query PolicyOrganisation($id: ID!) { organisation(id: $id) { viewerCanUpdate } }`);

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: ["Workitects", "Vlaamse Regering", "VVSG", "ACV"], boards: ["Gent", "Brugge"] });
});
afterAll(() => api.close());

const funderPartner = (): Actor => ({ role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) });
const unrelatedPartner = (): Actor => ({ role: "PARTNER", org: rowId(fx.orgs.Workitects!) });

let references = 0;
async function submitted() {
  references++;
  const data = await api.ok(
    SUBMIT,
    {
      input: {
        agreementId: fx.agreementId,
        actionId: fx.actions[1]!,
        payeeId: fx.orgs.Workitects!,
        reference: `POL-${references}`,
        amount: { cents: 100_00, currency: "EUR" },
        invoiceDate: "2024-03-01",
        serviceDate: "2024-03-01",
        boardsServedIds: [fx.boards.Gent!],
      },
    },
    // Two people per payment: a clerk submits, so the consultant and admin below may approve.
    { as: { role: "CONSULTANT", sub: "consultant-clerk" } },
  );
  return data.submitInvoice.invoice;
}

describe("viewerCan fields", () => {
  it("say what the viewer may do with an invoice now, from its policy and its status", async () => {
    const invoice = await submitted();
    // As the clerk who submitted it sees it: approving is for someone else.
    expect(invoice).toMatchObject({ status: "SUBMITTED", viewerCanApprove: false, viewerCanPay: false, viewerCanReject: true });
    expect((await api.ok(INVOICE, { id: invoice.id }, { as: "CONSULTANT" })).node).toMatchObject({ viewerCanApprove: true, viewerCanPay: false, viewerCanReject: true });
    // The funder's partner reads the invoice but may not move it.
    const asFunder = await api.ok(INVOICE, { id: invoice.id }, { as: funderPartner() });
    expect(asFunder.node).toMatchObject({ viewerCanApprove: false, viewerCanPay: false, viewerCanReject: false });
    const approved = (await api.ok(APPROVE, { id: invoice.id }, { as: "ADMIN" })).approveInvoice.invoice;
    // The admin who approved it may not also record its payment; the consultant may.
    expect(approved).toMatchObject({ status: "APPROVED", viewerCanApprove: false, viewerCanPay: false, viewerCanReject: false });
    expect((await api.ok(INVOICE, { id: invoice.id }, { as: "CONSULTANT" })).node).toMatchObject({ viewerCanPay: true });
  });

  it("answer per object for agreements, commitments, boards and organisations", async () => {
    const asConsultant = (await api.ok(AGREEMENT, { id: fx.agreementId }, { as: "CONSULTANT" })).fundingAgreement!;
    expect(asConsultant).toMatchObject({ viewerCanReadFinancials: true, viewerCanSubmitInvoice: true, viewerCanRecordCoFinancing: true });
    // The sector proposes judgements of qualitative commitments only (measured ones never offer the
    // button), and never judges itself.
    for (const c of asConsultant.commitments) expect(c.viewerCanPropose, `${c.kind} ${c.number}`).toBe(c.target.__typename === "QualitativeTarget");
    expect(asConsultant.commitments.some((c) => c.viewerCanPropose)).toBe(true);
    expect(asConsultant.commitments.every((c) => !c.viewerCanJudge)).toBe(true);

    const asFunder = (await api.ok(AGREEMENT, { id: fx.agreementId }, { as: funderPartner() })).fundingAgreement!;
    expect(asFunder).toMatchObject({ viewerCanReadFinancials: true, viewerCanSubmitInvoice: false, viewerCanRecordCoFinancing: false });
    // The funder judges, but only a pending proposal, and proposes nothing itself.
    expect(asFunder.commitments.every((c) => !c.viewerCanPropose && !c.viewerCanJudge)).toBe(true);
    const asOther = (await api.ok(AGREEMENT, { id: fx.agreementId }, { as: unrelatedPartner() })).fundingAgreement!;
    expect(asOther.viewerCanReadFinancials).toBe(false);
    const anonymous = (await api.ok(AGREEMENT, { id: fx.agreementId })).fundingAgreement!;
    expect(anonymous.viewerCanReadFinancials).toBe(false);
    expect(anonymous.commitments.every((c) => !c.viewerCanJudge)).toBe(true);

    expect((await api.ok(BOARD, { id: fx.boards.Gent! }, { as: "ADMIN" })).board?.viewerCanUpdate).toBe(true);
    expect((await api.ok(BOARD, { id: fx.boards.Gent! }, { as: { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) } })).board?.viewerCanUpdate).toBe(false);
    expect((await api.ok(ORGANISATION, { id: fx.orgs.ACV! }, { as: "CONSULTANT" })).organisation?.viewerCanUpdate).toBe(true);
    expect((await api.ok(ORGANISATION, { id: fx.orgs.ACV! })).organisation?.viewerCanUpdate).toBe(false);
  });

  it("agree with what the mutation then does", async () => {
    const invoice = await submitted();
    for (const actor of [funderPartner(), unrelatedPartner(), { role: "EXPERT", org: rowId(fx.orgs.Workitects!) } as Actor]) {
      const shown = (await api.exec(INVOICE, { id: invoice.id }, { as: actor })).data?.node;
      const done = await api.exec(APPROVE, { id: invoice.id }, { as: actor });
      expect(Boolean(shown && "viewerCanApprove" in shown && shown.viewerCanApprove)).toBe(!done.errors);
      expect(errorOf(done).code).toBe("FORBIDDEN");
    }
    const twice = await api.exec(APPROVE, { id: invoice.id }, { as: "CONSULTANT" });
    expect(twice.errors).toBeUndefined();
    // Approving again is a state conflict, not bad input, and the button is gone.
    const again = await api.exec(APPROVE, { id: invoice.id }, { as: "CONSULTANT" });
    expect(errorOf(again)).toMatchObject({ code: "CONFLICT", field: "id" });
    expect((await api.ok(INVOICE, { id: invoice.id }, { as: "CONSULTANT" })).node).toMatchObject({ viewerCanApprove: false });
  });
});

describe("the policy layer", () => {
  const ctxFor = (actor: ContextActor) => createContext({ database: api.database, events: api.app.events, actor });
  const onlyOwnBoard = definePolicy<string>("test.visit", "Visit a board", {
    ADMIN: true,
    BOARD_MEMBER: { describe: "the board is their own", when: (actor, boardId) => actor.boardId === boardId },
  });

  it("grants unconditionally, under a condition on the resource, or not at all", async () => {
    const board = "6f1c2d9e-1111-4111-8111-111111111111";
    expect(await can(ctxFor({ role: "ADMIN", subject: "a" }), onlyOwnBoard, board)).toBe(true);
    expect(await can(ctxFor({ role: "BOARD_MEMBER", subject: "m", boardId: board }), onlyOwnBoard, board)).toBe(true);
    expect(await can(ctxFor({ role: "BOARD_MEMBER", subject: "m", boardId: "6f1c2d9e-2222-4222-8222-222222222222" }), onlyOwnBoard, board)).toBe(false);
    expect(await can(ctxFor({ role: "CONSULTANT", subject: "c" }), onlyOwnBoard, board)).toBe(false);
    expect(grantFor(onlyOwnBoard, "BOARD_MEMBER")).toBe("the board is their own");
    expect(grantFor(onlyOwnBoard, "ADMIN")).toBe("always");
    expect(grantFor(onlyOwnBoard, "EXPERT")).toBe("never");
  });

  it("refuses an anonymous caller as UNAUTHENTICATED and anyone else as FORBIDDEN", async () => {
    const code = (p: Promise<void>) =>
      p.then(
        () => "allowed",
        (e: { extensions?: { code?: string } }) => e.extensions?.code,
      );
    expect(await code(assertCan(ctxFor({ role: "ANONYMOUS" }), onlyOwnBoard, "x"))).toBe("UNAUTHENTICATED");
    expect(await code(assertCan(ctxFor({ role: "EXPERT", subject: "e", organisationId: "o" }), onlyOwnBoard, "x"))).toBe("FORBIDDEN");
    expect(await code(assertCan(ctxFor({ role: "ADMIN", subject: "a" }), onlyOwnBoard, "x"))).toBe("allowed");
  });

  it("refuses an action name that is not module.verb", () => {
    expect(() => definePolicy("approve invoice", "x", {})).toThrow(/module\.verb/);
  });
});

describe("event audiences", () => {
  const ctxFor = (actor: ContextActor) => createContext({ database: api.database, events: api.app.events, actor });
  const event = <P>(name: string, payload: P): DomainEvent<P> => ({ position: 1, name, version: 1, entityType: "x", entityId: "x", payload, occurredAt: new Date() });

  it("lets a money event reach only those who read the agreement's financials", async () => {
    const approved = event(invoiceApproved.name, {
      invoiceId: "i",
      agreementId: fx.agreementId,
      actionId: fx.actions[1]!,
      status: "APPROVED" as const,
      amountCents: 1,
      currency: "EUR",
    });
    const funder = { role: "PARTNER" as const, subject: "p", organisationId: rowId(fx.orgs["Vlaamse Regering"]!) };
    const other = { role: "PARTNER" as const, subject: "p", organisationId: rowId(fx.orgs.Workitects!) };
    expect(await mayReceive(ctxFor(funder), invoiceApproved, approved)).toBe(true);
    expect(await mayReceive(ctxFor(other), invoiceApproved, approved)).toBe(false);
    expect(await mayReceive(ctxFor({ role: "ANONYMOUS" }), invoiceApproved, approved)).toBe(false);
  });

  it("lets a board's co-financing event reach that board's members and not another board's", async () => {
    const payload = {
      entryId: "e",
      agreementId: fx.agreementId,
      boardId: fx.boards.Gent!,
      actionId: fx.actions[1]!,
      kind: "PARTICIPATION_FEE" as const,
      type: "CHARGE" as const,
      amountCents: 1,
      chargeId: null,
      reversesId: null,
    };
    const recorded = event(coFinancingRecorded.name, payload);
    expect(await mayReceive(ctxFor({ role: "BOARD_MEMBER", subject: "m", boardId: rowId(fx.boards.Gent!) }), coFinancingRecorded, recorded)).toBe(true);
    expect(await mayReceive(ctxFor({ role: "BOARD_MEMBER", subject: "m", boardId: rowId(fx.boards.Brugge!) }), coFinancingRecorded, recorded)).toBe(false);
  });

  it("lets public events reach everyone", async () => {
    const created = event(boardCreated.name, { boardId: "b", name: "Gent", kind: "MUNICIPALITY", province: "EAST_FLANDERS" });
    expect(await mayReceive(ctxFor({ role: "ANONYMOUS" }), boardCreated, created)).toBe(true);
  });
});
