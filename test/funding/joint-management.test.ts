// Joint management (seed 001): "De middelen van het addendum worden paritair beheerd door de
// stuurgroep Diverscity. Op die manier hebben alle sociale partners voldoende controle over de
// besteding van de middelen." The partners of the steering group's organisations (VVSG and the
// unions ACV, ACOD and VSOA) read the agreement's money; they do not act for the sector or the
// funder; and the steering group is data on the agreement, so leaving it ends the access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
const STEERING = ["ACOD", "ACV", "VSOA", "VVSG"];

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: [...STEERING, "Vlaamse Regering", "Workitects", "Diverscity"], boards: ["Gent"] });
});
afterAll(() => api?.close());

const partnerOf = (name: string): Actor => ({ role: "PARTNER", sub: `partner-${name.toLowerCase()}`, org: rowId(fx.orgs[name]!) });

const FINANCIALS = graphql(`
  query JointFinancials($id: ID!) {
    fundingAgreement(id: $id) {
      steeringGroup { name(locale: NL) kind }
      viewerCanReadFinancials
      beneficiaryBankAccount
      settlement { payable { cents } }
      invoices(first: 1) { totalCount }
      budget { total { approved { cents } } }
      coFinancing { totals { charged { cents } } }
      overhead { counted { cents } }
      justificationReport { filename }
    }
  }
`);
const STRUCTURE = graphql(`query JointStructure($id: ID!) { fundingAgreement(id: $id) { steeringGroup { name(locale: NL) } viewerCanReadFinancials beneficiaryBankAccount } }`);
const SUBMIT = graphql(`mutation JointSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }`);
const UPDATE = graphql(`mutation JointUpdate($input: UpdateFundingAgreementInput!) { updateFundingAgreement(input: $input) { agreement { steeringGroup { name(locale: NL) } } } }`);

describe("joint management by the steering group", () => {
  it("lists the steering group the source names, publicly", async () => {
    const data = await api.ok(STRUCTURE, { id: fx.agreementId });
    expect(data.fundingAgreement!.steeringGroup.map((o) => o.name)).toEqual(STEERING);
    // Anonymous readers see the structure but not the money, nor the bank account.
    expect(data.fundingAgreement).toMatchObject({ viewerCanReadFinancials: false, beneficiaryBankAccount: null });
  });

  it.each(STEERING)("lets a partner of %s read the settlement, invoices, budget, co-financing, overhead and report", async (name) => {
    const data = await api.ok(FINANCIALS, { id: fx.agreementId }, { as: partnerOf(name) });
    expect(data.fundingAgreement).toMatchObject({ viewerCanReadFinancials: true, beneficiaryBankAccount: "BE10 0910 1156 9604" });
    expect(data.fundingAgreement!.justificationReport.filename).toMatch(/\.csv$/);
  });

  it.each(["Workitects", "Diverscity"])("refuses a partner of %s, which is not in the steering group", async (name) => {
    const result = await api.exec(FINANCIALS, { id: fx.agreementId }, { as: partnerOf(name) });
    expect(errorOf(result).code).toBe("FORBIDDEN");
    expect((await api.ok(STRUCTURE, { id: fx.agreementId }, { as: partnerOf(name) })).fundingAgreement).toMatchObject({
      viewerCanReadFinancials: false,
      beneficiaryBankAccount: null,
    });
  });

  it("does not let a union's partner act for the sector", async () => {
    const result = await api.exec(
      SUBMIT,
      {
        input: {
          agreementId: fx.agreementId,
          actionId: fx.actions[1]!,
          payeeId: fx.orgs.Workitects!,
          reference: "ACV-1",
          amount: { cents: 100_000, currency: "EUR" },
          invoiceDate: "2024-03-01",
          serviceDate: "2024-03-01",
          boardsServedIds: [fx.boards.Gent!],
        },
      },
      { as: partnerOf("ACV") },
    );
    expect(errorOf(result).code).toBe("FORBIDDEN");
  });

  it("ends the access of an organisation that leaves the steering group", async () => {
    const remaining = ["ACOD", "ACV", "VVSG"];
    const updated = await api.ok(UPDATE, { input: { id: fx.agreementId, steeringGroupIds: remaining.map((n) => fx.orgs[n]!) } }, { as: "CONSULTANT" });
    expect(updated.updateFundingAgreement.agreement.steeringGroup.map((o) => o.name)).toEqual(remaining);
    expect(errorOf(await api.exec(FINANCIALS, { id: fx.agreementId }, { as: partnerOf("VSOA") })).code).toBe("FORBIDDEN");
    expect((await api.ok(FINANCIALS, { id: fx.agreementId }, { as: partnerOf("ACOD") })).fundingAgreement!.viewerCanReadFinancials).toBe(true);
  });
});
