// The agreement's life through the API: the funder's side closes the addendum after its period
// (nobody else, never before the period ends), the final settlement, the measured values and the
// report are frozen as they were shown and stay so when rows change behind the API, every write
// to a closed agreement is refused, and an admin reopens it with a reason while the closing stays
// in its history.
import { and, eq } from "drizzle-orm";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { agreementClosings, commitments, invoices } from "../../db/schema/funding.js";
import type { ClosingSnapshot } from "../../schema/funding/closing.service.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import { registerMetricSource } from "../../schema/shared/metrics.js";
import type { CreateFundingAgreementInput, SubmitInvoiceInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

let fx: FundingFixture;
const unregister: (() => void)[] = [];

beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Vlaamse Regering", "VVSG", "ACV", "Workitects", "Excello"], boards: ["Gent", "Brugge"] });
});
afterEach(() => {
  for (const undo of unregister.splice(0)) undo();
});

// Two people per payment: one submits, another approves, a third pays.
const SUBMITTER: Actor = { role: "CONSULTANT", sub: "consultant-a" };
const APPROVER: Actor = { role: "CONSULTANT", sub: "consultant-b" };
const PAYER: Actor = { role: "CONSULTANT", sub: "consultant-c" };
const funder = (): Actor => ({ role: "PARTNER", sub: "funder-an", org: rowId(fx.orgs["Vlaamse Regering"]!) });
const beneficiaryPartner = (): Actor => ({ role: "PARTNER", sub: "vvsg-jan", org: rowId(fx.orgs.VVSG!) });
const steeringPartner = (): Actor => ({ role: "PARTNER", sub: "acv-els", org: rowId(fx.orgs.ACV!) });

