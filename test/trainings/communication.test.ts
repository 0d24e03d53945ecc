// Action 9's communication figures: a consultant enters the newsletter's readers and the
// website's visitors from web analytics, the API keeps one channel's figures from overlapping
// (also when two are entered at once) and computes each channel's growth per day against the
// 2021-2022 baseline, in integer basis points. The addendum's effort commitment 9 ("20% meer
// lezers van nieuwsbrief en website") is met by those figures, at its exact edge.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { and, eq } from "drizzle-orm";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { communicationFigures } from "../../db/schema/programme.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { hasSource, measureBreakdown, measureMetric } from "../../schema/shared/metrics.js";
import { growthBasisPoints } from "../../schema/trainings/communication.service.js";
import type { CommunicationFiguresListQuery, RecordCommunicationFigureInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { globalId, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.reseed();
  // These tests count every figure: start from none, whatever the seed holds.
  await api.database.db.delete(communicationFigures);
});

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const RECORD = graphql(`
  mutation CommunicationRecord($input: RecordCommunicationFigureInput!) {
    recordCommunicationFigure(input: $input) { figure { id channel start end audience baseline source viewerCanUpdate } }
  }
`);
const UPDATE = graphql(`
  mutation CommunicationUpdate($input: UpdateCommunicationFigureInput!) {
    updateCommunicationFigure(input: $input) { figure { id channel start end audience baseline source } }
  }
`);
const REMOVE = graphql(`
  mutation CommunicationRemove($id: ID!) {
    removeCommunicationFigure(id: $id) { removedId }
  }
`);
const LIST = graphql(`
  query CommunicationFiguresList($first: Int, $after: String, $channel: CommunicationChannel) {
    communicationFigures(first: $first, after: $after, channel: $channel) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id channel start end audience baseline source viewerCanUpdate } }
    }
  }
`);
const REACH = graphql(`
  query CommunicationReachOf($period: PeriodInput!) {
    communicationReach(period: $period) { start end channels { channel audience days baselineAudience baselineDays growthBasisPoints } }
  }
`);
const NODE = graphql(`
  query CommunicationNode($id: ID!) { node(id: $id) { id ... on CommunicationFigure { channel audience } } }
`);

async function record(input: Partial<RecordCommunicationFigureInput> & Pick<RecordCommunicationFigureInput, "start" | "end">) {
  const data = await api.ok(RECORD, { input: { channel: "NEWSLETTER", audience: 100, ...input } }, { as: CONSULTANT });
  return data.recordCommunicationFigure.figure;
}
const recordError = async (input: Partial<RecordCommunicationFigureInput>, as: Actor = CONSULTANT) =>
  errorOf(await api.exec(RECORD, { input: { channel: "NEWSLETTER", start: "2024-01-01", end: "2024-01-31", audience: 100, ...input } }, { as }));

