// The real cost in the settlement, through the API (issue 8): VVSG "streeft geen winst na en
// brengt alleen de reële kost ... in". The final settlement counts only paid invoices, a
// forecast approved-but-unpaid ones too; the boards' co-financing payments are deducted before
// the cap (net of reversals, within the period plus the reporting window); overhead counts only
// within a ceiling; scenarios can vary the income; a closed agreement's settlement is final; and
// a list of agreements costs the same statements as one.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actions, coFinancingEntries, fundingAgreements, invoices, overheadCosts } from "../../db/schema/funding.js";
import { seedAddendum } from "../../db/seed/funding.js";
import type { SettlementBasis, SettlementScenario } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { emptyAggregateCache, type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

let fx: FundingFixture;
let agreementRow: string;

beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Workitects", "Vlaamse Regering", "VVSG"], boards: ["Gent", "Brugge"] });
  agreementRow = rowId(fx.agreementId);
  FUNDER = { as: { role: "PARTNER", sub: "funder-partner", org: rowId(fx.orgs["Vlaamse Regering"]!) } };
});

graphql(`
  fragment RealCostSettlement on Settlement {
    hypothetical basis frozenAt
    effortPart { cents } resultPart { cents }
    realisedCosts { cents currency } committedCosts { cents } overheadRecorded { cents } overheadCounted { cents } coFinancingIncome { cents }
    eligibleCosts { cents } entitlement { cents } payable { cents } cappedBy
    unjustifiedEffortCommitments { number }
    steps { step amount { cents } text }
  }
`);
const SETTLEMENT = graphql(`
  query RealCostSettlement($id: ID!, $basis: SettlementBasis, $scenario: SettlementScenario) {
    fundingAgreement(id: $id) { settlement(basis: $basis, scenario: $scenario) { ...RealCostSettlement } }
  }
`);
const SUBMIT = graphql(`mutation RealCostSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id status } } }`);
const APPROVE = graphql(`mutation RealCostApprove($id: ID!) { approveInvoice(id: $id) { invoice { id status } } }`);
const PAY = graphql(`mutation RealCostPay($id: ID!) { payInvoice(id: $id) { invoice { id status } } }`);
const RECORD = graphql(`mutation RealCostRecordCoFinancing($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id type amount { cents } } } }`);
const REVERSE = graphql(`mutation RealCostReverseCoFinancing($input: ReverseCoFinancingEntryInput!) { reverseCoFinancingEntry(input: $input) { entry { id } } }`);
const RECORD_OVERHEAD = graphql(`mutation RealCostRecordOverhead($input: RecordOverheadCostInput!) { recordOverheadCost(input: $input) { entry { id amount { cents } } } }`);
const CLOSE = graphql(`mutation RealCostClose($id: ID!) { closeFundingAgreement(id: $id) { agreement { status } } }`);
const SET_TERMS = graphql(
  `mutation RealCostSetTerms($input: SetFundingTermsInput!) { setFundingTerms(input: $input) { agreement { overheadCeiling { cents } reportingWindowDays } } }`,
);

// Two people per payment: one consultant submits, another approves, a third pays.
const SUBMITTER: Actor = { role: "CONSULTANT", sub: "consultant-a" };
const APPROVER: Actor = { role: "CONSULTANT", sub: "consultant-b" };
const PAYER: Actor = { role: "CONSULTANT", sub: "consultant-c" };
const READER: ExecOptions = { as: "CONSULTANT", acceptLanguage: "en" };
/** The funder's side: sets the overhead ceiling and closes the agreement (its period ended on 30 June 2025). */
let FUNDER: ExecOptions;

let references = 0;
async function invoice(cents: number, steps: "SUBMITTED" | "APPROVED" | "PAID"): Promise<string> {
  references++;
  const { submitInvoice } = await api.ok(
    SUBMIT,
    {
      input: {
        agreementId: fx.agreementId,
        actionId: fx.actions[1]!,
        payeeId: fx.orgs.Workitects!,
        reference: `RC-${references}`,
        amount: { cents, currency: "EUR" },
        invoiceDate: "2024-03-31",
        serviceDate: "2024-03-15",
        boardsServedIds: [fx.boards.Gent!],
      },
    },
    { as: SUBMITTER },
  );
  const id = submitInvoice.invoice.id;
  if (steps === "SUBMITTED") return id;
  await api.ok(APPROVE, { id }, { as: APPROVER });
  if (steps === "APPROVED") return id;
  await api.ok(PAY, { id }, { as: PAYER });
  return id;
}