graphql(`
  fragment LifecycleSettlement on Settlement {
    hypothetical basis frozenAt
    effortPart { cents currency } resultShare { cents } resultPart { cents }
    achievedResultCommitments totalResultCommitments
    unjustifiedEffortCommitments { number }
    realisedCosts { cents } committedCosts { cents } overheadRecorded { cents } overheadCounted { cents } coFinancingIncome { cents }
    eligibleCosts { cents } entitlement { cents } payable { cents } cappedBy
    explanation
    steps { step amount { cents } text }
  }
`);
graphql(`
  fragment LifecycleClosing on AgreementClosing {
    closedAt closedBy closedByRole reopenedAt reopenedBy reopenReason
    settlement { ...LifecycleSettlement }
  }
`);
const STATE = graphql(`
  query LifecycleState($id: ID!) {
    fundingAgreement(id: $id) {
      id status viewerCanClose viewerCanReopen viewerCanEdit viewerCanSubmitInvoice
      settlement { ...LifecycleSettlement }
      closings { ...LifecycleClosing }
      commitments { id kind number target { __typename ... on MeasuredTarget { measures { metric { key } currentValue } } ... on QualitativeTarget { status evidence } } }
    }
  }
`);
const REPORTS = graphql(`
  query LifecycleReports($id: ID!) {
    fundingAgreement(id: $id) {
      nl: justificationReport { filename contentType content }
      fr: justificationReport(locale: FR) { content }
      en: justificationReport(locale: EN) { content }
    }
  }
`);
const CLOSING_REPORTS = graphql(`
  query LifecycleClosingReports($id: ID!) {
    fundingAgreement(id: $id) { closings { nl: report { content } fr: report(locale: FR) { content } en: report(locale: EN) { content } } }
  }
`);
const CLOSE = graphql(`mutation LifecycleClose($id: ID!) { closeFundingAgreement(id: $id) { agreement { id status closings { closedBy closedByRole reopenedAt } } } }`);
const REOPEN = graphql(`mutation LifecycleReopen($input: ReopenFundingAgreementInput!) { reopenFundingAgreement(input: $input) { agreement { id status } } }`);
const CREATE = graphql(`mutation LifecycleCreate($input: CreateFundingAgreementInput!) { createFundingAgreement(input: $input) { agreement { id } } }`);
const SUBMIT = graphql(`mutation LifecycleSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id status } } }`);
const APPROVE = graphql(`mutation LifecycleApprove($id: ID!) { approveInvoice(id: $id) { invoice { id status } } }`);
const PAY = graphql(`mutation LifecyclePay($id: ID!) { payInvoice(id: $id) { invoice { id status } } }`);
const REJECT = graphql(`mutation LifecycleReject($input: RejectInvoiceInput!) { rejectInvoice(input: $input) { invoice { id status } } }`);
const PROPOSE = graphql(`mutation LifecyclePropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id } } }`);
const ACCEPT = graphql(`mutation LifecycleAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id } } }`);
const REFUSE = graphql(`mutation LifecycleRefuse($input: RefuseJudgementInput!) { refuseJudgement(input: $input) { commitment { id } } }`);
const REOPEN_COMMITMENT = graphql(`mutation LifecycleReopenCommitment($input: ReopenCommitmentInput!) { reopenCommitment(input: $input) { commitment { id } } }`);
const RECORD_COFINANCING = graphql(`mutation LifecycleRecordCoFinancing($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }`);
const REVERSE_COFINANCING = graphql(`mutation LifecycleReverseCoFinancing($input: ReverseCoFinancingEntryInput!) { reverseCoFinancingEntry(input: $input) { entry { id } } }`);
const RECORD_OVERHEAD = graphql(`mutation LifecycleRecordOverhead($input: RecordOverheadCostInput!) { recordOverheadCost(input: $input) { entry { id } } }`);
const REVERSE_OVERHEAD = graphql(`mutation LifecycleReverseOverhead($input: ReverseOverheadCostInput!) { reverseOverheadCost(input: $input) { entry { id } } }`);
const UPDATE = graphql(`mutation LifecycleUpdate($input: UpdateFundingAgreementInput!) { updateFundingAgreement(input: $input) { agreement { id } } }`);
const TERMS = graphql(`mutation LifecycleTerms($input: SetFundingTermsInput!) { setFundingTerms(input: $input) { agreement { id } } }`);
const ADD_TRACK = graphql(`mutation LifecycleAddTrack($input: AddTrackInput!) { addTrack(input: $input) { track { id } } }`);
const UPDATE_TRACK = graphql(`mutation LifecycleUpdateTrack($input: UpdateTrackInput!) { updateTrack(input: $input) { track { id } } }`);
const ADD_ACTION = graphql(`mutation LifecycleAddAction($input: AddActionInput!) { addAction(input: $input) { action { id } } }`);
const UPDATE_ACTION = graphql(`mutation LifecycleUpdateAction($input: UpdateActionInput!) { updateAction(input: $input) { action { id } } }`);
const ADD_COMMITMENT = graphql(`mutation LifecycleAddCommitment($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id } } }`);
const UPDATE_COMMITMENT = graphql(`mutation LifecycleUpdateCommitment($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id } } }`);
const REMOVE_COMMITMENT = graphql(`mutation LifecycleRemoveCommitment($id: ID!) { removeCommitment(id: $id) { removedCommitmentId } }`);
const AUDIT = graphql(
  `query LifecycleAudit($filter: AuditFilter) { auditLog(first: 100, filter: $filter) { totalCount edges { node { actorRole actorSubject operation entityType before after } } } }`,
);
const TRACKS = graphql(`query LifecycleTracks($id: ID!) { fundingAgreement(id: $id) { tracks { id actions { id } } } }`);

async function state(id: string, as: ExecOptions["as"] = funder()) {
  return (await api.ok(STATE, { id }, { as })).fundingAgreement!;
}
async function reports(id: string, as: ExecOptions["as"] = funder()) {
  return (await api.ok(REPORTS, { id }, { as })).fundingAgreement!;
}
async function auditCount(operation?: string): Promise<number> {
  return (await api.ok(AUDIT, { filter: operation ? { operation } : {} }, { as: "ADMIN" })).auditLog.totalCount;
}

