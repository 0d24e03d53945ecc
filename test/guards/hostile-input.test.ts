// Hostile input, case by case (issue 7): strings no layer below can hold (NUL, lone surrogates)
// refused before anything runs, wherever they hide (a filter, a name, a cursor, a nested
// argument, a literal); dates and amounts out of range; control, bidirectional and zero-width
// characters per kind of field; text made only of invisible characters counting as blank; and
// the CSV report defusing formulas in every segment a spreadsheet might split off.
//
// The operations are sent as text (execRaw): most of them carry their hostile value as a literal
// in the document, which a typed document from test/graphql/ cannot, and the point is the
// bytes that arrive, not the types a client would have checked.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { csvField } from "../../schema/funding/report.js";
import { localDate } from "../../schema/shared/dates.js";
import { localizedTextInput } from "../../schema/shared/i18n.js";
import { multilineText, optionalMultilineText, optionalText, requiredText } from "../../schema/shared/validation.js";
import { createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;

// Seeded once: the tests that write create objects of their own, and compare counts around what they refuse.
beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadFundingFixture(api, { orgs: ["Workitects"], boards: ["Gent", "Brugge"] });
});
afterAll(() => api.close());

const ADMIN: ExecOptions = { as: "ADMIN" };
const NUL = "\u0000";
const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

/** A cursor as the API encodes them ([sort key, uuid] as base64url JSON), with a chosen key. */
const cursor = (key: string, id = "00000000-0000-4000-8000-000000000000") => Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");

async function refused(query: string, variables: Record<string, unknown> | undefined, options: ExecOptions, field: string) {
  const result = await api.execRaw(query, variables, options);
  expect(result.errors, JSON.stringify(result)).toBeDefined();
  expect(errorOf(result), JSON.stringify(result.errors)).toMatchObject({ code: "BAD_USER_INPUT", field });
  return result;
}

/** Rows of the tables a refused write could have touched, counted in one statement. */
async function tableCounts(): Promise<Record<string, number>> {
  const result = (await api.database.db.execute(
    sql`select (select count(*)::int from boards) as boards, (select count(*)::int from organisations) as organisations,
            (select count(*)::int from invoices) as invoices, (select count(*)::int from co_financing_entries) as entries,
            (select count(*)::int from audit_log) as audit, (select count(*)::int from domain_events) as events`,
  )) as unknown as { rows: Record<string, number>[] };
  return result.rows[0]!;
}