async function charge(cents: number, date = "2024-04-01"): Promise<string> {
  const { recordCoFinancing } = await api.ok(
    RECORD,
    {
      input: {
        agreementId: fx.agreementId,
        boardId: fx.boards.Gent!,
        actionId: fx.actions[1]!,
        kind: "PARTICIPATION_FEE",
        type: "CHARGE",
        amount: { cents, currency: "EUR" },
        date,
      },
    },
    READER,
  );
  return recordCoFinancing.entry.id;
}
async function payment(chargeId: string, cents: number, date = "2024-05-01"): Promise<string> {
  const { recordCoFinancing } = await api.ok(
    RECORD,
    {
      input: {
        agreementId: fx.agreementId,
        boardId: fx.boards.Gent!,
        actionId: fx.actions[1]!,
        kind: "PARTICIPATION_FEE",
        type: "PAYMENT",
        amount: { cents, currency: "EUR" },
        date,
        chargeId,
      },
    },
    READER,
  );
  return recordCoFinancing.entry.id;
}

async function settlement(basis: SettlementBasis = "FINAL", scenario?: SettlementScenario, options: ExecOptions = READER) {
  return (await api.ok(SETTLEMENT, { id: fx.agreementId, basis, scenario }, options)).fundingAgreement!.settlement;
}
const step = (s: { steps: { step: string; amount: { cents: number } | null; text: string }[] }, name: string) => s.steps.find((l) => l.step === name)!;
const ALL_ACHIEVED: SettlementScenario = { achievedResultCommitmentNumbers: [1, 2, 3, 4, 5] };

describe("realised and committed costs", () => {
  it("400,000 approved and 0 paid: the final settlement pays nothing, the forecast 280,000; paid, both pay 280,000", async () => {
    const id = await invoice(40_000_000, "APPROVED");
    const final = await settlement("FINAL");
    expect(final).toMatchObject({
      hypothetical: false,
      basis: "FINAL",
      frozenAt: null,
      realisedCosts: { cents: 0, currency: "EUR" },
      committedCosts: { cents: 40_000_000 },
      eligibleCosts: { cents: 0 },
      entitlement: { cents: 28_000_000 },
      payable: { cents: 0 },
      cappedBy: "ELIGIBLE_COSTS",
    });
    expect(step(final, "COMMITTED_COSTS")).toMatchObject({ amount: { cents: 40_000_000 } });
    expect(step(final, "COMMITTED_COSTS").text).toContain("not counted in the final settlement until they are paid");

    const forecast = await settlement("FORECAST");
    expect(forecast).toMatchObject({
      basis: "FORECAST",
      realisedCosts: { cents: 0 },
      committedCosts: { cents: 40_000_000 },
      eligibleCosts: { cents: 40_000_000 },
      payable: { cents: 28_000_000 },
    });
    expect(step(forecast, "COMMITTED_COSTS").text).toContain("counted in this forecast");

    await api.ok(PAY, { id }, { as: PAYER });
    for (const basis of ["FINAL", "FORECAST"] as const) {
      expect(await settlement(basis)).toMatchObject({
        realisedCosts: { cents: 40_000_000 },
        committedCosts: { cents: 0 },
        eligibleCosts: { cents: 40_000_000 },
        payable: { cents: 28_000_000 },
      });
    }
  });

  it("counts no submitted invoice, a paid one as realised and an approved one as committed", async () => {
    await invoice(1_000_000, "SUBMITTED");
    await invoice(2_000_000, "PAID");
    await invoice(3_000_000, "APPROVED");
    const final = await settlement("FINAL");
    expect(final).toMatchObject({ realisedCosts: { cents: 2_000_000 }, committedCosts: { cents: 3_000_000 }, eligibleCosts: { cents: 2_000_000 } });
    expect((await settlement("FORECAST")).eligibleCosts.cents).toBe(5_000_000);
  });

  it("defaults to the final settlement", async () => {
    await invoice(3_000_000, "APPROVED");
    const { fundingAgreement } = await api.ok(
      graphql(`query RealCostDefaultBasis($id: ID!) { fundingAgreement(id: $id) { settlement { basis eligibleCosts { cents } } } }`),
      { id: fx.agreementId },
      READER,
    );
    expect(fundingAgreement!.settlement).toEqual({ basis: "FINAL", eligibleCosts: { cents: 0 } });
  });
});

