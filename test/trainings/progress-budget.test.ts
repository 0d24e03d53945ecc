// The statement budget of the addendum's progress and settlement (issue 9, "Scale"): every
// commitment's measures (current value, met, breakdown) and the settlement, live and under a
// scenario, read on the sector profile at two sizes, cost the same, small, fixed number of SQL
// statements. Each metric the addendum measures is counted for every agreement in one statement,
// whatever the number of agreements: shown per metric with two scopes measured together, and
// through the API with a second agreement.
//
// The sector profile runs at small scales (test/db/seed.test.ts checks that a scale is a
// proportional part of the sector), big enough that every metric counts something.

import { ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fundingAgreements } from "../../db/schema/funding.js";
import { seedAddendum } from "../../db/seed/funding.js";
import { seedDatabase } from "../../db/seed/index.js";
import { measureBreakdown, measureMetric } from "../../schema/shared/metrics.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const SMALL = 0.002;
const LARGE = 0.01;
const CONSULTANT = { role: "CONSULTANT" as const };

const PROGRESS = graphql(`
  query ProgressBudget {
    fundingAgreements {
      edges {
        node {
          id
          commitments {
            kind
            number
            met
            target {
              __typename
              ... on MeasuredTarget { met measures { metric { key } targetValue currentValue met breakdown { label value } } }
            }
          }
          settlement {
            achievedResultCommitments
            totalResultCommitments
            effortPart { cents }
            resultPart { cents }
            realisedCosts { cents }
            coFinancingIncome { cents }
            eligibleCosts { cents }
            payable { cents }
            cappedBy
            unjustifiedEffortCommitments { number }
            steps { step amount { cents } text }
          }
          scenario: settlement(scenario: { achievedResultCommitmentNumbers: [1, 2, 3], additionalEligibleCosts: { cents: 1000000, currency: "EUR" } }) {
            hypothetical
            resultPart { cents }
            payable { cents }
            steps { step amount { cents } text }
          }
        }
      }
    }
  }
`);

async function progress() {
  const result = await api.exec(PROGRESS, {}, { as: CONSULTANT });
  expect(result.errors).toBeUndefined();
  const agreements = result.data!.fundingAgreements.edges.map((e) => e.node);
  const measures = new Map(
    agreements.flatMap((a) =>
      a.commitments.flatMap((c) => (c.target.__typename === "MeasuredTarget" ? c.target.measures.map((m) => [`${a.id} ${c.kind} ${c.number} ${m.metric.key}`, m] as const) : [])),
    ),
  );
  return { statements: result.statements, agreements, measures };
}

/** The metrics the seeded addendum measures. */
const METRICS = [
  "training.distinctEmployeesReached",
  "leadership.distinctTrajectories",
  "iao.departments",
  "iao.boardsReached",
  "elearning.networkBoards",
  "learningTools.published",
  "lokaalwerkt.professionsListed",
  "worktables.meetingsHeld",
  "communication.newsletterGrowth",
  "communication.websiteGrowth",
];

/**
 * The budget: 21 statements, counted on this query and then fixed, whatever the data's size and
 * the number of agreements on the page. In the order they run:
 *  1. the agreements' page;
 *  2. the commitments of the agreements on the page; 3. their measures;
 *  4-6. the settlement's sums per agreement: overhead, co-financing income, invoices (paid and approved);
 *  7. the agreements again, by id, for the settlement (the funding module's own load);
 *  8-20. the metrics, each one statement for every agreement's scopes together: iao.boardsReached,
 *     iao.departments, elearning.networkBoards, worktables.meetingsHeld (value and per-year parts),
 *     both communication growths (one statement for the two channels), leadership.distinctTrajectories,
 *     learningTools.published, lokaalwerkt.professionsListed (value and parts), and the breakdowns of
 *     iao.departments and leadership.distinctTrajectories; training.distinctEmployeesReached is a
 *     cached aggregate (schema/shared/aggregates.ts): three statements the first time after its data
 *     changed (the cache, the count, storing it), one afterwards;
 *  21. the commitments again, for the settlement's unjustified effort commitments.
 * The scenario's settlement reuses what the live one loaded. 7 and 19 repeat 1 and 2 (a reviewer
 * of the funding module may merge them); they stay fixed in number all the same.
 */
