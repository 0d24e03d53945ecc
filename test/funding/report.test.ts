// The justification report an auditor accepts (issue 8), in one language per request (Dutch by
// default): the parties with their identification as the agreement states it, the period and the
// terms; each commitment with its target, its measured value ("no data source yet" apart from 0)
// and its judgement with evidence, who judged and when, and the judgement's history; every
// invoice with reference, invoice and service dates, payee and enterprise number, action, boards,
// amount, status and who approved and paid it when; co-financing per board and action net of
// reversals; overhead within its ceiling; costs per track and action; the FINAL settlement step
// by step. Who may read it, and a statement budget that does not grow with the invoices.
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { invoiceBoards, invoices, invoiceTransitions } from "../../db/schema/funding.js";
import { seedDatabase } from "../../db/seed/index.js";
import { REPORT_COLUMNS } from "../../schema/funding/report.js";
import { needMetric, registerMetricSource } from "../../schema/shared/metrics.js";
import type { Locale } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { emptyAggregateCache, type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
const unregister: (() => void)[] = [];

const CLERK: Actor = { role: "CONSULTANT", sub: "consultant-clerk" };
const APPROVER: Actor = { role: "CONSULTANT", sub: "consultant-approver" };
const PAYER: Actor = { role: "ADMIN", sub: "admin-payer" };
const funder = (): Actor => ({ role: "PARTNER", sub: "funder-inspector", org: rowId(fx.orgs["Vlaamse Regering"]!) });

/**
 * Every metric of the addendum has a source now: a metric a module needs and nobody counts yet is
 * declared here and measures result commitment 5 beside its own measure, with a target of 77.
 */
async function measureByUnsourcedMetric(): Promise<void> {
  needMetric({ key: "test.unsourced", description: "A metric no module counts yet", module: "trainings" });
  await api.database.db.execute(
    sql`insert into commitment_measures (commitment_id, metric, comparator, target_value) select c.id, 'test.unsourced', 'AT_LEAST', 77 from commitments c where c.kind = 'RESULT' and c.number = 5
        and not exists (select 1 from commitment_measures m where m.commitment_id = c.id and m.metric = 'test.unsourced')`,
  );
}

const REPORT = graphql(`query ReportRead($id: ID!, $locale: Locale) { fundingAgreement(id: $id) { justificationReport(locale: $locale) { filename contentType content } } }`);
const SETTLEMENT = graphql(`query ReportSettlement($id: ID!) { fundingAgreement(id: $id) { settlement { payable { cents } steps { step text amount { cents } } } } }`);
const EFFORT = graphql(`query ReportEffort($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id number } } }`);
const JUDGED_AT = graphql(`query ReportJudgedAt($id: ID!) { node(id: $id) { ... on Commitment { target { ... on QualitativeTarget { judgedAt history { at } } } } } }`);
const TERMS = graphql(`mutation ReportTerms($input: SetFundingTermsInput!) { setFundingTerms(input: $input) { agreement { id } } }`);
const ORGANISATION = graphql(`mutation ReportOrganisation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { organisation { enterpriseNumber } } }`);
const SUBMIT = graphql(`mutation ReportSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }`);
const APPROVE = graphql(`mutation ReportApprove($id: ID!) { approveInvoice(id: $id) { invoice { id } } }`);
const PAY = graphql(`mutation ReportPay($id: ID!) { payInvoice(id: $id) { invoice { id } } }`);
const REJECT = graphql(`mutation ReportReject($input: RejectInvoiceInput!) { rejectInvoice(input: $input) { invoice { id } } }`);
const LEDGER = graphql(`mutation ReportLedger($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }`);
const REVERSE_LEDGER = graphql(`mutation ReportLedgerReverse($input: ReverseCoFinancingEntryInput!) { reverseCoFinancingEntry(input: $input) { entry { id } } }`);
const OVERHEAD = graphql(`mutation ReportOverhead($input: RecordOverheadCostInput!) { recordOverheadCost(input: $input) { entry { id } } }`);
const REVERSE_OVERHEAD = graphql(`mutation ReportOverheadReverse($input: ReverseOverheadCostInput!) { reverseOverheadCost(input: $input) { entry { id } } }`);
const PROPOSE = graphql(`mutation ReportPropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id } } }`);
const ACCEPT = graphql(`mutation ReportAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id } } }`);
const REFUSE = graphql(`mutation ReportRefuse($input: RefuseJudgementInput!) { refuseJudgement(input: $input) { commitment { id } } }`);

type Column = (typeof REPORT_COLUMNS)[number];
type Line = Record<Column, string>;

/** RFC 4180, as a spreadsheet reads the file: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && content[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  expect(cell, "the file ends with a line break").toBe("");
  expect(row, "the file ends with a line break").toEqual([]);
  return rows;
}

/** The report's header and its lines keyed by column, every line as wide as the header. */
function read(content: string): { header: string[]; lines: Line[] } {
  const [header, ...rows] = parseCsv(content);
  expect(header).toHaveLength(REPORT_COLUMNS.length);
  for (const row of rows) expect(row, row.join(",")).toHaveLength(REPORT_COLUMNS.length);
  return { header: header!, lines: rows.map((row) => Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, row[i]!])) as Line) };
}