describe("income deducted before the cap", () => {
  it("400,000 paid and 50,000 of co-financing payments: 350,000 eligible, and the cap pays that, not 400,000", async () => {
    await invoice(40_000_000, "PAID");
    const owed = await charge(6_000_000);
    await payment(owed, 5_000_000);
    const s = await settlement("FINAL", ALL_ACHIEVED);
    expect(s).toMatchObject({
      hypothetical: true,
      realisedCosts: { cents: 40_000_000 },
      coFinancingIncome: { cents: 5_000_000 },
      eligibleCosts: { cents: 35_000_000 },
      entitlement: { cents: 40_000_000 },
      payable: { cents: 35_000_000 },
      cappedBy: "ELIGIBLE_COSTS",
    });
    expect(step(s, "INCOME").amount).toEqual({ cents: 5_000_000 });
    const order = s.steps.map((l) => l.step);
    expect(order.indexOf("INCOME")).toBeLessThan(order.indexOf("ELIGIBLE_COSTS"));
    expect(order.indexOf("ELIGIBLE_COSTS")).toBeLessThan(order.indexOf("CAP"));
    // The charge is what the board owes, not income: only the payment is deducted.
    expect((await settlement()).coFinancingIncome.cents).toBe(5_000_000);
  });

  it("does not count a reversed payment", async () => {
    await invoice(10_000_000, "PAID");
    const owed = await charge(6_000_000);
    await payment(owed, 1_000_000);
    const wrong = await payment(owed, 2_000_000);
    expect((await settlement()).coFinancingIncome.cents).toBe(3_000_000);
    await api.ok(REVERSE, { input: { id: wrong, reason: "Dubbel geboekt" } }, READER);
    const s = await settlement();
    expect(s.coFinancingIncome.cents).toBe(1_000_000);
    expect(s.eligibleCosts.cents).toBe(9_000_000);
  });

  it("counts payments within the period plus the reporting window only, a reversal with the payment it reverses", async () => {
    // Entries the API would refuse (outside the window) are written straight to the ledger, as
    // an import or an older version might have left them: the settlement must not count them.
    const db = api.database.db;
    await db.update(fundingAgreements).set({ reportingWindowDays: 30 }).where(eq(fundingAgreements.id, agreementRow));
    const base = { agreementId: agreementRow, boardId: rowId(fx.boards.Gent!), actionId: rowId(fx.actions[1]!), kind: "OWN_CONTRIBUTION" as const };
    const [owed] = await db
      .insert(coFinancingEntries)
      .values({ ...base, entryType: "CHARGE", amountCents: 10_000_000, entryDate: "2023-06-01" })
      .returning();
    const paid = (amountCents: number, entryDate: string, reversesId: string | null = null) =>
      db
        .insert(coFinancingEntries)
        .values({ ...base, entryType: "PAYMENT", chargeId: owed!.id, amountCents, entryDate, reversesId })
        .returning()
        .then((rows) => rows[0]!);
    await paid(1, "2023-06-30"); // the day before the period
    await paid(10, "2023-07-01"); // its first day
    const late = await paid(100, "2025-07-30"); // the window's last day (30 June + 30)
    await paid(1_000, "2025-07-31"); // the day after the window
    const early = await paid(10_000, "2023-06-15"); // before the period...
    await paid(10_000, "2023-07-15", early.id); // ...reversed inside it: the pair counts nothing
    await paid(100, "2025-08-15", late.id); // a counted payment reversed after the window: the pair counts nothing
    await paid(100_000, "2024-01-01");
    expect((await settlement()).coFinancingIncome.cents).toBe(100_010);
    await db.update(fundingAgreements).set({ reportingWindowDays: 0 }).where(eq(fundingAgreements.id, agreementRow));
    expect((await settlement()).coFinancingIncome.cents).toBe(100_010);
    await db.update(fundingAgreements).set({ reportingWindowDays: 31 }).where(eq(fundingAgreements.id, agreementRow));
    expect((await settlement()).coFinancingIncome.cents).toBe(101_010);
  });

  it("never makes the eligible costs negative when income exceeds the costs", async () => {
    await invoice(1_000_000, "PAID");
    const owed = await charge(6_000_000);
    await payment(owed, 3_000_000);
    const s = await settlement();
    expect(s).toMatchObject({ coFinancingIncome: { cents: 3_000_000 }, eligibleCosts: { cents: 0 }, payable: { cents: 0 } });
    expect(step(s, "ELIGIBLE_COSTS").text).toContain("is below zero, so EUR 0.00");
  });
});

