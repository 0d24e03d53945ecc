// The whole life of an agreement through the API, each step by the person the rules name (issue
// 8's "Done when"): the sector's consultants enter the agreement; one consultant submits an
// invoice, another approves it and an admin pays it; a board's co-financing is charged and paid;
// a consultant justifies an effort commitment and the funder's side accepts the judgement; the
// funder's side closes the agreement, which freezes the settlement and the report; nothing
// changes afterwards, and the auditor's report names every step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;

const CLERK: Actor = { role: "CONSULTANT", sub: "consultant-clerk" };
const APPROVER: Actor = { role: "CONSULTANT", sub: "consultant-approver" };
const PAYER: Actor = { role: "ADMIN", sub: "admin-payer" };
let funder: Actor;
let union: Actor;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: ["Vlaamse Regering", "VVSG", "ACV", "ACOD", "Workitects"], boards: ["Gent", "Brugge"] });
  funder = { role: "PARTNER", sub: "funder-auditor", org: rowId(fx.orgs["Vlaamse Regering"]!) };
  union = { role: "PARTNER", sub: "union-delegate", org: rowId(fx.orgs.ACV!) };
});
afterAll(() => api?.close());

const CREATE = graphql(`
  mutation CycleCreate($input: CreateFundingAgreementInput!) {
    createFundingAgreement(input: $input) { agreement { id status moneyTermsLocked steeringGroup { name(locale: NL) } } }
  }
`);
const ADD_TRACK = graphql(`mutation CycleTrack($input: AddTrackInput!) { addTrack(input: $input) { track { id number } } }`);
const ADD_ACTION = graphql(`mutation CycleAction($input: AddActionInput!) { addAction(input: $input) { action { id number partners { name(locale: NL) } } } }`);
const ADD_COMMITMENT = graphql(`mutation CycleCommitment($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id kind number } } }`);
const SUBMIT = graphql(`mutation CycleSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id status } } }`);
const APPROVE = graphql(`mutation CycleApprove($id: ID!) { approveInvoice(id: $id) { invoice { id status } } }`);
const PAY = graphql(`mutation CyclePay($id: ID!) { payInvoice(id: $id) { invoice { id status } } }`);
const RECORD = graphql(`mutation CycleLedger($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }`);
const PROPOSE = graphql(`mutation CyclePropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id met } } }`);
const ACCEPT = graphql(`mutation CycleAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id met } } }`);
const CLOSE = graphql(`mutation CycleClose($id: ID!) { closeFundingAgreement(id: $id) { agreement { id status viewerCanEdit } } }`);
const SETTLEMENT = graphql(`
  query CycleSettlement($id: ID!) {
    fundingAgreement(id: $id) {
      status
      settlement {
        basis frozenAt
        effortPart { cents } resultPart { cents }
        realisedCosts { cents } committedCosts { cents } coFinancingIncome { cents } overheadCounted { cents }
        eligibleCosts { cents } entitlement { cents } payable { cents } cappedBy
        unjustifiedEffortCommitments { number }
        steps { step amount { cents } }
      }
      closings { closedByRole closedBy reopenedAt }
    }
  }
`);
const REPORT = graphql(`query CycleReport($id: ID!) { fundingAgreement(id: $id) { justificationReport { filename content } } }`);