describe("recording figures", () => {
  it("records a figure, audited with who entered it, with an event carrying no person", async () => {
    const figure = await record({ channel: "WEBSITE", start: "2024-03-01", end: "2024-03-31", audience: 4200, source: "  Google Analytics, export van april 2024 " });
    expect(figure).toMatchObject({
      channel: "WEBSITE",
      start: "2024-03-01",
      end: "2024-03-31",
      audience: 4200,
      baseline: false,
      source: "Google Analytics, export van april 2024",
      viewerCanUpdate: true,
    });
    const [row] = await api.database.db
      .select()
      .from(communicationFigures)
      .where(eq(communicationFigures.id, rowId(figure.id)));
    expect(row).toMatchObject({ enteredBy: "consultant-1", isBaseline: false });
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rowId(figure.id)));
    expect(audit.map((a) => [a.operation, a.actorId, a.before])).toEqual([["recordCommunicationFigure", "consultant-1", null]]);
    expect(audit[0]!.after).toMatchObject({ channel: "WEBSITE", audience: 4200, periodStart: "2024-03-01" });
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, rowId(figure.id)));
    expect(events.map((e) => [e.name, e.payload])).toEqual([["communication.figureChanged", { figureId: figure.id, channel: "WEBSITE", operation: "CREATED" }]]);

    const baseline = await record({ start: "2021-01-01", end: "2022-12-31", audience: 0, baseline: true });
    expect(baseline).toMatchObject({ baseline: true, audience: 0, source: null });
  });

  it("refuses a period that ends before it starts or in the future, a baseline outside 2021-2022, a bad audience or source, naming the field", async () => {
    const today = todayInBrussels();
    expect(await recordError({ start: "2024-02-01", end: "2024-01-31" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.end" });
    expect(await recordError({ start: today, end: addDays(today, 1) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.end" });
    expect(await recordError({ start: "2021-01-01", end: "2023-01-01", baseline: true })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.end" });
    expect(await recordError({ start: "2020-12-31", end: "2021-01-31", baseline: true })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.start" });
    expect(await recordError({ audience: -1 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.audience" });
    // At most 500,000 a day of the figure's period: 31 days here.
    expect(await recordError({ audience: 15_500_001 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.audience" });
    expect(await recordError({ source: "Google\nAnalytics" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.source" });
    expect(await recordError({ source: "x".repeat(501) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.source" });
    expect(await recordError({ start: "2024-02-30", end: "2024-03-01" })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await api.database.db.$count(communicationFigures)).toBe(0);
    // The edges themselves pass: a one-day figure ending today, the baseline's first and last days, 500,000 a day.
    expect(await recordError({ start: today, end: today })).toMatchObject({ code: undefined });
    expect(await recordError({ start: "2021-01-01", end: "2021-01-01", baseline: true })).toMatchObject({ code: undefined });
    expect(await recordError({ start: "2022-12-31", end: "2022-12-31", baseline: true })).toMatchObject({ code: undefined });
    expect(await recordError({ audience: 15_500_000, source: "   " })).toMatchObject({ code: undefined });
    expect(await api.database.db.$count(communicationFigures)).toBe(4);
  });

  it("judges the future in Brussels, not in UTC", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // 30 June 23:30 in Brussels (21:30 UTC): 1 July has not begun.
      vi.setSystemTime(new Date("2026-06-30T21:30:00Z"));
      expect(await recordError({ start: "2026-07-01", end: "2026-07-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.end" });
      // 1 July 00:30 in Brussels, while UTC still says 30 June: a figure of 1 July may be entered.
      vi.setSystemTime(new Date("2026-06-30T22:30:00Z"));
      expect(await recordError({ start: "2026-07-01", end: "2026-07-01" })).toMatchObject({ code: undefined });
    } finally {
      vi.useRealTimers();
    }
  });

  it("never lets figures of one channel overlap, baseline or not, naming the figure in the way", async () => {
    await record({ start: "2024-01-01", end: "2024-01-31" });
    await record({ start: "2022-12-01", end: "2022-12-31", baseline: true });
    for (const [start, end] of [
      ["2024-01-31", "2024-02-29"],
      ["2023-12-01", "2024-01-01"],
      ["2024-01-10", "2024-01-12"],
      ["2023-01-01", "2024-12-31"],
    ] as const) {
      const error = await recordError({ start, end });
      expect(error, `${start}..${end}`).toMatchObject({ code: "CONFLICT", field: "input.start" });
      expect(error.message).toContain("2024-01-01 to 2024-01-31");
    }
    const againstBaseline = await recordError({ start: "2022-12-31", end: "2023-01-15" });
    expect(againstBaseline).toMatchObject({ code: "CONFLICT", field: "input.start" });
    expect(againstBaseline.message).toContain("2022-12-01 to 2022-12-31");
    expect(await recordError({ start: "2022-11-01", end: "2022-12-01", baseline: true })).toMatchObject({ code: "CONFLICT", field: "input.start" });
    // Next to each other, or on the other channel, they pass.
    await record({ start: "2024-02-01", end: "2024-02-29" });
    await record({ start: "2023-01-01", end: "2023-12-31" });
    await record({ channel: "WEBSITE", start: "2024-01-01", end: "2024-01-31" });
    expect(await api.database.db.$count(communicationFigures)).toBe(5);
  });

  it("lets one of many overlapping figures entered at once through, the others CONFLICT", async () => {
    const authorization = `Bearer ${await signDevToken({ role: "CONSULTANT", sub: "consultant-1" })}`;
    // Each request on its own context, so each change takes a connection of its own (PostgreSQL).
    async function run<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables) {
      const contextValue = await api.app.createContext({ authorization });
      const response = await api.app.server.executeOperation({ query: document, variables: variables as Record<string, unknown> }, { contextValue });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as { data?: TResult | null; errors?: readonly GraphQLFormattedError[] };
    }
    // Eight periods that all share 2024-01-08 but none of them the same bounds: only the lock stops them (no unique index does).
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => run(RECORD, { input: { channel: "WEBSITE", start: addDays("2024-01-01", i), end: addDays("2024-01-08", i), audience: 10 } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual(Array.from({ length: 7 }, () => expect.objectContaining({ code: "CONFLICT", field: "input.start" })));
    expect(await api.database.db.$count(communicationFigures)).toBe(1);
    // The other channel is not held up by this one's lock, and neither is refused.
    const both = await Promise.all([
      run(RECORD, { input: { channel: "WEBSITE", start: "2024-03-01", end: "2024-03-31", audience: 10 } }),
      run(RECORD, { input: { channel: "NEWSLETTER", start: "2024-03-01", end: "2024-03-31", audience: 10 } }),
    ]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
  });

  it("corrects the audience and source only, within the same rules, audited, with an event", async () => {
    const figure = await record({ start: "2024-01-01", end: "2024-01-02", audience: 50, source: "GA" });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE, { input: { id: figure.id, ...input } }, { as: CONSULTANT });
    const audience = await update({ audience: 70 });
    expect(audience.data?.updateCommunicationFigure.figure).toMatchObject({ audience: 70, source: "GA", start: "2024-01-01", end: "2024-01-02", channel: "NEWSLETTER" });
    const cleared = await update({ source: null });
    expect(cleared.data?.updateCommunicationFigure.figure).toMatchObject({ audience: 70, source: null });
    expect(errorOf(await update({ audience: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.audience" });
    expect(errorOf(await update({ audience: -5 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.audience" });
    expect(errorOf(await update({ audience: 1_000_001 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.audience" });
    expect(errorOf(await update({ source: "a\u202Eb" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.source" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("CommunicationFigure", MISSING_UUID), audience: 1 } }, { as: CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("LearningTool", MISSING_UUID), audience: 1 } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.id",
    });
    expect((await update({ audience: 1_000_000 })).errors).toBeUndefined();
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(figure.id)), eq(auditLog.operation, "updateCommunicationFigure")));
    expect(audit.map((a) => [(a.before as { audience: number }).audience, (a.after as { audience: number }).audience])).toEqual([
      [50, 70],
      [70, 70],
      [70, 1_000_000],
    ]);
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, rowId(figure.id)));
    expect(events.map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "UPDATED", "UPDATED", "UPDATED"]);
  });

  it("removes a figure, audited with the row as it was, with an event", async () => {
    const figure = await record({ start: "2024-01-01", end: "2024-01-31", audience: 321 });
    const removed = await api.ok(REMOVE, { id: figure.id }, { as: CONSULTANT });
    expect(removed.removeCommunicationFigure.removedId).toBe(figure.id);
    expect((await api.ok(NODE, { id: figure.id })).node).toBeNull();
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(figure.id)), eq(auditLog.operation, "removeCommunicationFigure")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ id: rowId(figure.id), audience: 321, periodStart: "2024-01-01", periodEnd: "2024-01-31", channel: "NEWSLETTER" });
    expect(audit[0]!.after).toBeNull();
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, rowId(figure.id)));
    expect(events.map((e) => e.payload)).toEqual([
      { figureId: figure.id, channel: "NEWSLETTER", operation: "CREATED" },
      { figureId: figure.id, channel: "NEWSLETTER", operation: "REMOVED" },
    ]);
    expect(errorOf(await api.exec(REMOVE, { id: figure.id }, { as: CONSULTANT }))).toMatchObject({ code: "NOT_FOUND", field: "id" });
    // Its days are free again.
    await record({ start: "2024-01-15", end: "2024-02-15" });
  });

  it("is entered, corrected and removed by consultants and admins only; the figures are public", async () => {
    const figure = await record({ start: "2024-01-01", end: "2024-01-31" });
    const others: (Actor | undefined)[] = [
      undefined,
      { role: "BOARD_MEMBER", sub: "m-1", board: MISSING_UUID },
      { role: "PARTNER", sub: "p-1", org: MISSING_UUID },
      { role: "EXPERT", sub: "e-1", org: MISSING_UUID },
    ];
    for (const as of others) {
      const code = as ? "FORBIDDEN" : "UNAUTHENTICATED";
      expect(
        errorOf(await api.exec(RECORD, { input: { channel: "WEBSITE", start: "2024-01-01", end: "2024-01-31", audience: 1 } }, as ? { as } : {})),
        JSON.stringify(as),
      ).toMatchObject({ code });
      expect(errorOf(await api.exec(UPDATE, { input: { id: figure.id, audience: 1 } }, as ? { as } : {}))).toMatchObject({ code });
      expect(errorOf(await api.exec(REMOVE, { id: figure.id }, as ? { as } : {}))).toMatchObject({ code });
      const seen = await api.ok(LIST, {}, as ? { as } : {});
      expect(seen.communicationFigures.edges.map((e) => [e.node.audience, e.node.viewerCanUpdate])).toEqual([[100, false]]);
    }
    expect(
      (await api.exec(RECORD, { input: { channel: "WEBSITE", start: "2024-01-01", end: "2024-01-31", audience: 1 } }, { as: { role: "ADMIN", sub: "admin-1" } })).errors,
    ).toBeUndefined();
    expect(await api.database.db.$count(communicationFigures)).toBe(2);
  });
});

describe("the list", () => {
  it("orders by channel, start and id, filters by channel, and pages", async () => {
    await record({ channel: "WEBSITE", start: "2024-02-01", end: "2024-02-29" });
    await record({ channel: "NEWSLETTER", start: "2024-02-01", end: "2024-02-29" });
    await record({ channel: "WEBSITE", start: "2021-01-01", end: "2022-12-31", baseline: true });
    await record({ channel: "NEWSLETTER", start: "2024-01-01", end: "2024-01-31" });
    await record({ channel: "WEBSITE", start: "2024-01-01", end: "2024-01-31" });
    const expected = [
      ["NEWSLETTER", "2024-01-01"],
      ["NEWSLETTER", "2024-02-01"],
      ["WEBSITE", "2021-01-01"],
      ["WEBSITE", "2024-01-01"],
      ["WEBSITE", "2024-02-01"],
    ];
    const seen: string[][] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: CommunicationFiguresListQuery = await api.ok(LIST, { first: 2, after });
      expect(result.communicationFigures.totalCount).toBe(5);
      seen.push(...result.communicationFigures.edges.map((e) => [e.node.channel, e.node.start]));
      if (!result.communicationFigures.pageInfo.hasNextPage) break;
      after = result.communicationFigures.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(expected);
    const website = await api.ok(LIST, { channel: "WEBSITE" });
    expect(website.communicationFigures.totalCount).toBe(3);
    expect(website.communicationFigures.edges.map((e) => e.node.start)).toEqual(["2021-01-01", "2024-01-01", "2024-02-01"]);
    expect(errorOf(await api.exec(LIST, { after: "nonsense" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("growth against the baseline", () => {
  it("computes the figures within the period per day against the baseline's, rounded down, in integers", () => {
    expect(growthBasisPoints({ audience: 12_000, days: 2, baselineAudience: 10_000, baselineDays: 2 })).toBe(2000);
    expect(growthBasisPoints({ audience: 11_999, days: 1, baselineAudience: 10_000, baselineDays: 1 })).toBe(1999);
    // 12000/60 a day against 109500/730 a day: +33.33...%, rounded down.
    expect(growthBasisPoints({ audience: 12_000, days: 60, baselineAudience: 109_500, baselineDays: 730 })).toBe(3333);
    // Shrinking is negative, rounded down (towards minus infinity: -0.5 bp is -1).
    expect(growthBasisPoints({ audience: 9_000, days: 1, baselineAudience: 10_000, baselineDays: 1 })).toBe(-1000);
    expect(growthBasisPoints({ audience: 19_999, days: 2, baselineAudience: 10_000, baselineDays: 1 })).toBe(-1);
    expect(growthBasisPoints({ audience: 0, days: 5, baselineAudience: 10, baselineDays: 1 })).toBe(-10_000);
    // Products beyond 2^53 stay exact.
    expect(growthBasisPoints({ audience: 1_826_500_000, days: 3653, baselineAudience: 365_000_001, baselineDays: 730 })).toBe(-1);
    // Nothing to compare: no figure on one side, or a baseline of no one.
    expect(growthBasisPoints({ audience: 0, days: 0, baselineAudience: 10, baselineDays: 1 })).toBeNull();
    expect(growthBasisPoints({ audience: 10, days: 1, baselineAudience: 0, baselineDays: 0 })).toBeNull();
    expect(growthBasisPoints({ audience: 10, days: 1, baselineAudience: 0, baselineDays: 730 })).toBeNull();
    // A growth no Int holds is reported as the largest one.
    expect(growthBasisPoints({ audience: 500_000, days: 1, baselineAudience: 1, baselineDays: 730 })).toBe(2_147_483_647);
  });

  it("counts the figures lying entirely within the period and the baseline's, per channel", async () => {
    const PERIOD = { start: "2024-01-01", end: "2024-12-31" };
    const reach = async (period = PERIOD) => {
      const data = await api.ok(REACH, { period });
      return Object.fromEntries(data.communicationReach.channels.map(({ channel, ...rest }) => [channel, rest]));
    };
    expect(await reach()).toEqual({
      NEWSLETTER: { audience: 0, days: 0, baselineAudience: 0, baselineDays: 0, growthBasisPoints: null },
      WEBSITE: { audience: 0, days: 0, baselineAudience: 0, baselineDays: 0, growthBasisPoints: null },
    });
    await record({ start: "2021-01-01", end: "2021-12-31", audience: 36_500, baseline: true });
    await record({ start: "2022-01-01", end: "2022-12-31", audience: 73_000, baseline: true });
    await record({ start: "2024-01-01", end: "2024-01-31", audience: 6_200 });
    await record({ start: "2024-02-01", end: "2024-02-29", audience: 5_800 });
    // Not within: before the period, and straddling its first and its last day.
    await record({ start: "2023-12-01", end: "2023-12-31", audience: 99_999 });
    await record({ start: "2024-12-31", end: "2025-01-01", audience: 99_999 });
    await record({ channel: "WEBSITE", start: "2023-12-30", end: "2024-01-02", audience: 500 });
    const data = await api.ok(REACH, { period: PERIOD });
    expect(data.communicationReach).toMatchObject({ start: "2024-01-01", end: "2024-12-31" });
    expect(await reach()).toEqual({
      NEWSLETTER: { audience: 12_000, days: 60, baselineAudience: 109_500, baselineDays: 730, growthBasisPoints: 3333 },
      WEBSITE: { audience: 0, days: 0, baselineAudience: 0, baselineDays: 0, growthBasisPoints: null },
    });
    // The website: a baseline, and fewer visitors a day than then.
    await record({ channel: "WEBSITE", start: "2022-01-01", end: "2022-12-31", audience: 3_650, baseline: true });
    await record({ channel: "WEBSITE", start: "2024-03-01", end: "2024-03-10", audience: 90 });
    expect((await reach()).WEBSITE).toEqual({ audience: 90, days: 10, baselineAudience: 3_650, baselineDays: 365, growthBasisPoints: -1000 });
    // A wider period takes in what straddled this one.
    expect((await reach({ start: "2023-12-01", end: "2025-01-31" })).NEWSLETTER).toMatchObject({ audience: 12_000 + 2 * 99_999, days: 60 + 31 + 2 });
    // A baseline of no one: no growth to speak of.
    const figures = (await api.ok(LIST, { channel: "NEWSLETTER" })).communicationFigures.edges.map((e) => e.node).filter((f) => f.baseline);
    for (const f of figures) await api.ok(UPDATE, { input: { id: f.id, audience: 0 } }, { as: CONSULTANT });
    expect((await reach()).NEWSLETTER).toMatchObject({ baselineAudience: 0, baselineDays: 730, growthBasisPoints: null });
    // The period is checked as reach's.
    expect(errorOf(await api.exec(REACH, { period: { start: "2024-02-01", end: "2024-01-31" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "period.end" });
    expect(errorOf(await api.exec(REACH, { period: { start: "2020-01-01", end: "2030-01-01" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "period.end" });
  });
});

describe("effort commitment 9", () => {
  const COMMITMENT = graphql(`
    query CommunicationCommitment {
      fundingAgreements { edges { node { commitments(kind: EFFORT) { number met target { __typename ... on MeasuredTarget { measures { metric { key hasSource } comparator targetValue currentValue met breakdown { label value } } } } } } } }
    }
  `);
  const commitment9 = async () => {
    const data = await api.ok(COMMITMENT, {}, { as: CONSULTANT });
    const c = data.fundingAgreements.edges[0]!.node.commitments.find((x) => x.number === 9)!;
    if (c.target.__typename !== "MeasuredTarget") throw new Error("commitment 9 is not measured");
    return { met: c.met, measures: Object.fromEntries(c.target.measures.map((m) => [m.metric.key, m])) };
  };

  // The seeded addendum runs from 1 July 2023 to 30 June 2025; each channel's baseline is 10,000 on one day of 2021.
  async function baseline() {
    for (const channel of ["NEWSLETTER", "WEBSITE"] as const) await record({ channel, start: "2021-06-01", end: "2021-06-01", audience: 10_000, baseline: true });
  }

  it("is met when both channels reach 20% more a day than in 2021-2022, and not at 19.99%", async () => {
    expect(hasSource("communication.newsletterGrowth")).toBe(true);
    expect(hasSource("communication.websiteGrowth")).toBe(true);
    const empty = await commitment9();
    expect(empty.met).toBe(false);
    expect(empty.measures["communication.newsletterGrowth"]).toMatchObject({ comparator: "AT_LEAST", targetValue: 2000, currentValue: 0, met: false });
    await baseline();
    // Two days of the period at 12,000 a day on the newsletter: +20% exactly.
    await record({ channel: "NEWSLETTER", start: "2024-01-01", end: "2024-01-02", audience: 24_000 });
    // The website at 11,999.5 a day: +19.995%, which rounds down to 19.99%.
    const website = await record({ channel: "WEBSITE", start: "2024-01-01", end: "2024-01-02", audience: 23_999 });
    const short = await commitment9();
    expect(short.measures["communication.newsletterGrowth"]).toMatchObject({ currentValue: 2000, met: true });
    expect(short.measures["communication.websiteGrowth"]).toMatchObject({ currentValue: 1999, met: false });
    expect(short.measures["communication.websiteGrowth"]!.breakdown).toEqual([
      { label: "AUDIENCE", value: 23_999 },
      { label: "DAYS", value: 2 },
      { label: "BASELINE_AUDIENCE", value: 10_000 },
      { label: "BASELINE_DAYS", value: 1 },
    ]);
    expect(short.met).toBe(false);
    await api.ok(UPDATE, { input: { id: website.id, audience: 24_000 } }, { as: CONSULTANT });
    const met = await commitment9();
    expect(met.measures["communication.websiteGrowth"]).toMatchObject({ currentValue: 2000, met: true });
    expect(met.met).toBe(true);
  });

  it("counts only the figures within the agreement's period, 0 when the reach shrank, and 0 for a board's scope", async () => {
    await baseline();
    // Straddling the period's first day, and after its last: not counted.
    await record({ channel: "NEWSLETTER", start: "2023-06-30", end: "2023-07-01", audience: 500_000 });
    await record({ channel: "NEWSLETTER", start: "2025-07-01", end: "2025-07-01", audience: 500_000 });
    expect((await commitment9()).measures["communication.newsletterGrowth"]).toMatchObject({ currentValue: 0 });
    // A day within the period and its last day count.
    await record({ channel: "NEWSLETTER", start: "2023-07-02", end: "2023-07-02", audience: 15_000 });
    await record({ channel: "NEWSLETTER", start: "2025-06-30", end: "2025-06-30", audience: 15_000 });
    expect((await commitment9()).measures["communication.newsletterGrowth"]).toMatchObject({ currentValue: 5000, met: true });
    // Fewer visitors than in 2021-2022: a growth of -50%, a metric of 0.
    await record({ channel: "WEBSITE", start: "2024-01-01", end: "2024-01-01", audience: 5_000 });
    expect((await api.ok(REACH, { period: { start: "2023-07-01", end: "2025-06-30" } })).communicationReach.channels[1]).toMatchObject({
      channel: "WEBSITE",
      growthBasisPoints: -5000,
    });
    expect((await commitment9()).measures["communication.websiteGrowth"]).toMatchObject({ currentValue: 0, met: false });

    const db = api.database.db;
    const scopes = [
      { start: "2023-07-01", end: "2025-06-30" },
      { start: "2023-07-02", end: "2023-07-02" },
      { start: "2023-07-01", end: "2025-06-30", boardId: MISSING_UUID },
      { start: "2026-01-01", end: "2026-01-31" },
    ];
    const together = await Promise.all(scopes.map((scope) => measureMetric(db, "communication.newsletterGrowth", scope)));
    const alone = [];
    for (const scope of scopes) alone.push(await measureMetric(db, "communication.newsletterGrowth", scope));
    expect(together).toEqual([5000, 5000, 0, 0]);
    expect(alone).toEqual(together);
    expect(await measureBreakdown(db, "communication.newsletterGrowth", scopes[2]!)).toEqual([
      { label: "AUDIENCE", value: 0 },
      { label: "DAYS", value: 0 },
      { label: "BASELINE_AUDIENCE", value: 0 },
      { label: "BASELINE_DAYS", value: 0 },
    ]);
  });
});

describe("statements", () => {
  const DEEP = graphql(`
    query CommunicationDeep($period: PeriodInput!) {
      communicationFigures(first: 100) { totalCount edges { node { id channel start end audience baseline source viewerCanUpdate } } }
      communicationReach(period: $period) { channels { channel audience days baselineAudience baselineDays growthBasisPoints } }
    }
  `);

  it("costs the same statements for 2 figures as for 60", async () => {
    const read = async () => {
      const result = await api.exec(DEEP, { period: { start: "2023-01-01", end: "2025-12-31" } });
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, figures: result.data!.communicationFigures.totalCount };
    };
    await record({ channel: "NEWSLETTER", start: "2021-01-01", end: "2022-12-31", audience: 1000, baseline: true });
    await record({ channel: "WEBSITE", start: "2024-01-01", end: "2024-01-01" });
    const small = await read();
    expect(small.figures).toBe(2);
    for (let i = 1; i < 30; i++) {
      await record({ channel: "NEWSLETTER", start: addDays("2023-01-01", i * 7), end: addDays("2023-01-01", i * 7 + 6) });
      await record({ channel: "WEBSITE", start: addDays("2024-01-01", i * 7), end: addDays("2024-01-01", i * 7 + 6) });
    }
    const large = await read();
    expect(large.figures).toBe(60);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(3);
  });
});