describe("overhead within its ceiling", () => {
  it("counts no overhead while no ceiling is set, then at most the ceiling the funder's side sets", async () => {
    await invoice(10_000_000, "PAID");
    await api.ok(
      RECORD_OVERHEAD,
      { input: { agreementId: fx.agreementId, description: "Coördinatie consultants", amount: { cents: 500_000, currency: "EUR" }, date: "2024-02-01" } },
      READER,
    );
    const none = await settlement();
    expect(none).toMatchObject({ overheadRecorded: { cents: 500_000 }, overheadCounted: { cents: 0 }, eligibleCosts: { cents: 10_000_000 } });
    expect(step(none, "OVERHEAD")).toMatchObject({ amount: { cents: 0 } });
    expect(step(none, "OVERHEAD").text).toContain("no ceiling on overhead yet, so none counts");

    await api.ok(SET_TERMS, { input: { agreementId: fx.agreementId, overheadCeiling: { cents: 300_000, currency: "EUR" } } }, FUNDER);
    const capped = await settlement();
    expect(capped).toMatchObject({ overheadRecorded: { cents: 500_000 }, overheadCounted: { cents: 300_000 }, eligibleCosts: { cents: 10_300_000 } });
    expect(step(capped, "OVERHEAD").text).toContain("above the ceiling of EUR 3,000.00");

    await api.ok(SET_TERMS, { input: { agreementId: fx.agreementId, overheadCeiling: { cents: 800_000, currency: "EUR" } } }, FUNDER);
    expect(await settlement()).toMatchObject({ overheadCounted: { cents: 500_000 }, eligibleCosts: { cents: 10_500_000 } });
  });

  it("counts overhead net of reversals and within the period only", async () => {
    const db = api.database.db;
    await db.update(fundingAgreements).set({ overheadCeilingCents: 1_000_000 }).where(eq(fundingAgreements.id, agreementRow));
    const [wrong] = await db.insert(overheadCosts).values({ agreementId: agreementRow, description: "Fout", amountCents: 70_000, costDate: "2024-02-01" }).returning();
    await db.insert(overheadCosts).values([
      { agreementId: agreementRow, description: "Reversal", amountCents: 70_000, costDate: "2024-02-02", reversesId: wrong!.id },
      { agreementId: agreementRow, description: "Coördinatie", amountCents: 20_000, costDate: "2025-06-30" },
      { agreementId: agreementRow, description: "Na de periode", amountCents: 4_000, costDate: "2025-07-01" },
    ]);
    expect(await settlement()).toMatchObject({ overheadRecorded: { cents: 20_000 }, overheadCounted: { cents: 20_000 } });
  });
});