async function report(as: Actor | Actor["role"] = "CONSULTANT", locale?: Locale) {
  const file = (await api.ok(REPORT, { id: fx.agreementId, locale }, { as })).fundingAgreement!.justificationReport;
  return { ...file, ...read(file.content) };
}

const section = (lines: Line[], name: string) => lines.filter((l) => l.section === name);

let effort: Record<number, string>;
let workitectsNumber: string;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: ["Vlaamse Regering", "VVSG", "ACV", "Randstad", "Workitects", "Excello"], boards: ["Gent", "Brugge"] });
  effort = Object.fromEntries((await api.ok(EFFORT, { id: fx.agreementId })).fundingAgreement!.commitments.map((c) => [c.number, c.id]));

  // The funder's side sets its terms; the payee has an enterprise number.
  await api.ok(TERMS, { input: { agreementId: fx.agreementId, overheadCeiling: { cents: 150_000 }, reportingWindowDays: 90 } }, { as: funder() });
  workitectsNumber = (await api.ok(ORGANISATION, { input: { id: fx.orgs.Workitects!, enterpriseNumber: "0412.345.614" } }, { as: "ADMIN" })).updateOrganisation.organisation
    .enterpriseNumber!;

  // Invoices: paid (three people), approved only, rejected, submitted only.
  const submit = async (reference: string, action: number, payee: string, cents: number, boards: string[]) =>
    (
      await api.ok(
        SUBMIT,
        {
          input: {
            agreementId: fx.agreementId,
            actionId: fx.actions[action]!,
            payeeId: fx.orgs[payee]!,
            reference,
            description: `Begeleiding ${reference}`,
            amount: { cents, currency: "EUR" },
            invoiceDate: "2024-03-20",
            serviceDate: "2024-03-15",
            boardsServedIds: boards.map((b) => fx.boards[b]!),
          },
        },
        { as: CLERK },
      )
    ).submitInvoice.invoice.id;
  const paid = await submit("WK-1", 1, "Workitects", 1_234_567, ["Gent", "Brugge"]);
  await api.ok(APPROVE, { id: paid }, { as: APPROVER });
  await api.ok(PAY, { id: paid }, { as: PAYER });
  await api.ok(APPROVE, { id: await submit("WK-2", 1, "Workitects", 500_000, ["Gent"]) }, { as: APPROVER });
  await api.ok(REJECT, { input: { id: await submit("WK-3", 3, "Workitects", 100_000, ["Brugge"]), reason: "Dubbel ingediend" } }, { as: APPROVER });
  await submit("EX-1", 2, "Excello", 300_000, ["Gent"]);

  // Co-financing: Gent owes 1,000 and paid 600 (a payment of 400 reversed); Brugge's charge reversed.
  const ledger = async (board: string, action: number, type: "CHARGE" | "PAYMENT", cents: number, date: string, chargeId?: string) =>
    (
      await api.ok(
        LEDGER,
        { input: { agreementId: fx.agreementId, boardId: fx.boards[board]!, actionId: fx.actions[action]!, kind: "PARTICIPATION_FEE", type, amount: { cents }, date, chargeId } },
        { as: CLERK },
      )
    ).recordCoFinancing.entry.id;
  const charge = await ledger("Gent", 1, "CHARGE", 100_000, "2024-04-01");
  await ledger("Gent", 1, "PAYMENT", 60_000, "2024-05-01", charge);
  const wrong = await ledger("Gent", 1, "PAYMENT", 40_000, "2024-05-02", charge);
  await api.ok(REVERSE_LEDGER, { input: { id: wrong, reason: "Dubbel geboekt" } }, { as: CLERK });
  await api.ok(REVERSE_LEDGER, { input: { id: await ledger("Brugge", 3, "CHARGE", 50_000, "2024-04-01"), reason: "Geen deelname" } }, { as: CLERK });

  // Overhead: 1,800 recorded (a third entry reversed), of which the ceiling lets 1,500 count.
  const overhead = async (cents: number, date: string, action: number | null) =>
    (
      await api.ok(
        OVERHEAD,
        { input: { agreementId: fx.agreementId, actionId: action === null ? null : fx.actions[action]!, description: `Verplaatsingen ${date}`, amount: { cents }, date } },
        { as: CLERK },
      )
    ).recordOverheadCost.entry.id;
  await overhead(100_000, "2024-02-01", 1);
  await overhead(80_000, "2024-06-01", null);
  await api.ok(REVERSE_OVERHEAD, { input: { id: await overhead(30_000, "2024-07-01", null), reason: "Privé" } }, { as: CLERK });

  // Judgements: accepted (4), refused (2), pending (5).
  await api.ok(PROPOSE, { input: { commitmentId: effort[4]!, status: "JUSTIFIED", evidence: "Kennisplatform online sinds februari 2024." } }, { as: CLERK });
  await api.ok(ACCEPT, { input: { commitmentId: effort[4]!, comment: "Gezien." } }, { as: funder() });
  await api.ok(PROPOSE, { input: { commitmentId: effort[2]!, status: "NOT_JUSTIFIED", evidence: "Slechts drie trajecten." } }, { as: APPROVER });
  await api.ok(REFUSE, { input: { commitmentId: effort[2]!, reason: "Er zijn vijf trajecten." } }, { as: funder() });
  await api.ok(PROPOSE, { input: { commitmentId: effort[5]!, status: "JUSTIFIED", evidence: "Open aanbod 2024." } }, { as: CLERK });
  return () => api.close();
});
afterEach(() => {
  for (const undo of unregister.splice(0)) undo();
});