describe("NUL bytes and lone surrogates are refused before execution, naming the argument", () => {
  it.each([
    ["a board search filter (variable)", `query($f: BoardFilter) { boards(filter: $f) { totalCount } }`, { f: { search: `Ge${NUL}nt` } }, {}, "filter.search"],
    ["an organisation search filter (literal)", `{ organisations(filter: { search: "a\\u0000b" }) { totalCount } }`, undefined, {}, "filter.search"],
    ["a board's belfius cluster filter", `query($c: String) { boards(filter: { belfiusCluster: $c }) { totalCount } }`, { c: NUL }, {}, "filter.belfiusCluster"],
    ["a cursor (after)", `query($a: String) { boards(first: 2, after: $a) { totalCount } }`, { a: `x${NUL}` }, {}, "after"],
    ["an audit filter's operation", `query($o: String) { auditLog(filter: { operation: $o }) { totalCount } }`, { o: `createBoard${NUL}` }, ADMIN, "filter.operation"],
    ["an id in a list", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ["x", `y${NUL}`] }, {}, "ids.1"],
    [
      "a board's name",
      `mutation($i: CreateBoardInput!) { createBoard(input: $i) { board { id } } }`,
      { i: { name: `Ieper${NUL}`, kind: "OTHER", province: "WEST_FLANDERS", population: 1 } },
      ADMIN,
      "input.name",
    ],
    [
      "a board's name (literal)",
      `mutation { createBoard(input: { name: "Ieper\\u0000", kind: OTHER, province: WEST_FLANDERS, population: 1 }) { board { id } } }`,
      undefined,
      ADMIN,
      "input.name",
    ],
    [
      "a lone high surrogate in a translatable name",
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }`,
      { i: { name: { nl: `Naam ${LONE_HIGH}` }, kind: "COMPANY" } },
      ADMIN,
      "input.name.nl",
    ],
    [
      "a lone low surrogate in a French translation",
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }`,
      { i: { name: { nl: "Naam", fr: `${LONE_LOW}Nom` }, kind: "COMPANY" } },
      ADMIN,
      "input.name.fr",
    ],
    ["a lone surrogate in a search filter", `query($s: String) { organisations(filter: { search: $s }) { totalCount } }`, { s: LONE_HIGH }, {}, "filter.search"],
  ])("%s", async (_label, query, variables, options, field) => {
    const before = await tableCounts();
    const result = await refused(query, variables, options, field);
    expect(result.statements).toBe(0);
    expect(await tableCounts()).toEqual(before);
  });

  it("names the argument of a nested field (a settlement scenario's currency)", async () => {
    await refused(
      `query($id: ID!, $c: String!) { fundingAgreement(id: $id) { settlement(scenario: { additionalEligibleCosts: { cents: 1, currency: $c } }) { payable { cents } } } }`,
      { id: fx.agreementId, c: `EU${NUL}` },
      { as: "CONSULTANT" },
      "scenario.additionalEligibleCosts.currency",
    );
  });

  it("keeps an emoji (a valid surrogate pair) and other text as it is", async () => {
    const result = await api.execRaw(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { name } } }`,
      { i: { name: { nl: "Leren 🎓 samen" }, kind: "COMPANY" } },
      ADMIN,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ createOrganisation: { organisation: { name: "Leren 🎓 samen" } } });
  });

  // The cursor itself is plain base64url; the NUL is inside what it decodes to, which only
  // schema/shared/relay.ts (decodeCursor) sees. It fails until that refuses such a key, and is
  // then to become a plain `it`.
  it("refuses a cursor whose sort key holds a NUL, as a cursor not from this list", async () => {
    await refused(`query($a: String) { boards(first: 2, after: $a) { totalCount } }`, { a: cursor(`Gent${NUL}`) }, {}, "after");
  });
});

describe("dates are ISO dates from 1900-01-01 to 2199-12-31", () => {
  const RECORD = `mutation($i: RecordCoFinancingInput!) { recordCoFinancing(input: $i) { entry { id } } }`;
  const SUBMIT = `mutation($i: SubmitInvoiceInput!) { submitInvoice(input: $i) { invoice { id } } }`;
  const entry = (date: string) => ({
    agreementId: fx.agreementId,
    boardId: fx.boards.Gent,
    actionId: fx.actions[1],
    kind: "PARTICIPATION_FEE",
    type: "CHARGE",
    amount: { cents: 1000, currency: "EUR" },
    date,
  });
  const invoice = (serviceDate: string) => ({
    agreementId: fx.agreementId,
    actionId: fx.actions[1],
    payeeId: fx.orgs.Workitects,
    reference: "WK-1",
    amount: { cents: 1000, currency: "EUR" },
    invoiceDate: "2024-03-20",
    serviceDate,
    boardsServedIds: [fx.boards.Gent],
  });

  it.each(["0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])("refuses a co-financing entry dated %s", async (date) => {
    const before = await tableCounts();
    const result = await refused(RECORD, { i: entry(date) }, ADMIN, "input.date");
    expect(result.errors![0]!.message).toContain("1900-01-01");
    expect(await tableCounts()).toEqual(before);
  });

  it.each(["0000-01-01", "1899-12-31", "2200-01-01"])("refuses an invoice for a service on %s", async (date) => {
    await refused(SUBMIT, { i: invoice(date) }, ADMIN, "input.serviceDate");
  });

  it("accepts the first and last day of the range as dates", () => {
    expect(localDate.safeParse("1900-01-01").success).toBe(true);
    expect(localDate.safeParse("2199-12-31").success).toBe(true);
    expect(localDate.safeParse("2024-02-29").success).toBe(true);
    expect(localDate.safeParse("2023-02-29").success).toBe(false);
  });

  it("records an entry on an ordinary day", async () => {
    const result = await api.execRaw(RECORD, { i: entry("2024-01-15") }, ADMIN);
    expect(result.errors).toBeUndefined();
  });
});

describe("amounts stay within what sums can hold", () => {
  const SCENARIO = `query($id: ID!, $s: SettlementScenario) { fundingAgreement(id: $id) { settlement(scenario: $s) { hypothetical payable { cents } } } }`;

  it.each([
    ["9,007,199,254,740,000 cents of additional costs", { additionalEligibleCosts: { cents: 9_007_199_254_740_000 } }, "scenario.additionalEligibleCosts.cents"],
    ["additional costs above the maximum single amount", { additionalEligibleCosts: { cents: 1_000_000_001 } }, "scenario.additionalEligibleCosts.cents"],
    ["negative additional costs", { additionalEligibleCosts: { cents: -1 } }, "scenario.additionalEligibleCosts.cents"],
    ["a thousand achieved commitment numbers", { achievedResultCommitmentNumbers: Array.from({ length: 1000 }, (_, i) => i) }, "scenario.achievedResultCommitmentNumbers"],
  ])("refuses a scenario of %s", async (_label, scenario, field) => {
    await refused(SCENARIO, { id: fx.agreementId, s: scenario }, { as: "CONSULTANT" }, field);
  });

  it("answers a scenario at the maximum single amount", async () => {
    const result = await api.execRaw(SCENARIO, { id: fx.agreementId, s: { additionalEligibleCosts: { cents: 1_000_000_000 } } }, { as: "CONSULTANT" });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ fundingAgreement: { settlement: { hypothetical: true } } });
  });

  it("refuses an invoice amount above the maximum single amount", async () => {
    await refused(
      `mutation($i: SubmitInvoiceInput!) { submitInvoice(input: $i) { invoice { id } } }`,
      {
        i: {
          agreementId: fx.agreementId,
          actionId: fx.actions[1],
          payeeId: fx.orgs.Workitects,
          reference: "WK-1",
          amount: { cents: 9_007_199_254_740_991, currency: "EUR" },
          invoiceDate: "2024-03-20",
          serviceDate: "2024-03-15",
          boardsServedIds: [fx.boards.Gent],
        },
      },
      ADMIN,
      "input.amount.cents",
    );
  });
});

describe("control, bidirectional and zero-width characters in names and references", () => {
  const CREATE_BOARD = `mutation($i: CreateBoardInput!) { createBoard(input: $i) { board { name belfiusCluster } } }`;
  const board = (name: string, belfiusCluster?: string) => ({ i: { name, kind: "OTHER", province: "WEST_FLANDERS", population: 1, belfiusCluster } });

  it.each([
    ["a right-to-left override", "Gent\u202Etxt.exe"],
    ["a left-to-right isolate", "\u2066Gent\u2069"],
    ["a line break", "Gent\nBrugge"],
    ["a tab", "Gent\tBrugge"],
    ["a bell", "Gent\u0007"],
    ["an escape sequence", "Gent\u001b[31m"],
    ["DEL", "Gent\u007f"],
    ["a C1 control", "Gent\u0085"],
    ["a line separator", "Gent\u2028Brugge"],
  ])("refuses %s in a board's name", async (_label, name) => {
    const before = await tableCounts();
    const result = await refused(CREATE_BOARD, board(name), ADMIN, "input.name");
    expect(result.errors![0]!.extensions!.reason).toMatch(/must not contain/);
    expect(await tableCounts()).toEqual(before);
  });

  it("strips zero-width characters and direction marks from a name, so look-alikes are one name", async () => {
    const result = await api.execRaw(CREATE_BOARD, board("\uFEFFGe\u200Bn\u200Dt\u200E", "C\u2060 1"), ADMIN);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ createBoard: { board: { name: "Gent", belfiusCluster: "C 1" } } });
  });

  it("counts a name made only of invisible characters as empty", async () => {
    await refused(CREATE_BOARD, board("\u200B\u200D\uFEFF \u3164"), ADMIN, "input.name");
    const result = await api.execRaw(CREATE_BOARD, board("Ieper", "\u200B\u00A0"), ADMIN);
    expect(result.data).toEqual({ createBoard: { board: { name: "Ieper", belfiusCluster: null } } });
  });

  it("refuses a bidirectional override in a translation and counts an invisible Dutch name as empty", async () => {
    const CREATE = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } } }`;
    await refused(CREATE, { i: { name: { nl: "Naam", en: "Name\u202E" }, kind: "COMPANY" } }, ADMIN, "input.name.en");
    await refused(CREATE, { i: { name: { nl: "\u200B\u2060" }, kind: "COMPANY" } }, ADMIN, "input.name.nl");
  });

  it("counts a rejection reason made only of invisible characters as blank", async () => {
    const submitted = await api.execRaw(
      `mutation($i: SubmitInvoiceInput!) { submitInvoice(input: $i) { invoice { id } } }`,
      {
        i: {
          agreementId: fx.agreementId,
          actionId: fx.actions[1],
          payeeId: fx.orgs.Workitects,
          reference: "WK\u200B-7",
          amount: { cents: 1000, currency: "EUR" },
          invoiceDate: "2024-03-20",
          serviceDate: "2024-03-15",
          boardsServedIds: [fx.boards.Gent],
        },
      },
      ADMIN,
    );
    expect(submitted.errors).toBeUndefined();
    const id = (submitted.data as { submitInvoice: { invoice: { id: string } } }).submitInvoice.invoice.id;
    await refused(
      `mutation($i: RejectInvoiceInput!) { rejectInvoice(input: $i) { invoice { status } } }`,
      { i: { id, reason: "\u200B\u200C\u200D\u2060\uFEFF \u3164" } },
      ADMIN,
      "input.reason",
    );
  });
});

