// The funding agreement as the sector, the funder and consultants see it: the seeded addendum
// in one query, progress measured from records through registered metrics (never typed in),
// the settlement and its scenarios, judgements of qualitative commitments (the sector proposes,
// the funder's side accepts; judgements.test.ts has the rest), who reads what, and the CSV
// safety of the justification report (report.test.ts has its contents).
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedAddendum } from "../../db/seed/funding.js";
import { csvField } from "../../schema/funding/report.js";
import { needMetric, registerMetricSource, withinPeriod } from "../../schema/shared/metrics.js";
import type { SettlementScenario } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { emptyAggregateCache, rowId } from "../helpers/funding.js";

let api: TestApi;
let agreementId: string;
let funderOrg: string;
let beneficiaryOrg: string;
let otherOrg: string;
let gentBoard: string;
const unregister: (() => void)[] = [];

beforeAll(async () => {
  api = await createTestApi();
  // A module's own records, as the trainings module will have them: here, worktable meetings.
  await api.database.db.execute(sql`create table test_worktable_meetings (id serial primary key, held_at timestamptz not null)`);
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.reseed();
  const data = await api.ok(
    graphql(`query AgreementFixture {
    fundingAgreements { edges { node { id } } }
    funder: organisations(filter: { search: "Vlaamse Regering" }) { edges { node { id } } }
    beneficiary: organisations(filter: { search: "VVSG" }) { edges { node { id } } }
    other: organisations(filter: { search: "Randstad" }) { edges { node { id } } }
    gent: boards(filter: { search: "Gent", kind: MUNICIPALITY }) { edges { node { id } } }
  }`),
  );
  agreementId = data.fundingAgreements.edges[0]!.node.id;
  funderOrg = rowId(data.funder.edges[0]!.node.id);
  beneficiaryOrg = rowId(data.beneficiary.edges[0]!.node.id);
  otherOrg = rowId(data.other.edges[0]!.node.id);
  gentBoard = rowId(data.gent.edges[0]!.node.id);
});
afterEach(() => {
  for (const undo of unregister.splice(0)) undo();
});

// The agreement with everything a reader sees but the settlement, and the settlement: one
// agreement asks for its settlement with a scenario, the list of agreements without.
graphql(`
  fragment AgreementStructure on FundingAgreement {
    id title periodStart periodEnd effortShareBp resultShareBp
    maxAmount { cents currency }
    funder { name } beneficiary { name }
    tracks {
      number title
      actions {
        number title isNew intersectoral localCooperation otherPartners
        partners { name }
        effortCommitments { number met target { __typename ... on QualitativeTarget { status } ... on MeasuredTarget { met measures { metric { key module hasSource } comparator targetValue currentValue met } } } }
      }
    }
    commitments(kind: RESULT) { number description met target { ... on MeasuredTarget { measures { metric { key } targetValue currentValue } } } }
  }
`);
graphql(`
  fragment AgreementSettlement on Settlement {
    hypothetical
    effortPart { cents currency } resultShare { cents } resultPart { cents } eligibleCosts { cents } entitlement { cents } payable { cents }
    achievedResultCommitments totalResultCommitments cappedBy
    unjustifiedEffortCommitments { number }
    explanation
    steps { step amount { cents } text }
  }
`);
const AGREEMENT = graphql(`
  query AgreementRead($id: ID!, $scenario: SettlementScenario) {
    fundingAgreement(id: $id) { ...AgreementStructure settlement(scenario: $scenario) { ...AgreementSettlement } }
  }
`);
const EFFORT_COMMITMENTS = graphql(`query AgreementEffortCommitments($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id number } } }`);
const REPORT = graphql(`query AgreementReport($id: ID!) { fundingAgreement(id: $id) { justificationReport { filename contentType content } } }`);

/** A measured target's fields; fails the test when the target is qualitative. */
function measured<T extends object>(target: T): Extract<T, { measures: unknown }> {
  if (!("measures" in target)) throw new Error(`expected a measured target: ${JSON.stringify(target)}`);
  return target as Extract<T, { measures: unknown }>;
}

const consultant: ExecOptions = { as: "CONSULTANT" };

async function agreement(options: ExecOptions = consultant, scenario?: SettlementScenario) {
  return (await api.ok(AGREEMENT, { id: agreementId, scenario }, options)).fundingAgreement!;
}

