// The consultants' overhead costs of the addendum "investeren in talent" through the API: their
// own kind of cost entry, recorded within the period by the sector's consultants and admins,
// counted as cost only up to the ceiling the funder's side sets (the source gives no figure, so
// the seeded ceiling is empty and nothing counts until then); corrected by reversing entries,
// never deleted; read by those who read the agreement's financials, as a connection that costs
// the same statements at any length; the audit row and event of every write.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { fundingAgreements } from "../../db/schema/funding.js";
import { seedAddendum } from "../../db/seed/funding.js";
import type { RecordOverheadCostInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { emptyAggregateCache, type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId, withRivalReversal } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

let fx: FundingFixture;

beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Vlaamse Regering", "VVSG", "ACV", "Workitects"], boards: ["Gent"] });
});

const RECORD = graphql(`
  mutation OverheadRecord($input: RecordOverheadCostInput!) {
    recordOverheadCost(input: $input) { entry { id action { number } description amount { cents currency } date reverses { id } reversedBy { id } recordedAt } }
  }
`);
const REVERSE = graphql(`
  mutation OverheadReverse($input: ReverseOverheadCostInput!) {
    reverseOverheadCost(input: $input) {
      entry { id action { number } description amount { cents currency } date reverses { id reversedBy { id } } reversedBy { id } recordedAt }
    }
  }
`);
const OVERHEAD = graphql(`
  query OverheadView($id: ID!, $first: Int, $after: String) {
    fundingAgreement(id: $id) {
      overheadCeiling { cents }
      overhead {
        recorded { cents currency }
        counted { cents currency }
        ceiling { cents currency }
        entries(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id action { number } description amount { cents } date reverses { id } reversedBy { id } } }
        }
      }
      settlement { overheadRecorded { cents } overheadCounted { cents } }
    }
  }
`);
const AUDIT = graphql(
  `query OverheadAudit($filter: AuditFilter) { auditLog(first: 100, filter: $filter) { totalCount edges { node { actorRole actorSubject operation entityType entityId before after } } } }`,
);

interface CostArgs {
  action?: number | null;
  description?: string;
  cents: number;
  date?: string;
  currency?: string;
}

function costInput({ action = null, description = "Verplaatsingen consulenten", cents, date = "2024-03-01", currency = "EUR" }: CostArgs): RecordOverheadCostInput {
  return { agreementId: fx.agreementId, actionId: action === null ? null : fx.actions[action]!, description, amount: { cents, currency }, date };
}

async function record(args: CostArgs, as: ExecOptions["as"] = "CONSULTANT") {
  return (await api.ok(RECORD, { input: costInput(args) }, { as })).recordOverheadCost.entry;
}

async function reverse(id: string, reason = "Foutief geboekt", as: ExecOptions["as"] = "CONSULTANT") {
  return (await api.ok(REVERSE, { input: { id, reason } }, { as })).reverseOverheadCost.entry;
}

async function overhead(as: ExecOptions["as"] = "CONSULTANT", page: { first?: number; after?: string | null } = { first: 100 }) {
  return (await api.ok(OVERHEAD, { id: fx.agreementId, ...page }, { as })).fundingAgreement!;
}

async function auditCount(operation?: string): Promise<number> {
  return (await api.ok(AUDIT, { filter: operation ? { operation } : {} }, { as: "ADMIN" })).auditLog.totalCount;
}

async function setAgreement(values: Partial<typeof fundingAgreements.$inferInsert>) {
  await api.database.db
    .update(fundingAgreements)
    .set(values)
    .where(eq(fundingAgreements.id, rowId(fx.agreementId)));
}

const eur = (cents: number) => ({ cents, currency: "EUR" });

