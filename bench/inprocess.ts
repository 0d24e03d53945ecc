// The in-process part of the benchmark: our API's heavier reads executed without HTTP
// (Apollo's executeOperation, one context per run as a request would have), each timed over
// BENCH_INPROCESS_ROUNDS runs (20) after an untimed one, with its p50 and p95 and the SQL
// statements it sent. The addendum's progress and settlement and the training reach stand next to
// their target (issue 9: under 50 ms on a local PostgreSQL). It also counts the statements of each
// HTTP benchmark read, the same way.

import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { createApp } from "../schema/server.js";
import { authConfigFromEnv, signDevToken } from "../schema/shared/auth.js";

export interface InProcessFigure {
  name: string;
  p50Ms: number;
  p95Ms: number;
  statements: number;
  targetMs?: number;
}

/** The target of the hot reads (issue 9, "Scale"), on a local PostgreSQL. */
const TARGET_MS = 50;

const BOARD_FIELDS = "id name kind nisCode province population belfiusCluster createdAt updatedAt";
const PROGRESS = `query BenchProgress { fundingAgreements { edges { node {
  commitments { number met target { ... on MeasuredTarget { measures { metric { key } currentValue met breakdown { label value } } } } }
  settlement { achievedResultCommitments resultPart { cents } eligibleCosts { cents } payable { cents } steps { step amount { cents } text } }
  scenario: settlement(scenario: { achievedResultCommitmentNumbers: [1, 2, 3] }) { payable { cents } steps { step amount { cents } text } } } } } }`;
const REACH = `query BenchReach { reach(period: { start: "2023-07-01", end: "2025-06-30" }) {
  employees byBoard { board { name } employees } byTraining { training { title } employees } byFormat { format employees } } }`;

export interface InProcessBench {
  /** Runs `query` once and returns the statements it sent; throws on errors. */
  statementsOf(query: string, consultant?: boolean): Promise<number>;
  measureAll(rounds: number, onLine: (figure: InProcessFigure) => void): Promise<InProcessFigure[]>;
}