describe("evidence made only of invisible characters", () => {
  // Evidence is multi-line text (schema/shared/validation.ts): made only of invisible characters, it is blank.
  it("does not justify a commitment: the evidence of a proposal is required", async () => {
    const commitments = await api.execRaw(`query($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id number } } }`, { id: fx.agreementId });
    const list = (commitments.data as { fundingAgreement: { commitments: { id: string; number: number }[] } }).fundingAgreement.commitments;
    const qualitative = list.find((c) => c.number === 2)!;
    await refused(
      `mutation($i: ProposeJudgementInput!) { proposeJudgement(input: $i) { commitment { id } } }`,
      { i: { commitmentId: qualitative.id, status: "JUSTIFIED", evidence: "\u200B\u200D \u2060\n\uFEFF" } },
      { as: "CONSULTANT" },
      "input.evidence",
    );
  });
});

describe("the shared text rules", () => {
  const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) =>
    schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it("single-line text: refuses controls and bidi overrides, strips zero-width characters, normalises to NFC", () => {
    expect(requiredText(50).parse("  Ge\u200Bnt ")).toBe("Gent");
    expect(requiredText(50).parse("Cafe\u0301")).toBe("Café");
    expect(issues(requiredText(50), "a\tb")).toEqual(["must not contain control characters (U+0009)"]);
    expect(issues(requiredText(50), "a\nb")).toEqual(["must not contain line breaks (U+000A)"]);
    expect(issues(requiredText(50), "a\u202Db")).toEqual(["must not contain bidirectional overrides or isolates (U+202D)"]);
    expect(issues(requiredText(50), "\u200B")).toEqual(["must not be empty"]);
    expect(optionalText(50).parse("\u200B ")).toBeNull();
    expect(optionalText(50).parse(undefined)).toBeUndefined();
    // The length counts what is stored, after stripping.
    expect(requiredText(3).parse("a\u200Bb\u200Bc\u200B")).toBe("abc");
  });

  it("multi-line text: keeps line breaks and tabs, refuses other controls, counts invisible text as blank", () => {
    expect(multilineText(100).parse("Lijn 1\r\nLijn 2\r\tinspringing")).toBe("Lijn 1\nLijn 2\n\tinspringing");
    expect(multilineText(100).parse("👨\u200D👩\u200D👧 samen")).toBe("👨\u200D👩\u200D👧 samen");
    expect(multilineText(100).parse("a\u200Bb")).toBe("ab");
    expect(issues(multilineText(100), "a\u0007b")).toEqual(["must not contain control characters (U+0007)"]);
    expect(issues(multilineText(100), "a\u2067b")).toEqual(["must not contain bidirectional overrides or isolates (U+2067)"]);
    expect(issues(multilineText(100), "\u200D\n\t\u200C\uFE0F")).toEqual(["must not be empty"]);
    expect(optionalMultilineText(100).parse(" \u200D\n")).toBeNull();
  });

  it("translatable text: the same rules per translation, an empty optional translation dropped", () => {
    expect(localizedTextInput.parse({ nl: "Ge\u200Bnt", fr: "\u200B", en: null })).toEqual({ nl: "Gent" });
    expect(localizedTextInput.safeParse({ nl: "a\u202Eb" }).error?.issues[0]).toMatchObject({ path: ["nl"] });
  });
});