describe("the report's contents", () => {
  it("names the parties with their identification, the period and the terms", async () => {
    const { filename, contentType, header, lines } = await report();
    expect(filename).toBe("justification-2023-07-01-2025-06-30.csv");
    expect(contentType).toBe("text/csv; charset=utf-8");
    expect(header.slice(0, 5)).toEqual(["sectie", "referentie", "omschrijving", "organisatie", "ondernemingsnummer"]);
    const parties = section(lines, "partij").map((l) => [l.reference, l.organisation, l.enterprise_number, l.detail]);
    expect(parties).toEqual([
      ["subsidiegever", "Vlaamse Regering", "", ""],
      ["begunstigde", "VVSG", "0451.857.573", "rekeningnummer BE10 0910 1156 9604"],
      ["stuurgroep", "ACOD", "", ""],
      ["stuurgroep", "ACV", "", ""],
      ["stuurgroep", "VSOA", "", ""],
      ["stuurgroep", "VVSG", "0451.857.573", ""],
    ]);
    const terms = Object.fromEntries(section(lines, "overeenkomst").map((l) => [l.reference, [l.description, l.amount_eur, l.status, l.value]]));
    expect(terms).toEqual({
      titel: ["Addendum 'investeren in talent' 2023-2025 bij het sectorconvenant lokale besturen", "", "", ""],
      status: ["", "", "lopend", ""],
      looptijd: ["van 2023-07-01 tot en met 2025-06-30", "", "", ""],
      "maximale subsidie": ["€ 400.000,00", "400000.00", "", ""],
      inspanningsfinanciering: ["70%", "280000.00", "", ""],
      resultaatsfinanciering: ["30%", "120000.00", "", ""],
      "plafond overheadkosten": ["€ 1.500,00", "1500.00", "", ""],
      "rapporteringstermijn cofinanciering": ["90 dagen na de looptijd", "", "", "90"],
    });
  });

  it("gives each commitment its target and measured value, 'no data source yet' apart from 0, and its judgement with evidence, judge, date and history", async () => {
    // One module counts its records (none yet): a real 0, not a missing source.
    unregister.push(registerMetricSource("worktables.meetingsHeld", async () => 0));
    await measureByUnsourcedMetric();
    const { lines } = await report();
    const commitments = section(lines, "verbintenis");
    const result3 = commitments.find((l) => l.reference === "resultaatsverbintenis 3")!;
    // The trainings module counts the employees reached (none attended yet): a real 0 too.
    expect(result3).toMatchObject({ value: "0", target: ">= 1500", status: "niet behaald", detail: "meting training.distinctEmployeesReached" });
    expect(result3.description).toContain("1500 medewerkers");
    // No professions listed on LokaalWerkt yet: a real 0; and the metric nobody counts says so.
    const result5 = commitments.filter((l) => l.reference === "resultaatsverbintenis 5");
    expect(result5.find((l) => l.detail === "meting lokaalwerkt.professionsListed")).toMatchObject({ value: "0", target: ">= 25", status: "niet behaald" });
    expect(result5.find((l) => l.detail === "meting test.unsourced")).toMatchObject({ value: "nog geen gegevensbron", target: ">= 77", status: "niet behaald" });
    const result4 = commitments.find((l) => l.reference === "resultaatsverbintenis 4")!;
    expect(result4).toMatchObject({ value: "0", target: ">= 30", status: "niet behaald" });
    // Effort commitment 1 has two measures: a line each, with its action.
    expect(commitments.filter((l) => l.reference === "inspanningsverbintenis 1").map((l) => [l.action, l.target])).toEqual([
      ["1", ">= 12"],
      ["1", ">= 3"],
    ]);

    const judgedAt = await api.ok(JUDGED_AT, { id: effort[4]! }, { as: "CONSULTANT" });
    const target = (judgedAt.node as { target: { judgedAt: unknown; history: { at: unknown }[] } }).target;
    const iso = (at: unknown) => new Date(at as string).toISOString();
    expect(commitments.find((l) => l.reference === "inspanningsverbintenis 4")).toMatchObject({
      action: "4",
      status: "verantwoord",
      evidence: "Kennisplatform online sinds februari 2024.",
      date: iso(target.judgedAt),
      by: "funder-inspector (PARTNER)",
      detail: "",
    });
    expect(commitments.find((l) => l.reference === "inspanningsverbintenis 2")).toMatchObject({
      status: "open",
      evidence: "",
      by: "",
      detail: "nog niet beoordeeld door de subsidiegever",
    });
    expect(commitments.find((l) => l.reference === "inspanningsverbintenis 5")!.detail).toBe(
      "nog niet beoordeeld door de subsidiegever; voorstel wacht op de subsidiegever: verantwoord",
    );

    const history = section(lines, "beoordeling").map((l) => [l.reference, l.description, l.status, l.evidence, l.by, l.detail]);
    expect(history).toEqual([
      ["inspanningsverbintenis 2", "voorgesteld", "niet verantwoord", "Slechts drie trajecten.", "consultant-approver (CONSULTANT)", ""],
      ["inspanningsverbintenis 2", "geweigerd", "niet verantwoord", "Slechts drie trajecten.", "funder-inspector (PARTNER)", "Er zijn vijf trajecten."],
      ["inspanningsverbintenis 4", "voorgesteld", "verantwoord", "Kennisplatform online sinds februari 2024.", "consultant-clerk (CONSULTANT)", ""],
      ["inspanningsverbintenis 4", "aanvaard", "verantwoord", "Kennisplatform online sinds februari 2024.", "funder-inspector (PARTNER)", "Gezien."],
      ["inspanningsverbintenis 5", "voorgesteld", "verantwoord", "Open aanbod 2024.", "consultant-clerk (CONSULTANT)", ""],
    ]);
    expect(section(lines, "beoordeling").find((l) => l.description === "aanvaard")!.date).toBe(iso(target.history[1]!.at));
  });

  it("lists every invoice with its dates, payee and enterprise number, action, boards, amount, status, and who approved and paid it when", async () => {
    const { lines } = await report();
    const invoices = section(lines, "factuur");
    expect(invoices.map((l) => l.reference).sort()).toEqual(["EX-1", "WK-1", "WK-2", "WK-3"]);
    const paid = invoices.find((l) => l.reference === "WK-1")!;
    expect(paid).toMatchObject({
      description: "Begeleiding WK-1",
      organisation: "Workitects",
      enterprise_number: workitectsNumber,
      action: "1",
      boards: "Brugge; Gent",
      date: "2024-03-20",
      service_date: "2024-03-15",
      amount_eur: "12345.67",
      status: "betaald",
      by: "consultant-clerk (CONSULTANT)",
      approved_by: "consultant-approver (CONSULTANT)",
      paid_by: "admin-payer (ADMIN)",
      detail: "",
    });
    expect(Date.parse(paid.approved_at)).toBeLessThanOrEqual(Date.parse(paid.paid_at));
    expect(paid.paid_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(invoices.find((l) => l.reference === "WK-2")).toMatchObject({ status: "goedgekeurd", approved_by: "consultant-approver (CONSULTANT)", paid_at: "", paid_by: "" });
    const rejected = invoices.find((l) => l.reference === "WK-3")!;
    expect(rejected).toMatchObject({ status: "afgewezen", evidence: "Dubbel ingediend", approved_by: "", action: "3", boards: "Brugge" });
    expect(rejected.detail).toMatch(/^afgewezen op \d{4}-\d{2}-\d{2}T.* door consultant-approver \(CONSULTANT\)$/);
    expect(invoices.find((l) => l.reference === "EX-1")).toMatchObject({ organisation: "Excello", enterprise_number: "", status: "ingediend", approved_at: "", action: "2" });
  });

  it("gives co-financing per board and per action net of reversals, overhead within its ceiling, and costs per track and action", async () => {
    const { lines } = await report();
    const figures = (name: string) => section(lines, name).map((l) => [l.reference, l.description, l.amount_eur]);
    expect(figures("cofinanciering per bestuur")).toEqual([
      ["Brugge", "aangerekend", "0.00"],
      ["Brugge", "betaald", "0.00"],
      ["Brugge", "openstaand", "0.00"],
      ["Gent", "aangerekend", "1000.00"],
      ["Gent", "betaald", "600.00"],
      ["Gent", "openstaand", "400.00"],
    ]);
    expect(figures("cofinanciering per actie")).toEqual([
      ["actie 1", "aangerekend", "1000.00"],
      ["actie 1", "betaald", "600.00"],
      ["actie 1", "openstaand", "400.00"],
      ["actie 3", "aangerekend", "0.00"],
      ["actie 3", "betaald", "0.00"],
      ["actie 3", "openstaand", "0.00"],
    ]);
    expect(section(lines, "overheadkosten").map((l) => [l.reference, l.amount_eur, l.date, l.action])).toEqual([
      ["overheadkost", "1000.00", "2024-02-01", "1"],
      ["overheadkost", "800.00", "2024-06-01", ""],
      ["overheadkost", "300.00", "2024-07-01", ""],
      ["correctie (tegenboeking)", "-300.00", "2024-07-01", ""],
      ["totaal", "1800.00", "", ""],
      ["totaal", "1500.00", "", ""],
      ["totaal", "1500.00", "", ""],
    ]);
    expect(
      section(lines, "overheadkosten")
        .slice(-3)
        .map((l) => l.description),
    ).toEqual(["geboekt binnen de looptijd", "plafond", "telt mee binnen het plafond"]);
    const costs = new Map(section(lines, "kosten per spoor en actie").map((l) => [`${l.reference}/${l.description}`, l.amount_eur]));
    expect(
      Object.fromEntries(
        ["actie 1", "actie 2", "spoor 1", "spoor 2", "totaal"].flatMap((r) => ["goedgekeurd", "betaald", "gecofinancierd"].map((d) => [`${r}/${d}`, costs.get(`${r}/${d}`)])),
      ),
    ).toEqual({
      "actie 1/goedgekeurd": "17345.67",
      "actie 1/betaald": "12345.67",
      "actie 1/gecofinancierd": "600.00",
      "actie 2/goedgekeurd": "0.00",
      "actie 2/betaald": "0.00",
      "actie 2/gecofinancierd": "0.00",
      "spoor 1/goedgekeurd": "17345.67",
      "spoor 1/betaald": "12345.67",
      "spoor 1/gecofinancierd": "600.00",
      "spoor 2/goedgekeurd": "0.00",
      "spoor 2/betaald": "0.00",
      "spoor 2/gecofinancierd": "0.00",
      "totaal/goedgekeurd": "17345.67",
      "totaal/betaald": "12345.67",
      "totaal/gecofinancierd": "600.00",
    });
  });

  it("ends with the FINAL settlement, every step as the API explains it", async () => {
    const { lines } = await report();
    const settlement = (await api.ok(SETTLEMENT, { id: fx.agreementId }, { as: "CONSULTANT", acceptLanguage: "nl" })).fundingAgreement!.settlement;
    const steps = section(lines, "afrekening");
    expect(steps.map((l) => [l.reference, l.description, l.amount_eur])).toEqual(
      settlement.steps.map((s) => [s.step, s.text, s.amount === null ? "" : (s.amount.cents / 100).toFixed(2)]),
    );
    expect(steps.map((l) => l.reference)).toEqual([
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
    ]);
    // Paid 12,345.67 + overhead counted 1,500.00 - income 600.00.
    expect(steps.find((l) => l.reference === "PAYABLE")!.amount_eur).toBe("13245.67");
    expect(settlement.payable.cents).toBe(1_324_567);
    // Sections in a fixed order.
    expect([...new Set(lines.map((l) => l.section))]).toEqual([
      "overeenkomst",
      "partij",
      "verbintenis",
      "beoordeling",
      "factuur",
      "cofinanciering per bestuur",
      "cofinanciering per actie",
      "overheadkosten",
      "kosten per spoor en actie",
      "afrekening",
    ]);
  });
});

describe("one language per request", () => {
  it("is Dutch by default, and French or English when asked: header, sections, labels, statuses and settlement", async () => {
    await measureByUnsourcedMetric();
    const nl = await report();
    const fr = await report("CONSULTANT", "FR");
    const en = await report("CONSULTANT", "EN");
    expect(nl.content.split("\r\n")[0]).toBe(
      "sectie,referentie,omschrijving,organisatie,ondernemingsnummer,actie,besturen,datum,datum_dienst,bedrag_eur,gemeten_waarde,doel,status,bewijs,door,goedgekeurd_op,goedgekeurd_door,betaald_op,betaald_door,toelichting",
    );
    expect(fr.content.split("\r\n")[0]).toBe(
      "section,reference,description,organisation,numero_entreprise,action,pouvoirs_locaux,date,date_prestation,montant_eur,valeur_mesuree,objectif,statut,preuve,par,approuve_le,approuve_par,paye_le,paye_par,precisions",
    );
    expect(en.content.split("\r\n")[0]).toBe(
      "section,reference,description,organisation,enterprise_number,action,boards,date,service_date,amount_eur,measured_value,target,status,evidence,by,approved_at,approved_by,paid_at,paid_by,detail",
    );
    const paid = (r: typeof nl) => r.lines.find((l) => l.reference === "WK-1")!;
    expect([nl, fr, en].map((r) => [paid(r).section, paid(r).status])).toEqual([
      ["factuur", "betaald"],
      ["facture", "payée"],
      ["invoice", "paid"],
    ]);
    const noSource = (r: typeof nl) => r.lines.find((l) => l.value !== "" && Number.isNaN(Number(l.value)) && l.target === ">= 77")!.value;
    expect([noSource(nl), noSource(fr), noSource(en)]).toEqual(["nog geen gegevensbron", "pas encore de source de données", "no data source yet"]);
    // The same rows, whatever the language (the steering group by its names in that language, so perhaps in another order).
    const figures = (r: typeof nl) => r.lines.map((l) => [l.amount_eur, l.date, l.enterprise_number, l.target].join("|")).sort();
    expect(figures(fr)).toEqual(figures(nl));
    expect(figures(en)).toEqual(figures(nl));
    expect(en.lines).toHaveLength(nl.lines.length);
    // The settlement's explanation in the report's language.
    for (const [r, language] of [
      [fr, "fr"],
      [en, "en"],
    ] as const) {
      const steps = (await api.ok(SETTLEMENT, { id: fx.agreementId }, { as: "CONSULTANT", acceptLanguage: language })).fundingAgreement!.settlement.steps;
      const payable = r.lines.find((l) => l.reference === "PAYABLE")!;
      expect(payable.description).toBe(steps.find((s) => s.step === "PAYABLE")!.text);
    }
    expect(en.lines.find((l) => l.reference === "PAYABLE")!.description).not.toBe(nl.lines.find((l) => l.reference === "PAYABLE")!.description);
    expect(en.lines.find((l) => l.section === "party" && l.reference === "beneficiary")!.detail).toBe("bank account BE10 0910 1156 9604");
    expect(fr.lines.find((l) => l.section === "partie" && l.reference === "bénéficiaire")!.enterprise_number).toBe("0451.857.573");
  });
});

describe("who reads the report", () => {
  it("is for consultants, admins and the partners of the funder, the beneficiary and the steering group", async () => {
    const partner = (org: string, sub: string): Actor => ({ role: "PARTNER", sub, org: rowId(fx.orgs[org]!) });
    for (const as of ["CONSULTANT", "ADMIN", funder(), partner("VVSG", "vvsg-partner"), partner("ACV", "acv-delegate")] as const) {
      const result = await api.exec(REPORT, { id: fx.agreementId }, { as });
      expect(result.errors, JSON.stringify(as)).toBeUndefined();
      // Every reader of the report reads the financials, so it names the people behind each step.
      expect(result.data!.fundingAgreement!.justificationReport.content).toContain("admin-payer (ADMIN)");
    }
    for (const as of [
      { role: "BOARD_MEMBER" as const, sub: "member-gent", board: rowId(fx.boards.Gent!) },
      partner("Randstad", "randstad-partner"),
      { role: "EXPERT" as const, sub: "expert-1", org: rowId(fx.orgs["Vlaamse Regering"]!) },
    ]) {
      expect(errorOf(await api.exec(REPORT, { id: fx.agreementId }, { as })).code, JSON.stringify(as)).toBe("FORBIDDEN");
    }
    expect(errorOf(await api.exec(REPORT, { id: fx.agreementId })).code).toBe("UNAUTHENTICATED");
  });
});

describe("the cost of the report", () => {
  it("is the same number of statements for 3 invoices as for 30", async () => {
    await api.reseed();
    fx = await loadFundingFixture(api, { orgs: ["Workitects", "Excello", "ACV"], boards: ["Gent", "Brugge"] });
    const steeringPartner: Actor = { role: "PARTNER", sub: "acv-delegate", org: rowId(fx.orgs.ACV!) };
    const db = api.database.db;
    let n = 0;
    /** Inserts invoices the way the API leaves them: each with two boards and its transitions, by people. */
    const insert = async (count: number) => {
      for (let i = 0; i < count; i++, n++) {
        const status = (["SUBMITTED", "APPROVED", "PAID", "REJECTED"] as const)[n % 4]!;
        const [invoice] = await db
          .insert(invoices)
          .values({
            agreementId: rowId(fx.agreementId),
            actionId: rowId(fx.actions[(n % 9) + 1]!),
            payeeId: rowId(fx.orgs[n % 2 ? "Workitects" : "Excello"]!),
            reference: `BULK-${n}`,
            amountCents: 10_000 + n,
            invoiceDate: "2024-05-02",
            serviceDate: "2024-05-01",
            status,
            rejectionReason: status === "REJECTED" ? "Niet subsidiabel" : null,
          })
          .returning();
        await db.insert(invoiceBoards).values([fx.boards.Gent!, fx.boards.Brugge!].map((b) => ({ invoiceId: invoice!.id, boardId: rowId(b) })));
        const steps: { from: typeof status | null; to: typeof status; actor: string }[] = [{ from: null, to: "SUBMITTED", actor: `clerk-${n}` }];
        if (status === "APPROVED" || status === "PAID") steps.push({ from: "SUBMITTED", to: "APPROVED", actor: `approver-${n}` });
        if (status === "PAID") steps.push({ from: "APPROVED", to: "PAID", actor: `payer-${n}` });
        if (status === "REJECTED") steps.push({ from: "SUBMITTED", to: "REJECTED", actor: `approver-${n}` });
        await db.insert(invoiceTransitions).values(
          steps.map((s) => ({
            invoiceId: invoice!.id,
            fromStatus: s.from,
            toStatus: s.to,
            actorId: s.actor,
            actorRole: "CONSULTANT",
            reason: s.to === "REJECTED" ? "Niet subsidiabel" : null,
          })),
        );
      }
    };
    const cost = async () => {
      await emptyAggregateCache(api);
      const result = await api.exec(REPORT, { id: fx.agreementId }, { as: steeringPartner });
      expect(result.errors).toBeUndefined();
      const { lines } = read(result.data!.fundingAgreement!.justificationReport.content);
      return { statements: result.statements, invoices: section(lines, "factuur").length };
    };
    await insert(3);
    const three = await cost();
    await insert(27);
    const thirty = await cost();
    expect([three.invoices, thirty.invoices]).toEqual([3, 30]);
    expect(thirty.statements).toBe(three.statements);
    // And a fixed, small number: not one per invoice, board or step.
    expect(three.statements).toBeLessThan(40);
  });
});