export async function inProcessBench(database: Database): Promise<InProcessBench> {
  // No outbox relay: the benchmark only reads, and a relay would hold a listening connection open.
  const app = createApp({ database, auth: authConfigFromEnv(), log: () => {}, relay: false });
  const consultant = `Bearer ${await signDevToken({ role: "CONSULTANT" })}`;

  async function run(query: string, variables: Record<string, unknown>, authorization: string | null): Promise<{ data: Record<string, unknown>; statements: number; ms: number }> {
    const contextValue = await app.createContext({ authorization });
    const started = performance.now();
    const response = await app.server.executeOperation({ query, variables }, { contextValue });
    const ms = performance.now() - started;
    if (response.body.kind !== "single" || response.body.singleResult.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(response.body).slice(0, 300)}`);
    return { data: response.body.singleResult.data as Record<string, unknown>, statements: contextValue.stats.statements, ms };
  }

  async function measure(
    rounds: number,
    name: string,
    query: string,
    options: { variables?: () => Promise<Record<string, unknown>> | Record<string, unknown>; consultant?: boolean; targetMs?: number; prepare?: () => Promise<void> } = {},
  ): Promise<InProcessFigure> {
    const times: number[] = [];
    let statements = 0;
    // One untimed run first: a steady-state line must not time the cache the previous line emptied.
    await options.prepare?.();
    await run(query, (await options.variables?.()) ?? {}, options.consultant ? consultant : null);
    for (let i = 0; i < rounds; i++) {
      await options.prepare?.();
      const result = await run(query, (await options.variables?.()) ?? {}, options.consultant ? consultant : null);
      times.push(result.ms);
      statements = result.statements;
    }
    times.sort((a, b) => a - b);
    return { name, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), statements, targetMs: options.targetMs };
  }

  const emptyAggregateCache = async () => {
    await database.db.execute(sql`delete from aggregate_cache`);
  };

  return {
    statementsOf: async (query, asConsultant = false) => (await run(query, {}, asConsultant ? consultant : null)).statements,
    async measureAll(rounds, onLine) {
      const firstPage = await run(`query BenchBoardsEndCursor { boards(first: 100) { pageInfo { endCursor } edges { node { id } } } }`, {}, null);
      const boards = firstPage.data.boards as { pageInfo: { endCursor: string }; edges: { node: { id: string } }[] };
      const ids = boards.edges.map((e) => e.node.id);
      const lines: Array<[string, string, Parameters<typeof measure>[3]?]> = [
        ["boards(first: 100) with every field and total", `query BenchBoards { boards(first: 100) { totalCount edges { node { ${BOARD_FIELDS} } } } }`],
        [
          "boards(first: 100, after: page 2)",
          `query BenchBoardsPage2($after: String) { boards(first: 100, after: $after) { edges { node { ${BOARD_FIELDS} } } } }`,
          { variables: () => ({ after: boards.pageInfo.endCursor }) },
        ],
        ['boards(filter: { search: "gemeente 1" })', `query BenchBoardsSearch { boards(first: 50, filter: { search: "gemeente 1" }) { totalCount edges { node { name } } } }`],
        ["nodes(ids: 100 boards)", "query BenchNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Board { name population } } }", { variables: () => ({ ids }) }],
        ["organisations(first: 50) in French", "query BenchOrganisationsFrench { organisations(first: 50) { edges { node { name(locale: FR) nameTranslations { nl fr en } } } } }"],
        [
          "the addendum: structure, progress, settlement",
          `query BenchAddendum { fundingAgreements { edges { node { title tracks { title actions { title partners { name } effortCommitments { met } } } commitments { number met } settlement { payable { cents } explanation } } } } }`,
          { consultant: true },
        ],
        [
          "invoices(first: 100) with payee, boards, history",
          `query BenchInvoices { fundingAgreements { edges { node { invoices(first: 100) { totalCount edges { node { reference amount { cents } payee { name } action { number } boardsServed { name } history { to } } } } } } } }`,
          { consultant: true },
        ],
        [
          "budget and co-financing of 300 boards",
          `query BenchBudgetAndCoFinancing { fundingAgreements { edges { node { budget { total { approved { cents } } } coFinancing { totals { outstanding { cents } } byBoard { board { name } totals { paid { cents } } } } } } } }`,
          { consultant: true },
        ],
        [
          "justification report (CSV) of 1,000 invoices",
          "query BenchReport { fundingAgreements { edges { node { justificationReport { filename content } } } } }",
          { consultant: true },
        ],
        [
          "trainings with 5 sessions each, public (free seats only)",
          "query BenchTrainingsPublic { trainings(first: 100) { edges { node { title sessions(first: 5) { edges { node { startsAt capacity } } } } } } }",
        ],
        [
          "trainings with 5 sessions each, as a consultant",
          "query BenchTrainingsConsultant { trainings(first: 100) { edges { node { title sessions(first: 5) { edges { node { startsAt capacity } } } } } } }",
          { consultant: true },
        ],
        // The reach is a cached aggregate (schema/shared/aggregates.ts): counted once after
        // attendance changed, read from the cache afterwards. Both are timed: the steady state, and
        // the first read after a change (the cache emptied before each run, untimed).
        ["progress: measures, breakdowns and settlement", PROGRESS, { consultant: true, targetMs: TARGET_MS }],
        ["progress, first read after attendance changed", PROGRESS, { consultant: true, targetMs: TARGET_MS, prepare: emptyAggregateCache }],
        ["reach(period) by board, training and format", REACH, { targetMs: TARGET_MS }],
        ["reach, first read after attendance changed", REACH, { targetMs: TARGET_MS, prepare: emptyAggregateCache }],
      ];
      const figures: InProcessFigure[] = [];
      for (const [name, query, options] of lines) {
        const figure = await measure(rounds, name, query, options);
        figures.push(figure);
        onLine(figure);
      }
      return figures;
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** "within", "median within, p95 OVER" or "OVER" the figure's target; empty without one. */
export function targetVerdict(figure: InProcessFigure): string {
  if (figure.targetMs === undefined) return "";
  if (figure.p95Ms < figure.targetMs) return "within";
  return figure.p50Ms < figure.targetMs ? "median within, p95 OVER" : "OVER";
}