describe("scenarios of income", () => {
  it("replace the recorded income, and are refused in another currency or beyond the single-amount maximum", async () => {
    await invoice(40_000_000, "PAID");
    const owed = await charge(6_000_000);
    await payment(owed, 5_000_000);
    const without = await settlement("FINAL", { ...ALL_ACHIEVED, coFinancingIncome: { cents: 0, currency: "EUR" } });
    expect(without).toMatchObject({ hypothetical: true, coFinancingIncome: { cents: 0 }, eligibleCosts: { cents: 40_000_000 }, payable: { cents: 40_000_000 } });
    const more = await settlement("FINAL", { coFinancingIncome: { cents: 15_000_000, currency: "EUR" } });
    expect(more).toMatchObject({ hypothetical: true, coFinancingIncome: { cents: 15_000_000 }, eligibleCosts: { cents: 25_000_000 }, payable: { cents: 25_000_000 } });
    // A scenario writes nothing.
    expect((await settlement()).coFinancingIncome.cents).toBe(5_000_000);

    const refused = async (scenario: SettlementScenario) => errorOf(await api.exec(SETTLEMENT, { id: fx.agreementId, scenario }, READER));
    expect(await refused({ coFinancingIncome: { cents: 100, currency: "USD" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "scenario.coFinancingIncome.currency" });
    expect(await refused({ coFinancingIncome: { cents: 1_000_000_001, currency: "EUR" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "scenario.coFinancingIncome.cents" });
    expect(await refused({ coFinancingIncome: { cents: -1, currency: "EUR" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "scenario.coFinancingIncome.cents" });
    expect(await refused({ additionalEligibleCosts: { cents: 1_000_000_001, currency: "EUR" } })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "scenario.additionalEligibleCosts.cents",
    });
  });

  it("adds a scenario's additional costs before the income", async () => {
    const owed = await charge(6_000_000);
    await payment(owed, 1_000_000);
    const s = await settlement("FINAL", { additionalEligibleCosts: { cents: 5_000_000, currency: "EUR" } });
    expect(s).toMatchObject({ hypothetical: true, realisedCosts: { cents: 0 }, coFinancingIncome: { cents: 1_000_000 }, eligibleCosts: { cents: 4_000_000 } });
  });
});

describe("the explanation", () => {
  it("has every step in order, in Dutch, French and English", async () => {
    await invoice(10_000_000, "PAID");
    await invoice(2_000_000, "APPROVED");
    const owed = await charge(6_000_000);
    await payment(owed, 500_000);
    const steps = [
      "EFFORT_PART",
      "UNJUSTIFIED_EFFORT",
      "RESULT_SHARE",
      "RESULT_THRESHOLD",
      "RESULT_PART",
      "REALISED_COSTS",
      "COMMITTED_COSTS",
      "OVERHEAD",
      "INCOME",
      "ELIGIBLE_COSTS",
      "CAP",
      "PAYABLE",
      "ROUNDING",
    ];
    const expected = {
      nl: {
        REALISED_COSTS: "Gerealiseerde kosten: € 100.000,00 aan betaalde facturen van derden",
        COMMITTED_COSTS: "pas meegeteld wanneer ze betaald zijn",
        OVERHEAD: "dus er telt geen overhead mee",
        INCOME: "de financiële opbrengst van het project is enkel een compensatie voor de werkelijke meerkost",
        ELIGIBLE_COSTS: "€ 100.000,00 gerealiseerd + € 0,00 overhead - € 5.000,00 inkomsten = € 95.000,00",
      },
      fr: {
        REALISED_COSTS: "Coûts réalisés : 100 000,00 € de factures de tiers payées",
        COMMITTED_COSTS: "seulement une fois payés",
        OVERHEAD: "donc aucun ne compte",
        INCOME: "ne font que compenser le surcoût réel",
        ELIGIBLE_COSTS: "100 000,00 € réalisés + 0,00 € frais généraux - 5 000,00 € recettes = 95 000,00 €",
      },
      en: {
        REALISED_COSTS: "Realised costs: EUR 100,000.00 in paid third-party invoices",
        COMMITTED_COSTS: "not counted in the final settlement until they are paid",
        OVERHEAD: "so none counts",
        INCOME: "only compensate its real extra cost",
        ELIGIBLE_COSTS: "EUR 100,000.00 realised + EUR 0.00 overhead - EUR 5,000.00 income = EUR 95,000.00",
      },
    } as const;
    for (const locale of ["nl", "fr", "en"] as const) {
      const s = await settlement("FINAL", undefined, { ...READER, acceptLanguage: locale });
      expect(s.steps.map((l) => l.step)).toEqual(steps);
      for (const [name, phrase] of Object.entries(expected[locale])) expect(step(s, name).text, `${locale} ${name}`).toContain(phrase);
    }
  });

  it("names the unjustified effort commitments, ascending, as commitments", async () => {
    const s = await settlement();
    const numbers = s.unjustifiedEffortCommitments.map((c) => c.number);
    expect(numbers.length).toBeGreaterThan(0);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(step(s, "UNJUSTIFIED_EFFORT").text).toContain(String(numbers.at(-1)));
  });
});

describe("access and a closed agreement", () => {
  it("refuses the settlement to those who do not read the financials, before looking at the scenario", async () => {
    // A partner of a service provider is no party to the agreement and not in its steering group.
    const outsider: ExecOptions = { as: { role: "PARTNER", sub: "outsider", org: rowId(fx.orgs.Workitects!) } };
    const result = await api.exec(SETTLEMENT, { id: fx.agreementId, scenario: { coFinancingIncome: { cents: -1, currency: "EUR" } } }, outsider);
    expect(errorOf(result).code).toBe("FORBIDDEN");
  });

  it("refuses a scenario or a forecast of a closed agreement: its settlement is final", async () => {
    await api.ok(CLOSE, { id: fx.agreementId }, FUNDER);
    const ask = async (variables: { basis?: SettlementBasis; scenario?: SettlementScenario }) => errorOf(await api.exec(SETTLEMENT, { id: fx.agreementId, ...variables }, READER));
    expect(await ask({ scenario: ALL_ACHIEVED })).toMatchObject({ code: "BAD_USER_INPUT", field: "scenario" });
    expect(await ask({ basis: "FORECAST" })).toMatchObject({ code: "BAD_USER_INPUT", field: "basis" });
    expect((await ask({ basis: "FORECAST" })).message).toContain("closed");
  });
});

describe("the settlement frozen at closing", () => {
  it("is the final settlement of the moment of closing, in every language, and no longer moves", async () => {
    await invoice(10_000_000, "PAID");
    await invoice(2_000_000, "APPROVED");
    const owed = await charge(6_000_000);
    await payment(owed, 500_000);
    const before = {
      nl: await settlement("FINAL", undefined, { ...READER, acceptLanguage: "nl" }),
      fr: await settlement("FINAL", undefined, { ...READER, acceptLanguage: "fr" }),
      en: await settlement("FINAL", undefined, READER),
    };
    expect((await api.ok(CLOSE, { id: fx.agreementId }, FUNDER)).closeFundingAgreement.agreement.status).toBe("CLOSED");

    // A paid invoice written behind the API after closing does not move the frozen settlement.
    await api.database.db.insert(invoices).values({
      agreementId: agreementRow,
      actionId: rowId(fx.actions[1]!),
      payeeId: rowId(fx.orgs.Workitects!),
      reference: "LATE-1",
      amountCents: 5_000_000,
      invoiceDate: "2024-01-01",
      serviceDate: "2024-01-01",
      status: "PAID",
    });
    for (const locale of ["nl", "fr", "en"] as const) {
      const frozen = await settlement("FINAL", undefined, { ...READER, acceptLanguage: locale });
      const { frozenAt, ...rest } = frozen;
      expect(frozenAt).not.toBeNull();
      expect(rest).toEqual({ ...before[locale], frozenAt: undefined, basis: "FINAL", hypothetical: false });
    }
  });
});

describe("statements", () => {
  const EVERY = graphql(`
    query RealCostEveryAgreement {
      fundingAgreements { edges { node { id final: settlement { ...RealCostSettlement } forecast: settlement(basis: FORECAST) { ...RealCostSettlement } } } }
    }
  `);

  /**
   * Paid and approved invoices, a charge, payments and a reversal, overhead and its reversal, for
   * one agreement; amounts scale with n, so an agreement given another's sums would show.
   */
  async function costsFor(agreementId: string, n: number) {
    const k = n + 1;
    const db = api.database.db;
    await db.update(fundingAgreements).set({ overheadCeilingCents: 50_000 }).where(eq(fundingAgreements.id, agreementId));
    const [action] = await db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.agreementId, agreementId), eq(actions.number, 1)));
    const actionId = action!.id;
    const base = { agreementId, actionId, payeeId: rowId(fx.orgs.Workitects!), invoiceDate: "2024-01-01", serviceDate: "2024-01-01" };
    await db.insert(invoices).values([
      { ...base, reference: `ST-${n}-1`, amountCents: 1_000_000 * k, status: "PAID" },
      { ...base, reference: `ST-${n}-2`, amountCents: 200_000 * k, status: "APPROVED" },
    ]);
    const ledger = { agreementId, actionId, boardId: rowId(fx.boards.Gent!), kind: "PARTICIPATION_FEE" as const };
    const [owed] = await db
      .insert(coFinancingEntries)
      .values({ ...ledger, entryType: "CHARGE", amountCents: 90_000, entryDate: "2024-01-01" })
      .returning();
    const [paid] = await db
      .insert(coFinancingEntries)
      .values({ ...ledger, entryType: "PAYMENT", chargeId: owed!.id, amountCents: 30_000, entryDate: "2024-02-01" })
      .returning();
    await db.insert(coFinancingEntries).values({ ...ledger, entryType: "PAYMENT", chargeId: owed!.id, amountCents: 30_000, entryDate: "2024-02-02", reversesId: paid!.id });
    await db.insert(coFinancingEntries).values({ ...ledger, entryType: "PAYMENT", chargeId: owed!.id, amountCents: 20_000 * k, entryDate: "2024-02-03" });
    const [overhead] = await db.insert(overheadCosts).values({ agreementId, description: "Coördinatie", amountCents: 40_000, costDate: "2024-01-01" }).returning();
    await db.insert(overheadCosts).values({ agreementId, description: "Correctie", amountCents: 40_000, costDate: "2024-01-02", reversesId: overhead!.id });
    await db.insert(overheadCosts).values({ agreementId, description: "Coördinatie", amountCents: 40_000 + 10_000 * k, costDate: "2024-01-03" });
  }

  it("costs the same statements for three agreements' settlements as for one", async () => {
    await costsFor(agreementRow, 0);
    await emptyAggregateCache(api);
    const one = await api.exec(EVERY, {}, READER);
    expect(one.errors).toBeUndefined();
    expect(one.data!.fundingAgreements.edges).toHaveLength(1);

    const numbered = new Map([[agreementRow, 0]]);
    for (const n of [1, 2]) {
      await api.database.db.transaction((tx) => seedAddendum(tx));
      const rows = await api.database.db.select({ id: fundingAgreements.id }).from(fundingAgreements);
      const added = rows.map((r) => r.id).find((id) => !numbered.has(id))!;
      numbered.set(added, n);
      await costsFor(added, n);
    }
    await emptyAggregateCache(api);
    const three = await api.exec(EVERY, {}, READER);
    expect(three.errors).toBeUndefined();
    const nodes = three.data!.fundingAgreements.edges.map((e) => e.node);
    expect(nodes).toHaveLength(3);
    // Every agreement counts its own rows, and only them.
    for (const node of nodes) {
      const k = numbered.get(rowId(node.id))! + 1;
      const overhead = 40_000 + 10_000 * k;
      const counted = Math.min(overhead, 50_000);
      expect(node.final).toMatchObject({
        realisedCosts: { cents: 1_000_000 * k },
        committedCosts: { cents: 200_000 * k },
        coFinancingIncome: { cents: 20_000 * k },
        overheadRecorded: { cents: overhead },
        overheadCounted: { cents: counted },
        eligibleCosts: { cents: 1_000_000 * k + counted - 20_000 * k },
      });
      expect(node.forecast.eligibleCosts.cents).toBe(1_200_000 * k + counted - 20_000 * k);
    }
    expect(three.statements).toBe(one.statements);
  });
});