describe("recording overhead and what counts of it", () => {
  it("records overhead with or without an action; with the seeded empty ceiling none of it counts", async () => {
    const travel = await record({ cents: 120_000, date: "2024-03-01" });
    expect(travel).toMatchObject({ action: null, description: "Verplaatsingen consulenten", amount: eur(120_000), date: "2024-03-01", reverses: null, reversedBy: null });
    expect(Date.parse(travel.recordedAt)).not.toBeNaN();
    const worktables = await record({ action: 8, description: "Zaalhuur werktafels", cents: 30_000, date: "2023-11-20" });
    expect(worktables.action).toEqual({ number: 8 });

    const view = await overhead();
    // The source gives no figure ("een beperkt gedeelte"): no ceiling is invented.
    expect(view.overheadCeiling).toBeNull();
    expect(view.overhead).toMatchObject({ recorded: eur(150_000), counted: eur(0), ceiling: null });
    // By date, then in the order recorded.
    expect(view.overhead.entries.edges.map((e) => [e.node.date, e.node.amount.cents, e.node.action?.number ?? null])).toEqual([
      ["2023-11-20", 30_000, 8],
      ["2024-03-01", 120_000, null],
    ]);
    expect(view.overhead.entries.totalCount).toBe(2);
    // The settlement counts the same overhead: none.
    expect(view.settlement).toEqual({ overheadRecorded: { cents: 150_000 }, overheadCounted: { cents: 0 } });
  });

  it("counts overhead up to the ceiling the funder's side sets, and all of it below", async () => {
    await record({ cents: 80_000 });
    await setAgreement({ overheadCeilingCents: 50_000 });
    let view = await overhead();
    expect(view.overhead).toMatchObject({ recorded: eur(80_000), counted: eur(50_000), ceiling: eur(50_000) });
    expect(view.settlement).toEqual({ overheadRecorded: { cents: 80_000 }, overheadCounted: { cents: 50_000 } });

    // The funder's side raises it through the API.
    const TERMS = graphql(`mutation OverheadSetTerms($input: SetFundingTermsInput!) { setFundingTerms(input: $input) { agreement { overheadCeiling { cents } } } }`);
    await api.ok(TERMS, { input: { agreementId: fx.agreementId, overheadCeiling: eur(100_000) } }, { as: { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) } });
    view = await overhead();
    expect(view.overhead).toMatchObject({ recorded: eur(80_000), counted: eur(80_000), ceiling: eur(100_000) });

    // A ceiling of zero lets nothing count.
    await setAgreement({ overheadCeilingCents: 0 });
    expect((await overhead()).overhead).toMatchObject({ recorded: eur(80_000), counted: eur(0), ceiling: eur(0) });
  });

  it("refuses bad input, naming the field, and writes nothing", async () => {
    const refused = async (input: RecordOverheadCostInput, code: string, field: string, why?: string) => {
      const result = await api.exec(RECORD, { input }, { as: "CONSULTANT" });
      expect(errorOf(result), `${field} ${JSON.stringify(input)}`).toMatchObject({ code, field });
      if (why) expect(errorOf(result).message).toContain(why);
      expect(result.writes).toBe(0);
    };
    await refused(costInput({ cents: 0 }), "BAD_USER_INPUT", "input.amount.cents");
    await refused(costInput({ cents: -1 }), "BAD_USER_INPUT", "input.amount.cents");
    await refused(costInput({ cents: 40_000_001 }), "BAD_USER_INPUT", "input.amount.cents", "EUR 400,000.00");
    await refused(costInput({ cents: 100, currency: "USD" }), "BAD_USER_INPUT", "input.amount.currency");
    for (const date of ["2023-06-30", "2025-07-01"]) await refused(costInput({ cents: 100, date }), "BAD_USER_INPUT", "input.date", "2023-07-01 to 2025-06-30");
    // The co-financing's reporting window does not stretch the overhead's period.
    await setAgreement({ reportingWindowDays: 60 });
    await refused(costInput({ cents: 100, date: "2025-07-15" }), "BAD_USER_INPUT", "input.date");
    await refused(costInput({ cents: 100, description: " \u200b " }), "BAD_USER_INPUT", "input.description", "must not be empty");
    await refused(costInput({ cents: 100, description: "twee\nregels" }), "BAD_USER_INPUT", "input.description");
    await refused({ ...costInput({ cents: 100 }), agreementId: globalId("FundingAgreement", MISSING_UUID) }, "NOT_FOUND", "input.agreementId");
    await refused({ ...costInput({ cents: 100 }), actionId: globalId("Action", MISSING_UUID) }, "NOT_FOUND", "input.actionId");
    await refused({ ...costInput({ cents: 100 }), actionId: fx.boards.Gent! }, "BAD_USER_INPUT", "input.actionId");
    await api.database.db.transaction((tx) => seedAddendum(tx));
    const all = await api.ok(graphql(`query OverheadOtherAgreement { fundingAgreements { edges { node { id tracks { actions { id } } } } } }`));
    const other = all.fundingAgreements.edges.map((e) => e.node).find((a) => a.id !== fx.agreementId)!;
    await refused({ ...costInput({ cents: 100 }), actionId: other.tracks[0]!.actions[0]!.id }, "BAD_USER_INPUT", "input.actionId", "not an action of this agreement");
    expect((await overhead()).overhead.entries.totalCount).toBe(0);
    expect(await auditCount()).toBe(0);

    // The bounds themselves are accepted.
    await record({ cents: 40_000_000, date: "2023-07-01" });
    await record({ cents: 1, date: "2025-06-30" });
  });

  it("audits every write and emits overhead.recorded without a person in it", async () => {
    const cost = await record({ action: 1, cents: 12_345 }, { role: "CONSULTANT", sub: "consultant-els" });
    const reversal = await reverse(cost.id, "Verkeerde actie", { role: "ADMIN", sub: "admin-jan" });
    const log = await api.ok(AUDIT, { filter: {} }, { as: "ADMIN" });
    expect(log.auditLog.edges.map((e) => e.node).sort((a, b) => a.operation.localeCompare(b.operation))).toEqual([
      expect.objectContaining({
        operation: "recordOverheadCost",
        actorRole: "CONSULTANT",
        actorSubject: "consultant-els",
        entityId: cost.id,
        before: null,
        after: expect.objectContaining({ amountCents: 12_345, actionId: rowId(fx.actions[1]!), recordedBy: "consultant-els", reversesId: null }),
      }),
      expect.objectContaining({
        operation: "reverseOverheadCost",
        actorRole: "ADMIN",
        actorSubject: "admin-jan",
        entityId: reversal.id,
        before: null,
        after: expect.objectContaining({ amountCents: 12_345, reversesId: rowId(cost.id), description: "Verkeerde actie" }),
      }),
    ]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "overhead.recorded")).orderBy(domainEvents.position);
    expect(events.map((e) => [e.version, e.entityId, e.payload])).toEqual([
      [1, rowId(cost.id), { entryId: cost.id, agreementId: fx.agreementId, actionId: fx.actions[1], amountCents: 12_345, currency: "EUR", reversesId: null }],
      [1, rowId(reversal.id), { entryId: reversal.id, agreementId: fx.agreementId, actionId: fx.actions[1], amountCents: 12_345, currency: "EUR", reversesId: cost.id }],
    ]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toMatch(/consultant-els|admin-jan/);
  });
});