const BUDGET = 21;

describe("the addendum's progress and settlement on the sector profile", () => {
  it("costs the same statements at two sizes, within a small fixed budget, and every metric measures the seeded records", async () => {
    await seedDatabase(api.database, "sector", undefined, { scale: SMALL });
    const small = await progress();
    await api.reset();
    await seedDatabase(api.database, "sector", undefined, { scale: LARGE });
    const large = await progress();

    const keys = [...large.measures.values()].map((m) => m.metric.key);
    expect(new Set(keys)).toEqual(new Set(METRICS));
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(BUDGET);

    // The larger set reaches more employees; the settlement is computed from the same records.
    const reach = (p: typeof small) => [...p.measures.values()].find((m) => m.metric.key === "training.distinctEmployeesReached")!.currentValue;
    expect(reach(small)).toBeGreaterThan(0);
    expect(reach(large)).toBeGreaterThan(reach(small));
    for (const key of METRICS) expect([...large.measures.values()].find((m) => m.metric.key === key)!.currentValue, key).toBeGreaterThan(0);
    const [agreement] = large.agreements;
    expect(agreement!.settlement.steps.length).toBeGreaterThan(0);
    expect(agreement!.scenario.hypothetical).toBe(true);
  });
});

describe("two agreements", () => {
  async function counted<T>(work: (db: ReturnType<TestApi["database"]["withObserver"]>) => Promise<T>): Promise<{ statements: number; value: T }> {
    let statements = 0;
    const db = api.database.withObserver(() => {
      statements++;
    });
    const value = await work(db);
    return { statements, value };
  }

  it.each(METRICS)("measure %s for two periods together in the statements of one", async (key) => {
    await seedDatabase(api.database, "sector", undefined, { scale: SMALL });
    const first = { start: "2023-07-01", end: "2025-06-30" };
    const second = { start: "2024-01-01", end: "2025-12-31" };
    // The reach is cached (schema/shared/aggregates.ts): counting it reads the cache, counts what
    // it lacks and stores that; a figure cached since the data last changed costs the cache's read.
    const cached = key === "training.distinctEmployeesReached";
    const one = await counted((db) => measureMetric(db, key, first));
    if (cached) {
      expect(one.statements, key).toBe(3);
      expect((await counted((db) => measureMetric(db, key, first))).statements, `${key} again`).toBe(1);
      await api.database.db.execute(sql`delete from aggregate_cache`);
    }
    const two = await counted((db) => Promise.all([measureMetric(db, key, first), measureMetric(db, key, second)]));
    expect(two.value[0]).toBe(one.value);
    // One statement per metric (the cached one: the same three): its source reads the records once.
    if (!cached) expect(one.statements, key).toBe(1);
    expect(two.statements, `${key}: ${one.statements} statement(s) for one scope, ${two.statements} for two`).toBe(one.statements);
    const parts = await counted((db) => measureBreakdown(db, key, first));
    const partsTwo = await counted((db) => Promise.all([measureBreakdown(db, key, first), measureBreakdown(db, key, second)]));
    expect(parts.statements, key).toBeLessThanOrEqual(1);
    expect(partsTwo.statements, `${key} breakdown: ${parts.statements} statement(s) for one scope, ${partsTwo.statements} for two`).toBe(parts.statements);
  });

  it("read through the API cost what one agreement costs", async () => {
    await seedDatabase(api.database, "sector", undefined, { scale: SMALL });
    const one = await progress();
    const [firstId] = one.agreements.map((a) => a.id);
    await api.database.db.transaction((tx) => seedAddendum(tx));
    await api.database.db
      .update(fundingAgreements)
      .set({ periodStart: "2024-01-01", periodEnd: "2025-12-31" })
      .where(ne(fundingAgreements.id, rowId(firstId!)));
    const two = await progress();
    expect(two.agreements).toHaveLength(2);
    expect(two.statements).toBe(one.statements);
  });
});