/**
 * Spends `cents` in the period through the API: one consultant submits the invoice, another
 * approves it and, unless `pay` is false, an admin records its payment (the final settlement
 * counts only paid costs).
 */
async function spend(cents: number, { pay = true } = {}) {
  const ids = await api.ok(
    graphql(
      `query AgreementInvoiceIds($id: ID!) { organisations(filter: { search: "Workitects" }) { edges { node { id } } } fundingAgreement(id: $id) { tracks { actions { id number } } } }`,
    ),
    { id: agreementId },
  );
  const action = ids.fundingAgreement!.tracks[0]!.actions[0]!.id;
  const submitted = await api.ok(
    graphql(`mutation AgreementSubmitInvoice($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }`),
    {
      input: {
        agreementId,
        actionId: action,
        payeeId: ids.organisations.edges[0]!.node.id,
        reference: `F-${cents}-${Math.random()}`,
        amount: { cents, currency: "EUR" },
        invoiceDate: "2024-03-20",
        serviceDate: "2024-03-15",
        boardsServedIds: [Buffer.from(`Board:${gentBoard}`).toString("base64url")],
      },
    },
    // Two people per payment: another consultant submits what this one approves, and an admin pays.
    { as: { role: "CONSULTANT", sub: "consultant-clerk" } },
  );
  const invoice = { id: submitted.submitInvoice.invoice.id };
  await api.ok(graphql(`mutation AgreementApproveInvoice($id: ID!) { approveInvoice(id: $id) { invoice { status } } }`), invoice, consultant);
  if (pay) await api.ok(graphql(`mutation AgreementPayInvoice($id: ID!) { payInvoice(id: $id) { invoice { status } } }`), invoice, { as: "ADMIN" });
}

/** Registers a metric source the way a module does, for this test only. */
function source(key: string, count: (period: { start: string; end: string }) => Promise<number> | number) {
  unregister.push(registerMetricSource(key, async (_db, period) => count(period)));
}