describe("an agreement's full cycle, each step by the person the rules name", () => {
  it("enters, spends, justifies, judges, closes and freezes", async () => {
    // The sector enters the agreement: a period that has ended, so the funder can close it.
    const created = await api.ok(
      CREATE,
      {
        input: {
          title: { nl: "Addendum proefcyclus 2024", en: "Trial-cycle addendum 2024" },
          funderId: fx.orgs["Vlaamse Regering"]!,
          beneficiaryId: fx.orgs.VVSG!,
          beneficiaryBankAccount: "BE10 0910 1156 9604",
          periodStart: "2024-01-01",
          periodEnd: "2024-12-31",
          maxAmount: { cents: 10_000_000, currency: "EUR" },
          effortShareBp: 7000,
          resultShareBp: 3000,
          steeringGroupIds: [fx.orgs.VVSG!, fx.orgs.ACV!, fx.orgs.ACOD!],
        },
      },
      { as: CLERK },
    );
    const agreement = created.createFundingAgreement.agreement;
    expect(agreement).toMatchObject({ status: "OPEN", moneyTermsLocked: false });
    expect(agreement.steeringGroup.map((o) => o.name)).toEqual(["ACOD", "ACV", "VVSG"]);
    const id = agreement.id;

    const track = (await api.ok(ADD_TRACK, { input: { agreementId: id, number: 1, title: { nl: "Opleidingsaanbod" } } }, { as: CLERK })).addTrack.track;
    const action = (
      await api.ok(
        ADD_ACTION,
        { input: { trackId: track.id, number: 1, title: { nl: "Opleidingen in open aanbod" }, localCooperation: true, partnerIds: [fx.orgs.Workitects!] } },
        { as: CLERK },
      )
    ).addAction.action;
    expect(action.partners.map((p) => p.name)).toEqual(["Workitects"]);
    const effort = (
      await api.ok(
        ADD_COMMITMENT,
        { input: { agreementId: id, kind: "EFFORT", number: 1, actionId: action.id, description: { nl: "Een gediversifieerd aanbod." } } },
        { as: CLERK },
      )
    ).addCommitment.commitment;
    for (const number of [1, 2]) {
      await api.ok(
        ADD_COMMITMENT,
        {
          input: {
            agreementId: id,
            kind: "RESULT",
            number,
            description: { nl: `Resultaat ${number}` },
            measures: [{ metric: "worktables.meetingsHeld", targetValue: 10 * number }],
          },
        },
        { as: CLERK },
      );
    }

    // One consultant submits, another approves, an admin pays: three people.
    const invoice = (
      await api.ok(
        SUBMIT,
        {
          input: {
            agreementId: id,
            actionId: action.id,
            payeeId: fx.orgs.Workitects!,
            reference: "WK-CYCLE-1",
            amount: { cents: 3_000_000, currency: "EUR" },
            invoiceDate: "2024-06-30",
            serviceDate: "2024-06-15",
            boardsServedIds: [fx.boards.Gent!, fx.boards.Brugge!],
          },
        },
        { as: CLERK },
      )
    ).submitInvoice.invoice;
    const selfApproval = await api.exec(APPROVE, { id: invoice.id }, { as: CLERK });
    expect(errorOf(selfApproval).code).toBe("FORBIDDEN");
    await api.ok(APPROVE, { id: invoice.id }, { as: APPROVER });
    const selfPayment = await api.exec(PAY, { id: invoice.id }, { as: APPROVER });
    expect(errorOf(selfPayment).code).toBe("FORBIDDEN");
    expect((await api.ok(PAY, { id: invoice.id }, { as: PAYER })).payInvoice.invoice.status).toBe("PAID");

    // A board pays its participation fee: income for the same actions.
    const charge = await api.ok(
      RECORD,
      { input: { agreementId: id, boardId: fx.boards.Gent!, actionId: action.id, kind: "PARTICIPATION_FEE", type: "CHARGE", amount: { cents: 500_000 }, date: "2024-05-01" } },
      { as: CLERK },
    );
    await api.ok(
      RECORD,
      {
        input: {
          agreementId: id,
          boardId: fx.boards.Gent!,
          actionId: action.id,
          kind: "PARTICIPATION_FEE",
          type: "PAYMENT",
          amount: { cents: 500_000 },
          date: "2024-06-01",
          chargeId: charge.recordCoFinancing.entry.id,
        },
      },
      { as: CLERK },
    );

    // The sector justifies; the sector cannot judge itself; the funder judges.
    await api.ok(PROPOSE, { input: { commitmentId: effort.id, status: "JUSTIFIED", evidence: "Programma 2024 met 14 opleidingen, deelnemerslijsten in bijlage." } }, { as: CLERK });
    expect(errorOf(await api.exec(ACCEPT, { input: { commitmentId: effort.id } }, { as: APPROVER })).code).toBe("FORBIDDEN");
    expect((await api.ok(ACCEPT, { input: { commitmentId: effort.id } }, { as: funder })).acceptJudgement.commitment.met).toBe(true);

    // The steering group's unions read the money (joint management).
    const live = (await api.ok(SETTLEMENT, { id }, { as: union })).fundingAgreement!;
    expect(live.settlement).toMatchObject({
      basis: "FINAL",
      frozenAt: null,
      effortPart: { cents: 7_000_000 },
      resultPart: { cents: 0 },
      realisedCosts: { cents: 3_000_000 },
      committedCosts: { cents: 0 },
      coFinancingIncome: { cents: 500_000 },
      overheadCounted: { cents: 0 },
      eligibleCosts: { cents: 2_500_000 },
      entitlement: { cents: 7_000_000 },
      payable: { cents: 2_500_000 },
      cappedBy: "ELIGIBLE_COSTS",
      unjustifiedEffortCommitments: [],
    });
    expect(live.settlement.steps.find((s) => s.step === "INCOME")?.amount?.cents).toBe(500_000);
    const liveReport = (await api.ok(REPORT, { id }, { as: funder })).fundingAgreement!.justificationReport.content;

    // The funder's side closes; the settlement and the report are frozen.
    const closed = (await api.ok(CLOSE, { id }, { as: funder })).closeFundingAgreement.agreement;
    expect(closed).toMatchObject({ status: "CLOSED", viewerCanEdit: false });
    const frozen = (await api.ok(SETTLEMENT, { id }, { as: funder })).fundingAgreement!;
    expect(frozen.status).toBe("CLOSED");
    expect(frozen.settlement.frozenAt).not.toBeNull();
    expect({ ...frozen.settlement, frozenAt: null }).toEqual(live.settlement);
    expect(frozen.closings).toEqual([{ closedByRole: "PARTNER", closedBy: "funder-auditor", reopenedAt: null }]);
    const frozenReport = (await api.ok(REPORT, { id }, { as: funder })).fundingAgreement!.justificationReport.content;
    // The same report, line for line, except that it now says the agreement is closed.
    const differing = frozenReport.split("\r\n").filter((line, i) => line !== liveReport.split("\r\n")[i]);
    expect(differing).toHaveLength(1);
    expect(differing[0]).toContain("afgesloten");
    expect(liveReport).toContain("lopend");

    // The auditor's report names the parties and each step's person and date.
    expect(frozenReport).toContain("0451.857.573");
    expect(frozenReport).toContain("BE10 0910 1156 9604");
    expect(frozenReport).toContain("WK-CYCLE-1");
    for (const person of ["consultant-clerk", "consultant-approver", "admin-payer", "funder-auditor"]) expect(frozenReport).toContain(person);

    // Nothing of a closed agreement changes.
    const late = await api.exec(
      SUBMIT,
      {
        input: {
          agreementId: id,
          actionId: action.id,
          payeeId: fx.orgs.Workitects!,
          reference: "WK-CYCLE-2",
          amount: { cents: 100_000, currency: "EUR" },
          invoiceDate: "2024-12-31",
          serviceDate: "2024-12-15",
          boardsServedIds: [fx.boards.Gent!],
        },
      },
      { as: CLERK },
    );
    expect(errorOf(late).code).toBe("CONFLICT");
  });
});