describe("reversing a wrong overhead cost", () => {
  it("cancels a cost with a reversing entry that copies it, dated on its date, with the reason as its description", async () => {
    await setAgreement({ overheadCeilingCents: 100_000 });
    const wrong = await record({ action: 5, cents: 70_000, date: "2024-06-01" });
    await record({ cents: 20_000, date: "2024-07-01" });
    const reversal = await reverse(wrong.id, "Dubbel ingebracht");
    expect(reversal).toMatchObject({
      action: { number: 5 },
      description: "Dubbel ingebracht",
      amount: eur(70_000),
      date: "2024-06-01",
      reverses: { id: wrong.id, reversedBy: { id: reversal.id } },
      reversedBy: null,
    });
    const view = await overhead();
    // Both stay; the recorded overhead and what counts of it are net of the reversal.
    expect(view.overhead).toMatchObject({ recorded: eur(20_000), counted: eur(20_000) });
    expect(view.settlement).toEqual({ overheadRecorded: { cents: 20_000 }, overheadCounted: { cents: 20_000 } });
    expect(view.overhead.entries.edges.map((e) => [e.node.id, e.node.reverses?.id ?? null, e.node.reversedBy?.id ?? null])).toEqual([
      [wrong.id, null, reversal.id],
      [reversal.id, wrong.id, null],
      [expect.any(String), null, null],
    ]);
  });

  it("reverses a cost once (CONFLICT), never a reversal, and refuses an unknown cost or a blank reason", async () => {
    const cost = await record({ cents: 10_000 });
    const reversal = await reverse(cost.id);
    const audited = await auditCount();
    const refused = async (input: { id: string; reason: string }, code: string, field: string, why?: string) => {
      const result = await api.exec(REVERSE, { input }, { as: "CONSULTANT" });
      expect(errorOf(result), `${input.id} ${input.reason}`).toMatchObject({ code, field });
      if (why) expect(errorOf(result).message).toContain(why);
      expect(result.writes).toBe(0);
    };
    await refused({ id: cost.id, reason: "nog eens" }, "CONFLICT", "input.id", "already been reversed");
    await refused({ id: reversal.id, reason: "toch juist" }, "BAD_USER_INPUT", "input.id", "record the cost again instead");
    await refused({ id: globalId("OverheadCost", MISSING_UUID), reason: "fout" }, "NOT_FOUND", "input.id");
    await refused({ id: fx.actions[1]!, reason: "fout" }, "BAD_USER_INPUT", "input.id");
    await refused({ id: (await record({ cents: 1 })).id, reason: "\u200b" }, "BAD_USER_INPUT", "input.reason");
    expect(await auditCount()).toBe(audited + 1);
    expect((await overhead()).overhead.recorded.cents).toBe(1);
  });

  it("offers no way to delete a cost", async () => {
    const schema = await api.ok(graphql(`query OverheadMutations { __type(name: "Mutation") { fields { name } } }`));
    const names = schema.__type!.fields!.map((f) => f.name);
    expect(names).toContain("reverseOverheadCost");
    expect(names.filter((n) => /delete|remove|destroy/i.test(n) && /overhead|cost/i.test(n))).toEqual([]);
  });

  it.runIf(onPostgres)("answers CONFLICT, not an internal error, when a rival reversal wins on the unique index", async () => {
    const cost = await record({ cents: 10_000 });
    const result = await withRivalReversal(api.url!, "overhead_costs", rowId(cost.id), "de andere", () =>
      api.exec(REVERSE, { input: { id: cost.id, reason: "fout" } }, { as: "CONSULTANT" }),
    );
    expect(errorOf(result)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(result).message).toContain("already been reversed");
    const view = await overhead();
    expect(view.overhead.entries.edges.filter((e) => e.node.reverses).map((e) => e.node.description)).toEqual(["de andere"]);
    expect(view.overhead.recorded.cents).toBe(0);
  });

  it.runIf(onPostgres)("reverses a cost once when reversals race", async () => {
    const cost = await record({ cents: 10_000 });
    const results = await Promise.all(Array.from({ length: 4 }, () => api.exec(REVERSE, { input: { id: cost.id, reason: "fout" } }, { as: "CONSULTANT" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.id" })));
    expect((await overhead()).overhead.recorded.cents).toBe(0);
  });
});

describe("a closed agreement", () => {
  it("refuses overhead writes with CONFLICT until it is reopened", async () => {
    const cost = await record({ cents: 10_000 });
    await setAgreement({ status: "CLOSED" });
    const audited = await auditCount();
    const recorded = await api.exec(RECORD, { input: costInput({ cents: 5_000 }) }, { as: "CONSULTANT" });
    expect(errorOf(recorded)).toMatchObject({ code: "CONFLICT", field: "input.agreementId" });
    const reversed = await api.exec(REVERSE, { input: { id: cost.id, reason: "fout" } }, { as: "ADMIN" });
    expect(errorOf(reversed)).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(recorded.writes + reversed.writes).toBe(0);
    expect(await auditCount()).toBe(audited);
    await setAgreement({ status: "OPEN" });
    await reverse(cost.id);
  });
});

describe("who may read and write overhead", () => {
  const readers: [string, ExecOptions["as"]][] = [
    ["admin", "ADMIN"],
    ["consultant", "CONSULTANT"],
    ["the funder's partner", { role: "PARTNER", org: "Vlaamse Regering" }],
    ["the beneficiary's partner", { role: "PARTNER", org: "VVSG" }],
    ["a steering-group union's partner", { role: "PARTNER", org: "ACV" }],
  ];
  const actorOf = (as: ExecOptions["as"]): ExecOptions["as"] => (typeof as === "object" && as.org ? { ...as, org: rowId(fx.orgs[as.org]!) } : as);

  it("lets only consultants and admins record and reverse", async () => {
    const cost = await record({ cents: 1_000 });
    const input = costInput({ cents: 1_000 });
    expect(errorOf(await api.exec(RECORD, { input })).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(REVERSE, { input: { id: cost.id, reason: "fout" } })).code).toBe("UNAUTHENTICATED");
    for (const actor of [
      { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) },
      { role: "EXPERT", org: rowId(fx.orgs.Workitects!) },
      { role: "PARTNER", org: rowId(fx.orgs["Vlaamse Regering"]!) },
      { role: "PARTNER", org: rowId(fx.orgs.VVSG!) },
    ] as Actor[]) {
      const recorded = await api.exec(RECORD, { input }, { as: actor });
      const reversed = await api.exec(REVERSE, { input: { id: cost.id, reason: "fout" } }, { as: actor });
      expect([errorOf(recorded).code, errorOf(reversed).code], `${actor.role} ${actor.board ?? actor.org}`).toEqual(["FORBIDDEN", "FORBIDDEN"]);
      expect(recorded.writes + reversed.writes).toBe(0);
    }
    await record({ cents: 1_000 }, "ADMIN");
    expect((await overhead()).overhead.entries.totalCount).toBe(2);
  });

  it("shows overhead to those who read the agreement's financials, through the agreement and node(id)", async () => {
    const cost = await record({ cents: 4_200 });
    const NODE = graphql(`query OverheadNode($id: ID!) { node(id: $id) { ... on OverheadCost { id amount { cents } } } }`);
    for (const [who, as] of readers) {
      const view = await overhead(actorOf(as));
      expect(view.overhead.recorded.cents, who).toBe(4_200);
      expect((await api.ok(NODE, { id: cost.id }, { as: actorOf(as) })).node, who).toEqual({ id: cost.id, amount: { cents: 4_200 } });
    }
    for (const actor of [
      { role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) },
      { role: "EXPERT", org: rowId(fx.orgs.VVSG!) },
      { role: "PARTNER", org: rowId(fx.orgs.Workitects!) },
    ] as Actor[]) {
      const result = await api.exec(OVERHEAD, { id: fx.agreementId }, { as: actor });
      expect(errorOf(result).code, `${actor.role} ${actor.board ?? actor.org}`).toBe("FORBIDDEN");
      expect(JSON.stringify(result.data ?? null)).not.toContain("4200");
      expect((await api.ok(NODE, { id: cost.id }, { as: actor })).node).toBeNull();
    }
    expect(errorOf(await api.exec(OVERHEAD, { id: fx.agreementId })).code).toBe("UNAUTHENTICATED");
    expect((await api.ok(NODE, { id: cost.id })).node).toBeNull();
  });
});

describe("the overhead's entries as a connection", () => {
  const PAGE = graphql(`
    query OverheadPage($id: ID!, $first: Int, $after: String) {
      fundingAgreement(id: $id) { overhead { recorded { cents } entries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id date } } } } }
    }
  `);

  it("pages through every entry once, by date then recording order, and counts them all", async () => {
    const dates = ["2024-03-01", "2024-01-15", "2024-02-10", "2024-01-15", "2025-05-20"];
    const recorded = [];
    for (const date of dates) recorded.push(await record({ cents: 1_000, date }));
    const seen: { id: string; date: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const variables: { id: string; first: number; after: string | null } = { id: fx.agreementId, first: 2, after };
      const result = await api.exec(PAGE, variables, { as: "CONSULTANT" });
      const { entries, recorded: sum } = result.data!.fundingAgreement!.overhead;
      expect(entries.totalCount).toBe(5);
      expect(sum.cents).toBe(5_000);
      seen.push(...entries.edges.map((e) => e.node));
      pages++;
      if (!entries.pageInfo.hasNextPage) break;
      after = entries.pageInfo.endCursor ?? null;
    }
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id).sort()).toEqual(recorded.map((e) => e.id).sort());
    expect(seen.map((e) => e.date)).toEqual([...dates].sort());
    // Of two on the same day, the one recorded first comes first.
    expect(seen.filter((e) => e.date === "2024-01-15").map((e) => e.id)).toEqual([recorded[1]!.id, recorded[3]!.id]);
  });

  it("refuses more than 100 a page and a forged cursor", async () => {
    expect(errorOf(await api.exec(PAGE, { id: fx.agreementId, first: 101 }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(PAGE, { id: fx.agreementId, after: "bm9wZQ" }, { as: "CONSULTANT" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("costs the same statements for 43 entries with actions and reversals as for 3", async () => {
    const read = async () => {
      await emptyAggregateCache(api);
      const result = await api.exec(OVERHEAD, { id: fx.agreementId, first: 100 }, { as: "CONSULTANT" });
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, entries: result.data!.fundingAgreement!.overhead.entries.edges.map((e) => e.node) };
    };
    await reverse((await record({ action: 1, cents: 1_000 })).id);
    await record({ cents: 1_000 });
    const small = await read();
    expect(small.entries).toHaveLength(3);
    for (let i = 0; i < 30; i++) {
      const cost = await record({ action: (i % 9) + 1, cents: 1_000 + i });
      if (i % 3 === 0) await reverse(cost.id);
    }
    const large = await read();
    expect(large.entries).toHaveLength(43);
    expect(large.entries.filter((e) => e.reverses)).toHaveLength(11);
    expect(new Set(large.entries.map((e) => e.action?.number)).size).toBe(10);
    expect(large.statements).toBe(small.statements);
  });
});