describe("the seeded addendum", () => {
  it("answers one query with its parties, period, shares, tracks, actions and commitments as the source states them", async () => {
    const a = await agreement({ ...consultant, acceptLanguage: "nl" });
    expect(a).toMatchObject({
      periodStart: "2023-07-01",
      periodEnd: "2025-06-30",
      effortShareBp: 7000,
      resultShareBp: 3000,
      maxAmount: { cents: 40_000_000, currency: "EUR" },
      funder: { name: "Vlaamse Regering" },
      beneficiary: { name: "VVSG" },
    });
    expect(a.tracks.map((t) => [t.number, t.title])).toEqual([
      [1, "Projectenfonds"],
      [2, "Nieuwe vormen van leren en opleiden"],
      [3, "Opleidingsaanbod"],
      [4, "Thematische overlegtafels"],
      [5, "Communicatie"],
    ]);
    const actions = a.tracks.flatMap((t) => t.actions.map((x) => ({ track: t.number, ...x })));
    // Flags as ticked in the source: [number, track, new, intersectoral, local cooperation].
    expect(actions.map((x) => [x.number, x.track, x.isNew, x.intersectoral, x.localCooperation])).toEqual([
      [1, 1, false, false, true],
      [2, 1, false, false, true],
      [3, 1, true, false, true],
      [4, 2, true, true, true],
      [5, 3, false, false, true],
      [6, 3, false, false, true],
      [7, 3, true, false, true],
      [8, 4, false, false, false],
      [9, 5, true, false, true],
    ]);
    // The titles quote the source, word for word (action 3 writes "GoodHabit.").
    const titles = Object.fromEntries(actions.map((x) => [x.number, x.title]));
    expect(titles[3]).toBe("De sector start een pilootproject op rond e-learning samen met GoodHabit.");
    expect(titles[7]).toBe("De sector voorziet een specifiek ondersteuningsaanbod met opleidingen die de digitale vaardigheden van medewerkers bij lokale besturen aanscherpen.");
    expect(titles[9]).toBe(
      "De sector werkt een communicatieplan uit met als doel een beter bereik van medewerkers uit lokale besturen en een betere toeleiding naar lokale besturen.",
    );
    const partners = Object.fromEntries(actions.map((x) => [x.number, x.partners.map((p) => p.name).sort()]));
    expect(partners).toMatchObject({ 1: ["Workitects"], 2: ["Excello"], 3: ["GoodHabitz"], 7: ["Ligo", "Mediawijs", "VDAB"], 8: ["M&L Management"] });
    expect(actions.find((x) => x.number === 8)!.otherPartners).toBe("diverse gastbesturen");
    // One effort commitment per action; the ones with numbers in the source are measured (9's
    // +20% readers and visitors too, from the figures a consultant enters from web analytics).
    expect(actions.map((x) => x.effortCommitments.map((c) => [c.number, c.target.__typename])[0])).toEqual([
      [1, "MeasuredTarget"],
      [2, "QualitativeTarget"],
      [3, "MeasuredTarget"],
      [4, "QualitativeTarget"],
      [5, "QualitativeTarget"],
      [6, "QualitativeTarget"],
      [7, "QualitativeTarget"],
      [8, "MeasuredTarget"],
      [9, "MeasuredTarget"],
    ]);
    const first = measured(actions[0]!.effortCommitments[0]!.target).measures;
    expect(first.map((m) => [m.metric.key, m.comparator, m.targetValue])).toEqual([
      ["iao.boardsReached", "AT_LEAST", 12],
      ["iao.departments", "AT_LEAST", 3],
    ]);
    const ninth = measured(actions[8]!.effortCommitments[0]!.target).measures;
    expect(ninth.map((m) => [m.metric.key, m.comparator, m.targetValue])).toEqual([
      ["communication.newsletterGrowth", "AT_LEAST", 2000],
      ["communication.websiteGrowth", "AT_LEAST", 2000],
    ]);
    expect(a.commitments.map((c) => [c.number, measured(c.target).measures[0]!.metric.key, measured(c.target).measures[0]!.targetValue])).toEqual([
      [1, "leadership.distinctTrajectories", 5],
      [2, "learningTools.published", 5],
      [3, "training.distinctEmployeesReached", 1500],
      [4, "worktables.meetingsHeld", 30],
      [5, "lokaalwerkt.professionsListed", 25],
    ]);
    expect(a.commitments[2]!.description).toContain("1500 medewerkers");
  });

  it("pages through agreements with first/after", async () => {
    await api.database.db.transaction((tx) => seedAddendum(tx));
    const LIST = graphql(
      `query AgreementsPage($after: String) { fundingAgreements(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
    );
    const first = (await api.ok(LIST, {})).fundingAgreements;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.ok(LIST, { after: first.pageInfo.endCursor })).fundingAgreements;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges).toHaveLength(1);
    expect(second.edges[0]!.node.id).not.toBe(first.edges[0]!.node.id);
    expect(errorOf(await api.exec(graphql(`query AgreementsTooMany { fundingAgreements(first: 101) { totalCount } }`)))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("resolves its tracks, actions and commitments through node(id)", async () => {
    const a = await api.ok(graphql(`query AgreementStructureIds($id: ID!) { fundingAgreement(id: $id) { tracks { id actions { id effortCommitments { id number } } } } }`), {
      id: agreementId,
    });
    const track = a.fundingAgreement!.tracks[2]!;
    const action = track.actions[0]!;
    const commitment = action.effortCommitments[0]!;
    const nodes = await api.ok(
      graphql(`query AgreementStructureNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Action { number } ... on Commitment { number kind } } }`),
      { ids: [agreementId, track.id, action.id, commitment.id] },
    );
    expect(nodes.nodes).toEqual([
      { __typename: "FundingAgreement", id: agreementId },
      { __typename: "Track", id: track.id },
      { __typename: "Action", id: action.id, number: 5 },
      { __typename: "Commitment", id: commitment.id, number: 5, kind: "EFFORT" },
    ]);
  });

  it("speaks English and French where translated, and Dutch otherwise", async () => {
    const TITLES = graphql(`query AgreementTitles($id: ID!) { fundingAgreement(id: $id) { title tracks { title } } }`);
    const en = await api.ok(TITLES, { id: agreementId }, { acceptLanguage: "en" });
    expect(en.fundingAgreement!.tracks[0]!.title).toBe("Project fund");
    const fr = await api.ok(TITLES, { id: agreementId }, { acceptLanguage: "fr" });
    expect(fr.fundingAgreement!.title).toContain("investir dans le talent");
    expect(fr.fundingAgreement!.tracks[0]!.title).toBe("Projectenfonds");
  });

  it("reads the agreements with their tracks, actions and the actions' partners in two statements, however many", async () => {
    // The benchmark's nested read (issue 14): the list is one statement, the three levels below it
    // one more (joined, priming the loaders the Track and Action resolvers read).
    const query = graphql(`query AgreementsTracksActionsPartners { fundingAgreements { edges { node { title tracks { title actions { title partners { name } } } } } } }`);
    const one = await api.exec(query, {}, consultant);
    expect(one.errors).toBeUndefined();
    expect(one.statements).toBe(2);
    const partners = one.data!.fundingAgreements.edges[0]!.node.tracks.flatMap((t) => t.actions.flatMap((a) => a.partners.map((p) => p.name)));
    expect(partners.length).toBeGreaterThan(0);
    // Without partners, the same two statements: tracks and actions still come together.
    const withoutPartners = await api.exec(graphql(`query AgreementsTracksActions { fundingAgreements { edges { node { tracks { actions { title } } } } } }`), {}, consultant);
    expect(withoutPartners.statements).toBe(2);
    await api.database.db.transaction((tx) => seedAddendum(tx));
    const two = await api.exec(query, {}, consultant);
    expect(two.data?.fundingAgreements.edges).toHaveLength(2);
    expect(two.statements).toBe(2);
    // Each track keeps its own actions, each action its own partners, in their order.
    expect(two.data!.fundingAgreements.edges.find((e) => e.node.title === one.data!.fundingAgreements.edges[0]!.node.title)!.node).toEqual(
      one.data!.fundingAgreements.edges[0]!.node,
    );
  });

  it("costs the same number of statements for two agreements as for one", async () => {
    // What AGREEMENT asks of one agreement, asked of every agreement.
    const query = graphql(`query AgreementsEverything { fundingAgreements { edges { node { ...AgreementStructure settlement { ...AgreementSettlement } } } } }`);
    await emptyAggregateCache(api);
    const one = await api.exec(query, {}, consultant);
    expect(one.errors).toBeUndefined();
    await api.database.db.transaction((tx) => seedAddendum(tx));
    await emptyAggregateCache(api);
    const two = await api.exec(query, {}, consultant);
    expect(two.data?.fundingAgreements.edges).toHaveLength(2);
    expect(two.statements).toBe(one.statements);
  });
});

describe("measured progress", () => {
  it("reads 0 and says so while no module provides a metric's records", async () => {
    // Every metric of the addendum has its source now; a metric a module needs and nobody counts yet
    // (declared here) still reads 0, says so, and is not met.
    needMetric({ key: "test.unsourced", description: "A metric no module counts yet", module: "trainings" });
    await api.database.db.execute(
      sql`insert into commitment_measures (commitment_id, metric, comparator, target_value) select id, 'test.unsourced', 'AT_LEAST', 1 from commitments where kind = 'EFFORT' and number = 8`,
    );
    const a = await agreement();
    const effort8 = measured(a.tracks[3]!.actions[0]!.effortCommitments[0]!.target).measures;
    const unsourced = effort8.find((m) => m.metric.key === "test.unsourced")!;
    expect(unsourced).toMatchObject({ metric: { key: "test.unsourced", module: "trainings", hasSource: false }, currentValue: 0, met: false });
    expect(effort8.find((m) => m.metric.key === "worktables.meetingsHeld")!.metric).toEqual({ key: "worktables.meetingsHeld", module: "trainings", hasSource: true });
  });

  it("counts a registered module's records within the period's days in Brussels", async () => {
    unregister.push(
      registerMetricSource("worktables.meetingsHeld", async (db, period) => {
        const result = (await db.execute(sql`select count(*)::int as n from test_worktable_meetings where ${withinPeriod(sql`held_at`, period)}`)) as unknown as {
          rows: { n: number }[];
        };
        return result.rows[0]!.n;
      }),
    );
    const meetings = [
      ...Array.from({ length: 29 }, (_, i) => `2024-0${(i % 9) + 1}-10T09:00:00Z`),
      "2023-06-30T22:30:00Z", // 1 July 00:30 in Brussels: inside
      "2023-06-30T21:30:00Z", // 30 June 23:30 in Brussels: before the period
      "2025-06-30T21:30:00Z", // 30 June 23:30 in Brussels: the last day, inside
      "2025-06-30T22:30:00Z", // 1 July 00:30 in Brussels: after the period
    ];
    for (const at of meetings) await api.database.db.execute(sql`insert into test_worktable_meetings (held_at) values (${at}::timestamptz)`);
    const a = await agreement();
    expect(measured(a.commitments[3]!.target).measures[0]!.currentValue).toBe(31);
    expect(a.commitments[3]!.met).toBe(true);
    expect(a.tracks[3]!.actions[0]!.effortCommitments[0]).toMatchObject({ met: true, target: { measures: [{ metric: { hasSource: true }, currentValue: 31, met: true }] } });
    expect(a.settlement.achievedResultCommitments).toBe(1);
  });
});

describe("the settlement", () => {
  it("pays nothing without eligible costs, and flags every unjustified effort commitment", async () => {
    const s = (await agreement()).settlement;
    expect(s).toMatchObject({
      hypothetical: false,
      effortPart: { cents: 28_000_000, currency: "EUR" },
      resultShare: { cents: 12_000_000 },
      resultPart: { cents: 0 },
      eligibleCosts: { cents: 0 },
      payable: { cents: 0 },
      achievedResultCommitments: 0,
      totalResultCommitments: 5,
      cappedBy: "ELIGIBLE_COSTS",
    });
    expect(s.unjustifiedEffortCommitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.explanation).toHaveLength(13);
    expect(s.explanation.every((line: unknown) => typeof line === "string" && line.length > 0)).toBe(true);
    expect(s.steps.map((l) => l.step)).toEqual([
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
  });

  it("pays the result share pro rata from half the result commitments up, capped by the eligible costs", async () => {
    await spend(40_000_000);
    // 3 of 5 achieved, by the records the modules count.
    source("leadership.distinctTrajectories", () => 6);
    source("learningTools.published", () => 5);
    source("training.distinctEmployeesReached", () => 1500);
    const three = (await agreement()).settlement;
    expect(three).toMatchObject({
      achievedResultCommitments: 3,
      resultPart: { cents: 7_200_000 },
      eligibleCosts: { cents: 40_000_000 },
      payable: { cents: 35_200_000 },
      cappedBy: "NONE",
    });
    // One fewer is fewer than half: no result financing at all.
    source("training.distinctEmployeesReached", () => 1499);
    const two = (await agreement()).settlement;
    expect(two).toMatchObject({ achievedResultCommitments: 2, resultPart: { cents: 0 }, payable: { cents: 28_000_000 } });
  });

  it("never pays more than the costs paid within the period", async () => {
    await spend(10_000_000);
    const s = (await agreement()).settlement;
    expect(s).toMatchObject({ entitlement: { cents: 28_000_000 }, eligibleCosts: { cents: 10_000_000 }, payable: { cents: 10_000_000 }, cappedBy: "ELIGIBLE_COSTS" });
  });

  it("answers a scenario without writing anything", async () => {
    await spend(20_000_000);
    const query = graphql(
      `query AgreementScenario($id: ID!, $scenario: SettlementScenario) { fundingAgreement(id: $id) { settlement(scenario: $scenario) { hypothetical achievedResultCommitments resultPart { cents } eligibleCosts { cents } payable { cents } steps { step text } } } }`,
    );
    const result = await api.exec(
      query,
      { id: agreementId, scenario: { achievedResultCommitmentNumbers: [1, 2, 3, 4], additionalEligibleCosts: { cents: 20_000_000, currency: "EUR" } } },
      consultant,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.fundingAgreement?.settlement).toMatchObject({
      hypothetical: true,
      achievedResultCommitments: 4,
      resultPart: { cents: 9_600_000 },
      eligibleCosts: { cents: 40_000_000 },
      payable: { cents: 37_600_000 },
    });
    expect(result.writes).toBe(0);
    // And the recorded state is as it was.
    expect((await agreement()).settlement).toMatchObject({
      hypothetical: false,
      achievedResultCommitments: 0,
      eligibleCosts: { cents: 20_000_000 },
      payable: { cents: 20_000_000 },
    });
    const log = await api.ok(graphql(`query AgreementAuditCount { auditLog { totalCount } }`), {}, { as: "ADMIN" });
    // The invoice's submission, approval and payment; nothing of the scenario.
    expect(log.auditLog.totalCount).toBe(3);
  });

  it("shows what missing one commitment costs", async () => {
    await spend(40_000_000);
    const with3 = (await agreement(consultant, { achievedResultCommitmentNumbers: [1, 2, 3] })).settlement;
    const with2 = (await agreement(consultant, { achievedResultCommitmentNumbers: [1, 2] })).settlement;
    expect(with3.payable.cents - with2.payable.cents).toBe(7_200_000);
    expect(with2.steps.find((l) => l.step === "RESULT_THRESHOLD")!.text).not.toBe(with3.steps.find((l) => l.step === "RESULT_THRESHOLD")!.text);
  });

  it("refuses a scenario naming unknown commitments or negative costs", async () => {
    const query = graphql(
      `query AgreementScenarioPayable($id: ID!, $scenario: SettlementScenario) { fundingAgreement(id: $id) { settlement(scenario: $scenario) { payable { cents } } } }`,
    );
    expect(errorOf(await api.exec(query, { id: agreementId, scenario: { achievedResultCommitmentNumbers: [1, 6] } }, consultant))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "scenario.achievedResultCommitmentNumbers",
    });
    expect(errorOf(await api.exec(query, { id: agreementId, scenario: { additionalEligibleCosts: { cents: -1 } } }, consultant))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "scenario.additionalEligibleCosts.cents",
    });
    expect(errorOf(await api.exec(query, { id: agreementId, scenario: { additionalEligibleCosts: { cents: 1, currency: "USD" } } }, consultant))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "scenario.additionalEligibleCosts.currency",
    });
  });

  it("explains itself in the reader's language", async () => {
    const fr = (await agreement({ ...consultant, acceptLanguage: "fr" })).settlement.steps;
    const en = (await agreement({ ...consultant, acceptLanguage: "en" })).settlement.steps;
    expect(fr[0]!.text).not.toBe(en[0]!.text);
    expect(en[0]!.text).toContain("EUR 280,000.00");
    expect(en[0]!.amount).toEqual({ cents: 28_000_000 });
  });
});

describe("judging qualitative commitments", () => {
  const PROPOSE = graphql(
    `mutation AgreementPropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { number met target { ... on QualitativeTarget { status evidence judgedBy judgedAt proposal { status evidence } } } } } }`,
  );
  const ACCEPT = graphql(
    `mutation AgreementAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { number met target { ... on QualitativeTarget { status evidence judgedBy judgedAt proposal { status } } } } } }`,
  );

  async function effortCommitment(number: number) {
    const all = await api.ok(EFFORT_COMMITMENTS, { id: agreementId });
    return all.fundingAgreement!.commitments.find((c) => c.number === number)!.id;
  }

  it("is proposed by the sector with evidence and decided by the funder, and the settlement stops flagging it", async () => {
    const commitmentId = await effortCommitment(4);
    const evidence = "Platform live at lerenwerkt.be since 2024-02";
    const proposed = (await api.ok(PROPOSE, { input: { commitmentId, status: "JUSTIFIED", evidence } }, { as: { role: "CONSULTANT", sub: "consultant-an" } })).proposeJudgement
      .commitment;
    // A proposal is not a judgement: the commitment stays open and flagged until the funder accepts.
    expect(proposed).toMatchObject({ number: 4, met: false, target: { status: "OPEN", evidence: null, judgedBy: null, proposal: { status: "JUSTIFIED", evidence } } });
    expect((await agreement()).settlement.unjustifiedEffortCommitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const accepted = (await api.ok(ACCEPT, { input: { commitmentId } }, { as: { role: "PARTNER", org: funderOrg, sub: "funder-inspector" } })).acceptJudgement.commitment;
    expect(accepted).toMatchObject({ number: 4, met: true, target: { status: "JUSTIFIED", evidence, judgedBy: "funder-inspector", proposal: null } });
    expect(Date.parse(String((accepted.target as { judgedAt: unknown }).judgedAt))).not.toBeNaN();
    expect((await agreement()).settlement.unjustifiedEffortCommitments.map((c) => c.number)).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);

    const log = await api.ok(
      graphql(`query AgreementJudgementAudit($id: ID!) { auditLog(filter: { entityId: $id }) { edges { node { operation actorSubject before after } } } }`),
      { id: commitmentId },
      { as: "ADMIN" },
    );
    const steps = log.auditLog.edges.map((e) => e.node);
    // Newest first: the funder's acceptance, then the consultant's proposal.
    expect(steps.map((n) => [n.operation, n.actorSubject])).toEqual([
      ["acceptJudgement", "funder-inspector"],
      ["proposeJudgement", "consultant-an"],
    ]);
    expect((steps[0]!.before as { status: string }).status).toBe("OPEN");
    expect((steps[0]!.after as { status: string }).status).toBe("JUSTIFIED");
  });

  it("needs evidence and a status that judges, refuses measured commitments, and is proposed by editors only", async () => {
    const qualitative = await effortCommitment(2);
    const measured = await effortCommitment(8);
    const input = (extra: { status?: "OPEN" | "JUSTIFIED" | "NOT_JUSTIFIED"; evidence?: string; commitmentId?: string }) => ({
      input: { commitmentId: qualitative, status: "JUSTIFIED" as const, evidence: "x", ...extra },
    });
    expect(errorOf(await api.exec(PROPOSE, input({ evidence: "" }), consultant))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.evidence" });
    expect(errorOf(await api.exec(PROPOSE, input({ status: "NOT_JUSTIFIED", evidence: "  " }), consultant))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.evidence" });
    expect(errorOf(await api.exec(PROPOSE, input({ status: "OPEN" }), consultant))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.status" });
    expect(errorOf(await api.exec(PROPOSE, input({ commitmentId: measured }), consultant))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.commitmentId" });
    expect(errorOf(await api.exec(PROPOSE, input({}), { as: { role: "PARTNER", org: funderOrg } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(PROPOSE, input({}))).code).toBe("UNAUTHENTICATED");
  });
});

describe("who reads what", () => {
  const PUBLIC = graphql(`query AgreementPublicParts($id: ID!) { fundingAgreement(id: $id) { tracks { actions { number } } commitments { number met } } }`);
  const SETTLEMENT = graphql(`query AgreementSettlementPayable($id: ID!) { fundingAgreement(id: $id) { settlement { payable { cents } } } }`);

  it("shows tracks, actions, commitments and progress to anyone", async () => {
    for (const options of [{}, { as: { role: "BOARD_MEMBER" as const, board: gentBoard } }, { as: { role: "EXPERT" as const, org: otherOrg } }]) {
      const data = await api.ok(PUBLIC, { id: agreementId }, options);
      expect(data.fundingAgreement!.commitments).toHaveLength(14);
    }
  });

  it("shows the settlement and the report to consultants, admins, and the funder's and beneficiary's partners only", async () => {
    for (const options of [consultant, { as: "ADMIN" as const }, { as: { role: "PARTNER" as const, org: funderOrg } }, { as: { role: "PARTNER" as const, org: beneficiaryOrg } }]) {
      expect((await api.exec(SETTLEMENT, { id: agreementId }, options)).errors).toBeUndefined();
      expect((await api.exec(REPORT, { id: agreementId }, options)).errors).toBeUndefined();
    }
    expect(errorOf(await api.exec(SETTLEMENT, { id: agreementId })).code).toBe("UNAUTHENTICATED");
    for (const options of [
      { as: { role: "BOARD_MEMBER" as const, board: gentBoard } },
      { as: { role: "PARTNER" as const, org: otherOrg } },
      { as: { role: "EXPERT" as const, org: funderOrg } },
    ]) {
      expect(errorOf(await api.exec(SETTLEMENT, { id: agreementId }, options)).code).toBe("FORBIDDEN");
      expect(errorOf(await api.exec(REPORT, { id: agreementId }, options)).code).toBe("FORBIDDEN");
    }
  });
});

describe("the justification report", () => {
  it("quotes fields and defuses formulas", () => {
    expect(csvField("plain")).toBe('"plain"');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=1+1")).toBe(`"'=1+1"`);
    expect(csvField("-5")).toBe(`"'-5"`);
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
  });
});