describe("the CSV report defuses formulas", () => {
  it("quotes every text cell and prefixes a dangerous start with an apostrophe", () => {
    expect(csvField("plain")).toBe('"plain"');
    expect(csvField("=1+1")).toBe(`"'=1+1"`);
    expect(csvField("+32 9 123")).toBe(`"'+32 9 123"`);
    expect(csvField("-5")).toBe(`"'-5"`);
    expect(csvField("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvField("\tx")).toBe(`"'\tx"`);
    expect(csvField("\rx")).toBe(`"'\rx"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("")).toBe('""');
  });

  it("defuses every segment a spreadsheet might split off at a ; or , (a Belgian locale splits on ;)", () => {
    expect(csvField('Gent;=HYPERLINK("http://x")')).toBe(`"Gent;'=HYPERLINK(""http://x"")"`);
    expect(csvField("a,+b;-c ;@d")).toBe(`"a,'+b;'-c ;'@d"`);
    // The apostrophe opens the segment, before any spaces or quotes a reader might skip.
    expect(csvField("a;  =b")).toBe(`"a;'  =b"`);
    expect(csvField('a;"=b')).toBe(`"a;'""=b"`);
    expect(csvField("a\r\n=b")).toBe(`"a\r\n'=b"`);
    expect(csvField("a;\t=b")).toBe(`"a;'\t'=b"`);
    expect(csvField("Ｘ;＝1")).toBe(`"Ｘ;'＝1"`);
    expect(csvField("line\n=cmd|' /C calc'!A0")).toBe(`"line\n'=cmd|' /C calc'!A0"`);
    expect(csvField("a, b; c")).toBe('"a, b; c"');
  });

  it("leaves numbers and decimal amounts bare and parseable", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(0)).toBe("0");
    expect(csvField({ decimal: "72000.00" })).toBe("72000.00");
    expect(csvField({ decimal: "-0.05" })).toBe("-0.05");
    expect(() => csvField({ decimal: "=1+1" })).toThrow(RangeError);
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("defuses what people wrote in the downloaded report: references, descriptions, evidence", async () => {
    const submitted = await api.execRaw(
      `mutation($i: SubmitInvoiceInput!) { submitInvoice(input: $i) { invoice { id } } }`,
      {
        i: {
          agreementId: fx.agreementId,
          actionId: fx.actions[1],
          payeeId: fx.orgs.Workitects,
          reference: "=1+1",
          description: 'coaching;=HYPERLINK("http://evil","klik"),-2+3',
          amount: { cents: 7_200_000, currency: "EUR" },
          invoiceDate: "2024-03-20",
          serviceDate: "2024-03-15",
          boardsServedIds: [fx.boards.Gent],
        },
      },
      ADMIN,
    );
    expect(submitted.errors).toBeUndefined();
    const report = await api.execRaw(`query($id: ID!) { fundingAgreement(id: $id) { justificationReport { content } } }`, { id: fx.agreementId }, { as: "CONSULTANT" });
    const content = (report.data as { fundingAgreement: { justificationReport: { content: string } } }).fundingAgreement.justificationReport.content;
    // Dutch unless asked: the invoice section is "factuur".
    const invoiceLine = content.split("\r\n").find((l) => l.startsWith('"factuur"'))!;
    expect(invoiceLine).toContain(`"'=1+1"`);
    expect(invoiceLine).toContain(`coaching;'=HYPERLINK(""http://evil"",""klik""),'-2+3`);
    expect(invoiceLine).toContain(",72000.00,");
    // Split the way a spreadsheet in any locale might: no cell of any split starts a formula.
    for (const line of content.split(/\r\n|\n|\r/)) {
      for (const segment of line.split(/[;,\t]/)) {
        expect(segment.replace(/^[\s"]+/, ""), line).not.toMatch(/^[=+\-@]/);
      }
    }
  });
});