let references = 0;
function invoiceInput(overrides: Partial<SubmitInvoiceInput> = {}): SubmitInvoiceInput {
  references++;
  return {
    agreementId: fx.agreementId,
    actionId: fx.actions[1]!,
    payeeId: fx.orgs.Workitects!,
    reference: `WK-LC-${String(references).padStart(4, "0")}`,
    amount: { cents: 10_000_000, currency: "EUR" },
    invoiceDate: "2024-03-31",
    serviceDate: "2024-03-15",
    boardsServedIds: [fx.boards.Gent!],
    ...overrides,
  };
}
const submit = async (overrides: Partial<SubmitInvoiceInput> = {}) => (await api.ok(SUBMIT, { input: invoiceInput(overrides) }, { as: SUBMITTER })).submitInvoice.invoice;
const approve = (id: string) => api.ok(APPROVE, { id }, { as: APPROVER });
const pay = (id: string) => api.ok(PAY, { id }, { as: PAYER });

/** The seeded addendum's qualitative commitments, by kind and number. */
async function qualitative() {
  const all = (await state(fx.agreementId, "ADMIN")).commitments;
  return all.filter((c) => c.target.__typename === "QualitativeTarget");
}

/** A metric whose records the test holds in a variable: the count "behind the API". */
function metric(key: string, initial: number) {
  const holder = { value: initial };
  unregister.push(registerMetricSource(key, async () => holder.value));
  return holder;
}

/** A day relative to today in Brussels, as YYYY-MM-DD. */
function day(offset: number): string {
  const date = new Date(`${todayInBrussels()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

function newAgreement(overrides: Partial<CreateFundingAgreementInput> = {}): CreateFundingAgreementInput {
  return {
    title: { nl: "Addendum investeren in talent 2025-2027" },
    funderId: fx.orgs["Vlaamse Regering"]!,
    beneficiaryId: fx.orgs.VVSG!,
    periodStart: "2025-07-01",
    periodEnd: "2027-06-30",
    maxAmount: { cents: 50_000_000 },
    effortShareBp: 7000,
    resultShareBp: 3000,
    ...overrides,
  };
}
const create = async (overrides: Partial<CreateFundingAgreementInput> = {}) =>
  (await api.ok(CREATE, { input: newAgreement(overrides) }, { as: "CONSULTANT" })).createFundingAgreement.agreement.id;

/** The lines of a report in which the frozen and the live one differ. */
function differingLines(live: string, frozen: string): [string, string][] {
  const a = live.split("\r\n");
  const b = frozen.split("\r\n");
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i): [string, string][] => (line === b[i] ? [] : [[line, b[i]!]]));
}

describe("closing", () => {
  it("is for the funder's side: the seeded addendum (period ended 2025-06-30) closes by the funder's partner, not by a consultant, admin or other partner", async () => {
    const id = fx.agreementId;
    expect(todayInBrussels() > "2025-06-30").toBe(true);
    const others: [ExecOptions["as"], string][] = [
      ["CONSULTANT", "FORBIDDEN"],
      ["ADMIN", "FORBIDDEN"],
      [beneficiaryPartner(), "FORBIDDEN"],
      [steeringPartner(), "FORBIDDEN"],
      [{ role: "PARTNER", org: rowId(fx.orgs.Workitects!) }, "FORBIDDEN"],
      [{ role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) }, "FORBIDDEN"],
    ];
    for (const [as, code] of others) {
      expect(errorOf(await api.exec(CLOSE, { id }, { as })).code).toBe(code);
      expect((await api.ok(STATE, { id }, { as: as === "ADMIN" ? "ADMIN" : "CONSULTANT" })).fundingAgreement!.viewerCanClose).toBe(false);
    }
    expect(errorOf(await api.exec(CLOSE, { id })).code).toBe("UNAUTHENTICATED");
    expect(await state(id)).toMatchObject({ status: "OPEN", viewerCanClose: true, closings: [] });

    const closed = (await api.ok(CLOSE, { id }, { as: funder() })).closeFundingAgreement.agreement;
    expect(closed).toMatchObject({ status: "CLOSED", closings: [{ closedBy: "funder-an", closedByRole: "PARTNER", reopenedAt: null }] });
    const after = await state(id);
    expect(after).toMatchObject({ status: "CLOSED", viewerCanClose: false, viewerCanReopen: false, viewerCanEdit: false, viewerCanSubmitInvoice: false });
    expect((await state(id, "ADMIN")).viewerCanReopen).toBe(true);
    expect(after.closings).toHaveLength(1);
    expect(after.settlement.frozenAt).toEqual(after.closings[0]!.closedAt);
    // The steering group reads the closing, with who closed it (the auditor's report names them).
    expect((await state(id, steeringPartner())).closings[0]).toMatchObject({ closedBy: "funder-an", closedByRole: "PARTNER" });
    expect(errorOf(await api.exec(STATE, { id }, { as: { role: "PARTNER", org: rowId(fx.orgs.Workitects!) } })).code).toBe("FORBIDDEN");

    // Closing twice is a state conflict, not a second snapshot.
    expect(errorOf(await api.exec(CLOSE, { id }, { as: funder() }))).toMatchObject({ code: "CONFLICT", field: "id" });
    expect((await state(id)).closings).toHaveLength(1);

    // Audited (the agreement's status and the closing), announced with the amount payable, naming nobody.
    expect(await auditCount("closeFundingAgreement")).toBe(2);
    const log = (await api.ok(AUDIT, { filter: { operation: "closeFundingAgreement" } }, { as: "ADMIN" })).auditLog.edges.map((e) => e.node);
    expect(log.every((entry) => entry.actorSubject === "funder-an" && entry.actorRole === "PARTNER")).toBe(true);
    expect(log.find((entry) => entry.entityType === "FundingAgreement")).toMatchObject({ before: { status: "OPEN" }, after: { status: "CLOSED" } });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "agreement.closed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toEqual([{ agreementId: id, payableCents: after.settlement.payable.cents, currency: "EUR" }]);
  });

  it("is refused before the period ends, on its last day too, and allowed the day after", async () => {
    const running = await create({ periodEnd: "2027-06-30" });
    const endsToday = await create({ periodStart: "2025-01-01", periodEnd: day(0) });
    const endedYesterday = await create({ periodStart: "2025-01-01", periodEnd: day(-1) });
    for (const id of [running, endsToday]) {
      const refused = await api.exec(CLOSE, { id }, { as: funder() });
      expect(errorOf(refused)).toMatchObject({ code: "CONFLICT", field: "id" });
      expect(errorOf(refused).message).toContain("Closing before the period ends is refused");
      expect(await state(id)).toMatchObject({ status: "OPEN", viewerCanClose: false, closings: [] });
    }
    expect((await state(endedYesterday)).viewerCanClose).toBe(true);
    expect((await api.ok(CLOSE, { id: endedYesterday }, { as: funder() })).closeFundingAgreement.agreement.status).toBe("CLOSED");
  });

  it("freezes the settlement, the measured values and the report as they were shown, and keeps them when rows change behind the API", async () => {
    const id = fx.agreementId;
    // Records of three result commitments (worktable meetings, leadership trajectories, learning tools): 3 of 5 achieved.
    const meetings = metric("worktables.meetingsHeld", 31);
    const trajectories = metric("leadership.distinctTrajectories", 6);
    const tools = metric("learningTools.published", 5);
    // Money: one invoice paid, one approved and unpaid; a board's payment; overhead within a ceiling.
    const paid = await submit({ amount: { cents: 10_000_000 } });
    await approve(paid.id);
    await pay(paid.id);
    const unpaid = await submit({ amount: { cents: 5_000_000 } });
    await approve(unpaid.id);
    const charge = (
      await api.ok(
        RECORD_COFINANCING,
        {
          input: { agreementId: id, boardId: fx.boards.Gent!, actionId: fx.actions[1]!, kind: "PARTICIPATION_FEE", type: "CHARGE", amount: { cents: 500_000 }, date: "2024-02-01" },
        },
        { as: "CONSULTANT" },
      )
    ).recordCoFinancing.entry;
    await api.ok(
      RECORD_COFINANCING,
      {
        input: {
          agreementId: id,
          boardId: fx.boards.Gent!,
          actionId: fx.actions[1]!,
          kind: "PARTICIPATION_FEE",
          type: "PAYMENT",
          amount: { cents: 200_000 },
          date: "2024-03-01",
          chargeId: charge.id,
        },
      },
      { as: "CONSULTANT" },
    );
    await api.ok(RECORD_OVERHEAD, { input: { agreementId: id, description: "Coördinatie consulenten", amount: { cents: 100_000 }, date: "2024-05-01" } }, { as: "CONSULTANT" });
    await api.ok(TERMS, { input: { agreementId: id, overheadCeiling: { cents: 50_000 } } }, { as: funder() });
    // A judgement proposed by the sector and accepted by the funder's side.
    const [judged] = await qualitative();
    await api.ok(PROPOSE, { input: { commitmentId: judged!.id, status: "JUSTIFIED", evidence: "Verslag van het diverse aanbod" } }, { as: "CONSULTANT" });
    await api.ok(ACCEPT, { input: { commitmentId: judged!.id } }, { as: funder() });

    const before = await state(id);
    const reportsBefore = await reports(id);
    expect(before.settlement).toMatchObject({
      basis: "FINAL",
      frozenAt: null,
      achievedResultCommitments: 3,
      realisedCosts: { cents: 10_000_000 },
      coFinancingIncome: { cents: 200_000 },
      overheadCounted: { cents: 50_000 },
    });

    await api.ok(CLOSE, { id }, { as: funder() });
    const closed = await state(id);
    const closedAt = closed.closings[0]!.closedAt;
    const frozen = { ...before.settlement, frozenAt: closedAt };
    expect(closed.settlement).toEqual(frozen);
    expect(closed.closings[0]!.settlement).toEqual(frozen);
    expect(closed.commitments).toEqual(before.commitments);

    // The frozen report is the one shown before, but for the agreement's status, which now says it is closed.
    const frozenReports = await reports(id);
    expect(frozenReports.nl.filename).toBe(reportsBefore.nl.filename);
    expect(frozenReports.nl.contentType).toBe(reportsBefore.nl.contentType);
    const statusWords = { nl: ["lopend", "afgesloten"], fr: ["en cours", "clôturée"], en: ["open", "closed"] } as const;
    for (const locale of ["nl", "fr", "en"] as const) {
      const differ = differingLines(reportsBefore[locale].content, frozenReports[locale].content);
      expect(differ, locale).toHaveLength(1);
      expect(differ[0]![0]).toContain(`"${statusWords[locale][0]}"`);
      expect(differ[0]![1]).toContain(`"${statusWords[locale][1]}"`);
    }
    const closingReports = (await api.ok(CLOSING_REPORTS, { id }, { as: steeringPartner() })).fundingAgreement!.closings[0]!;
    expect(closingReports.nl.content).toBe(frozenReports.nl.content);
    expect(closingReports.fr.content).toBe(frozenReports.fr.content);
    expect(closingReports.en.content).toBe(frozenReports.en.content);

    // Behind the API: the unpaid invoice marked paid, the judgement undone, the records changed.
    await api.database.db
      .update(invoices)
      .set({ status: "PAID" })
      .where(eq(invoices.id, rowId(unpaid.id)));
    await api.database.db
      .update(commitments)
      .set({ status: "OPEN", evidence: null, judgedBy: null, judgedAt: null })
      .where(and(eq(commitments.id, rowId(judged!.id))));
    meetings.value = 0;
    trajectories.value = 0;
    tools.value = 0;

    const later = await state(id);
    expect(later.settlement).toEqual(frozen);
    expect(later.closings[0]!.settlement).toEqual(frozen);
    // The measured values read what was frozen, not today's records.
    const measured = (c: (typeof later.commitments)[number]) => (c.target.__typename === "MeasuredTarget" ? c.target.measures.map((m) => [m.metric.key, m.currentValue]) : []);
    expect(later.commitments.map(measured)).toEqual(before.commitments.map(measured));
    expect(later.commitments.flatMap(measured)).toContainEqual(["worktables.meetingsHeld", 31]);
    expect(await reports(id)).toEqual(frozenReports);
    // The snapshot holds what was counted, row by row, and each commitment as it stood.
    const [row] = await api.database.db
      .select({ snapshot: agreementClosings.snapshot })
      .from(agreementClosings)
      .where(eq(agreementClosings.agreementId, rowId(id)));
    const snapshot = row!.snapshot as ClosingSnapshot;
    expect(snapshot.version).toBe(1);
    expect(snapshot.invoices.map((i) => i.id)).toEqual([rowId(paid.id)]);
    expect(snapshot.coFinancing.map((e) => e.countedCents)).toEqual([200_000]);
    expect(snapshot.overhead).toMatchObject({ ceilingCents: 50_000, recordedCents: 100_000, countedCents: 50_000 });
    expect(snapshot.metricValues).toMatchObject({ "worktables.meetingsHeld": 31, "leadership.distinctTrajectories": 6, "learningTools.published": 5 });
    expect(snapshot.commitments.find((c) => c.id === rowId(judged!.id))).toMatchObject({
      qualitative: true,
      met: true,
      judgement: { status: "JUSTIFIED", evidence: "Verslag van het diverse aanbod", judgedBy: "funder-an" },
    });
    expect(snapshot.settlement.result.payableCents).toBe(frozen.payable.cents);
    expect(Object.keys(snapshot.reports).sort()).toEqual(["en", "fr", "nl"]);
  });

  it("refuses every write to a closed agreement as CONFLICT, and writes nothing", async () => {
    const id = fx.agreementId;
    // Before closing: an approved invoice, a submitted one, a ledger charge, an overhead cost, a pending proposal and an accepted judgement.
    const approved = await submit();
    await approve(approved.id);
    const submitted = await submit();
    const charge = (
      await api.ok(
        RECORD_COFINANCING,
        {
          input: { agreementId: id, boardId: fx.boards.Gent!, actionId: fx.actions[1]!, kind: "PARTICIPATION_FEE", type: "CHARGE", amount: { cents: 500_000 }, date: "2024-02-01" },
        },
        { as: "CONSULTANT" },
      )
    ).recordCoFinancing.entry;
    const overhead = (
      await api.ok(RECORD_OVERHEAD, { input: { agreementId: id, description: "Coördinatie", amount: { cents: 100_000 }, date: "2024-05-01" } }, { as: "CONSULTANT" })
    ).recordOverheadCost.entry;
    const [pending, accepted, untouched] = await qualitative();
    await api.ok(PROPOSE, { input: { commitmentId: pending!.id, status: "JUSTIFIED", evidence: "Verslag" } }, { as: "CONSULTANT" });
    await api.ok(PROPOSE, { input: { commitmentId: accepted!.id, status: "JUSTIFIED", evidence: "Verslag" } }, { as: "CONSULTANT" });
    await api.ok(ACCEPT, { input: { commitmentId: accepted!.id } }, { as: funder() });
    const structure = (await api.ok(TRACKS, { id })).fundingAgreement!;
    const track = structure.tracks[0]!;

    await api.ok(CLOSE, { id }, { as: funder() });
    const audited = await auditCount();

    const attempts: [string, () => Promise<{ errors?: readonly GraphQLFormattedError[] | undefined }>][] = [
      ["submitInvoice", () => api.exec(SUBMIT, { input: invoiceInput() }, { as: SUBMITTER })],
      ["approveInvoice", () => api.exec(APPROVE, { id: submitted.id }, { as: APPROVER })],
      ["payInvoice", () => api.exec(PAY, { id: approved.id }, { as: PAYER })],
      ["rejectInvoice", () => api.exec(REJECT, { input: { id: submitted.id, reason: "Te laat" } }, { as: APPROVER })],
      ["proposeJudgement", () => api.exec(PROPOSE, { input: { commitmentId: untouched!.id, status: "JUSTIFIED", evidence: "Verslag" } }, { as: "CONSULTANT" })],
      ["acceptJudgement", () => api.exec(ACCEPT, { input: { commitmentId: pending!.id } }, { as: funder() })],
      ["refuseJudgement", () => api.exec(REFUSE, { input: { commitmentId: pending!.id, reason: "Onvoldoende" } }, { as: funder() })],
      ["reopenCommitment", () => api.exec(REOPEN_COMMITMENT, { input: { commitmentId: accepted!.id, reason: "Toch niet" } }, { as: funder() })],
      [
        "recordCoFinancing",
        () =>
          api.exec(
            RECORD_COFINANCING,
            {
              input: {
                agreementId: id,
                boardId: fx.boards.Brugge!,
                actionId: fx.actions[1]!,
                kind: "OWN_CONTRIBUTION",
                type: "CHARGE",
                amount: { cents: 100 },
                date: "2024-02-01",
              },
            },
            { as: "CONSULTANT" },
          ),
      ],
      ["reverseCoFinancingEntry", () => api.exec(REVERSE_COFINANCING, { input: { id: charge.id, reason: "Foute boeking" } }, { as: "CONSULTANT" })],
      [
        "recordOverheadCost",
        () => api.exec(RECORD_OVERHEAD, { input: { agreementId: id, description: "Nog meer", amount: { cents: 100 }, date: "2024-05-02" } }, { as: "CONSULTANT" }),
      ],
      ["reverseOverheadCost", () => api.exec(REVERSE_OVERHEAD, { input: { id: overhead.id, reason: "Fout" } }, { as: "CONSULTANT" })],
      ["updateFundingAgreement", () => api.exec(UPDATE, { input: { id, title: { nl: "Na de afsluiting" } } }, { as: "CONSULTANT" })],
      ["setFundingTerms", () => api.exec(TERMS, { input: { agreementId: id, reportingWindowDays: 30 } }, { as: funder() })],
      ["addTrack", () => api.exec(ADD_TRACK, { input: { agreementId: id, number: 6, title: { nl: "Spoor 6" } } }, { as: "CONSULTANT" })],
      ["updateTrack", () => api.exec(UPDATE_TRACK, { input: { id: track.id, description: { nl: "Na de afsluiting" } } }, { as: "CONSULTANT" })],
      ["addAction", () => api.exec(ADD_ACTION, { input: { trackId: track.id, number: 10, title: { nl: "Actie 10" } } }, { as: "CONSULTANT" })],
      ["updateAction", () => api.exec(UPDATE_ACTION, { input: { id: track.actions[0]!.id, isNew: true } }, { as: "CONSULTANT" })],
      ["addCommitment", () => api.exec(ADD_COMMITMENT, { input: { agreementId: id, kind: "RESULT", number: 6, description: { nl: "Zesde resultaat" } } }, { as: "CONSULTANT" })],
      ["updateCommitment", () => api.exec(UPDATE_COMMITMENT, { input: { id: untouched!.id, description: { nl: "Anders" } } }, { as: "CONSULTANT" })],
      ["removeCommitment", () => api.exec(REMOVE_COMMITMENT, { id: untouched!.id }, { as: "CONSULTANT" })],
    ];
    for (const [mutation, attempt] of attempts) expect(errorOf(await attempt()).code, mutation).toBe("CONFLICT");
    expect(await auditCount()).toBe(audited);
    expect((await state(id)).status).toBe("CLOSED");
  });
});

describe("reopening", () => {
  it("is for an admin with a reason: audited, the agreement open again, the closing kept in the history; the next closing freezes anew", async () => {
    const id = fx.agreementId;
    const approved = await submit({ amount: { cents: 10_000_000 } });
    await approve(approved.id);
    await api.ok(CLOSE, { id }, { as: funder() });
    const first = (await state(id)).closings[0]!;

    for (const as of ["CONSULTANT" as const, funder(), beneficiaryPartner()]) {
      expect(errorOf(await api.exec(REOPEN, { input: { id, reason: "Een factuur ontbreekt" } }, { as })).code).toBe("FORBIDDEN");
    }
    expect(errorOf(await api.exec(REOPEN, { input: { id, reason: " \n " } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reason" });
    expect((await state(id)).status).toBe("CLOSED");

    const admin: Actor = { role: "ADMIN", sub: "admin-mie" };
    const reason = "De betaling van factuur WK-LC ontbrak in de afrekening;\nzie mail van de subsidiegever.";
    expect((await api.ok(REOPEN, { input: { id, reason } }, { as: admin })).reopenFundingAgreement.agreement.status).toBe("OPEN");
    const reopened = await state(id, "ADMIN");
    expect(reopened).toMatchObject({ status: "OPEN", viewerCanReopen: false, viewerCanEdit: true });
    expect(reopened.closings).toHaveLength(1);
    expect(reopened.closings[0]).toMatchObject({ closedAt: first.closedAt, closedBy: "funder-an", reopenedBy: "admin-mie", reopenReason: reason, settlement: first.settlement });
    expect(reopened.closings[0]!.reopenedAt).not.toBeNull();
    // Live again: the settlement is computed, not frozen.
    expect(reopened.settlement.frozenAt).toBeNull();
    expect(errorOf(await api.exec(REOPEN, { input: { id, reason } }, { as: admin }))).toMatchObject({ code: "CONFLICT", field: "input.id" });

    const log = (await api.ok(AUDIT, { filter: { operation: "reopenFundingAgreement" } }, { as: "ADMIN" })).auditLog.edges.map((e) => e.node);
    expect(log).toHaveLength(2);
    expect(log.every((entry) => entry.actorSubject === "admin-mie" && entry.actorRole === "ADMIN")).toBe(true);
    expect(log.find((entry) => entry.entityType === "AgreementClosing")).toMatchObject({
      before: { reopenReason: null },
      after: { reopenReason: reason, reopenedBy: "admin-mie" },
    });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "agreement.reopened")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toEqual([{ agreementId: id }]);

    // Writes are accepted again: the missing payment is recorded, and the next closing freezes it.
    await pay(approved.id);
    await api.ok(CLOSE, { id }, { as: funder() });
    const again = await state(id);
    expect(again.closings).toHaveLength(2);
    const [newest, oldest] = again.closings;
    expect(newest).toMatchObject({ reopenedAt: null, reopenReason: null, settlement: { realisedCosts: { cents: 10_000_000 } } });
    expect(oldest).toMatchObject({ closedAt: first.closedAt, reopenReason: reason, settlement: { realisedCosts: { cents: 0 } } });
    expect(again.settlement).toEqual(newest!.settlement);
    expect(new Date(newest!.closedAt).getTime()).toBeGreaterThan(new Date(oldest!.closedAt).getTime());
  });

  it("reads the closings of an agreement in the same statements whatever their number", async () => {
    const id = await create({ periodStart: "2024-01-01", periodEnd: "2024-12-31" });
    const CLOSINGS = graphql(`
      query LifecycleClosings($id: ID!) {
        fundingAgreement(id: $id) { closings { closedAt closedBy reopenedBy reopenReason settlement { payable { cents } explanation } report(locale: EN) { filename } } }
      }
    `);
    const cycle = async () => {
      await api.ok(CLOSE, { id }, { as: funder() });
      await api.ok(REOPEN, { input: { id, reason: "Nog een correctie" } }, { as: "ADMIN" });
    };
    await cycle();
    const one = await api.exec(CLOSINGS, { id }, { as: funder() });
    expect(one.data!.fundingAgreement!.closings).toHaveLength(1);
    await cycle();
    await cycle();
    const three = await api.exec(CLOSINGS, { id }, { as: funder() });
    expect(three.data!.fundingAgreement!.closings).toHaveLength(3);
    expect(three.errors).toBeUndefined();
    expect(three.statements).toBe(one.statements);
  });
});
