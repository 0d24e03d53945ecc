// `npm run bench`: figures, not pass/fail. Seeds the sector profile at the sector's full size
// (170,000 employees, 5,000 sessions, 250,000 enrolments; BENCH_SCALE shrinks it) into a fresh
// database: a new database on TEST_DATABASE_URL, else on a PostgreSQL found at 127.0.0.1:5432,
// else PGlite in memory. It times the hot reads: paging through every board with all its
// fields, searching, resolving 100 ids with nodes(), the funding reads, and the addendum's
// progress and settlement and the training reach, those two next to their target (under 50 ms
// on a local PostgreSQL). Each line gives the median (p50) and p95 over BENCH_ROUNDS runs.

import { performance } from "node:perf_hooks";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { sql } from "drizzle-orm";
import pg from "pg";
import { seedDatabase } from "../../db/seed/index.js";
import { createApp } from "../../schema/server.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { graphql } from "../graphql/index.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** Where a local PostgreSQL is looked for when TEST_DATABASE_URL is not given. */
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether a PostgreSQL answers at `url`, within a second. */
async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (!process.env.TEST_DATABASE_URL && (await reachable(LOCAL_POSTGRES))) process.env.TEST_DATABASE_URL = LOCAL_POSTGRES;
// Imported after the choice: the helpers read TEST_DATABASE_URL when they load.
const { createTestDatabase } = await import("../helpers/db.js");
const { devAuth } = await import("../helpers/api.js");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const testDb = await createTestDatabase();
const seedStart = performance.now();
let lastStep = "";
const added = await seedDatabase(
  testDb.database,
  "sector",
  (step, done, total) => {
    if (step !== lastStep || done === total) process.stderr.write(`\r${step}: ${done}/${total}${done === total ? "\n" : ""}`);
    lastStep = done === total ? "" : step;
  },
  { scale: SCALE },
);
console.log(
  `database: ${testDb.database.driver}; seeded at scale ${SCALE} ${added.boards} boards, ${added.organisations} organisations, ${added.invoices ?? 0} invoices, ${added.coFinancingEntries ?? 0} co-financing entries, ` +
    `${added.employees ?? 0} employees, ${added.trainingSessions ?? 0} sessions, ${added.enrolments ?? 0} enrolments in ${Math.round(performance.now() - seedStart)} ms`,
);

const app = createApp({ database: testDb.database, auth: devAuth, log: () => {} });
const consultant = `Bearer ${await signDevToken({ role: "CONSULTANT" })}`;

/** Runs an operation once, anonymously, for the ids and cursors the measured ones need. */
async function once<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>): Promise<TResult> {
  const contextValue = await app.createContext({});
  const response = await app.server.executeOperation({ query: document }, { contextValue });
  if (response.body.kind !== "single" || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
  return response.body.singleResult.data as TResult;
}

async function measure<TResult, TVariables>(
  name: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: () => Promise<TVariables> | TVariables = () => ({}) as TVariables,
  authorization: string | null = null,
  targetMs?: number,
  /** Runs before each round, untimed. */
  prepare?: () => Promise<void>,
) {
  const times: number[] = [];
  let statements = 0;
  for (let i = 0; i < ROUNDS; i++) {
    await prepare?.();
    const vars = (await variables()) as Record<string, unknown>;
    const contextValue = await app.createContext({ authorization });
    const started = performance.now();
    const response = await app.server.executeOperation({ query: document, variables: vars }, { contextValue });
    times.push(performance.now() - started);
    statements = contextValue.stats.statements;
    if (response.body.kind === "single" && response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors));
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const target = targetMs === undefined ? "" : `  target < ${targetMs} ms: ${p95 < targetMs ? "within" : p50 < targetMs ? "median within, p95 OVER" : "OVER"}`;
  console.log(`${name.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  ${statements} SQL statements${target}`);
}

/** The target of the hot reads (issue 9, "Scale"), on a local PostgreSQL. */
const TARGET_MS = 50;

graphql(`fragment BenchBoardFields on Board { id name kind nisCode province population belfiusCluster createdAt updatedAt }`);
await measure("boards(first: 100) with every field and total", graphql(`query BenchBoards { boards(first: 100) { totalCount edges { node { ...BenchBoardFields } } } }`));
await measure(
  "boards(first: 100, after: page 2)",
  graphql(`query BenchBoardsPage2($after: String) { boards(first: 100, after: $after) { edges { node { ...BenchBoardFields } } } }`),
  async () => {
    const { boards } = await once(graphql(`query BenchBoardsEndCursor { boards(first: 100) { pageInfo { endCursor } } }`));
    return { after: boards.pageInfo.endCursor };
  },
);
await measure(
  'boards(filter: { search: "gemeente 1" })',
  graphql(`query BenchBoardsSearch { boards(first: 50, filter: { search: "gemeente 1" }) { totalCount edges { node { name } } } }`),
);
const ids = (await once(graphql(`query BenchBoardIds { boards(first: 100) { edges { node { id } } } }`))).boards.edges.map((e) => e.node.id);
await measure("nodes(ids: 100 boards)", graphql(`query BenchNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Board { name population } } }`), () => ({ ids }));
await measure(
  "organisations(first: 50) in French",
  graphql(`query BenchOrganisationsFrench { organisations(first: 50) { edges { node { name(locale: FR) nameTranslations { nl fr en } } } } }`),
);

await measure(
  "the addendum: structure, progress, settlement",
  graphql(
    `query BenchAddendum { fundingAgreements { edges { node { title tracks { title actions { title partners { name } effortCommitments { met } } } commitments { number met } settlement { payable { cents } explanation } } } } }`,
  ),
  () => ({}),
  consultant,
);
await measure(
  "invoices(first: 100) with payee, boards, history",
  graphql(
    `query BenchInvoices { fundingAgreements { edges { node { invoices(first: 100) { totalCount edges { node { reference amount { cents } payee { name } action { number } boardsServed { name } history { to } } } } } } } }`,
  ),
  () => ({}),
  consultant,
);
await measure(
  "budget and co-financing of 300 boards",
  graphql(
    `query BenchBudgetAndCoFinancing { fundingAgreements { edges { node { budget { total { approved { cents } } } coFinancing { totals { outstanding { cents } } byBoard { board { name } totals { paid { cents } } } } } } } }`,
  ),
  () => ({}),
  consultant,
);
await measure(
  "justification report (CSV) of 1,000 invoices",
  graphql(`query BenchReport { fundingAgreements { edges { node { justificationReport { filename content } } } } }`),
  () => ({}),
  consultant,
);

// Issue 9: the addendum's progress (every commitment's measures, counted from 250,000 enrolments
// and the programme's records) with the settlement live and under a scenario, and the reach of
// the training offer over the agreement's period, overall and per board, training and format.
const PROGRESS = graphql(`
    query BenchProgress {
      fundingAgreements {
        edges {
          node {
            commitments { number met target { ... on MeasuredTarget { measures { metric { key } currentValue met breakdown { label value } } } } }
            settlement { achievedResultCommitments resultPart { cents } eligibleCosts { cents } payable { cents } steps { step amount { cents } text } }
            scenario: settlement(scenario: { achievedResultCommitmentNumbers: [1, 2, 3] }) { payable { cents } steps { step amount { cents } text } }
          }
        }
      }
    }
  `);
// The reach is a cached aggregate (schema/shared/aggregates.ts): counted once after attendance
// changed, read from the cache afterwards. Both are timed: the steady state, and the first read
// after a change (the cache emptied before each round).
await measure("progress: measures, breakdowns and settlement", PROGRESS, () => ({}), consultant, TARGET_MS);
await measure(
  "progress, first read after attendance changed",
  PROGRESS,
  () => ({}),
  consultant,
  TARGET_MS,
  async () => {
    await testDb.database.db.execute(sql`delete from aggregate_cache`);
  },
);
const REACH = graphql(`
  query BenchReach {
    reach(period: { start: "2023-07-01", end: "2025-06-30" }) {
      employees
      byBoard { board { name } employees }
      byTraining { training { title } employees }
      byFormat { format employees }
    }
  }
`);
await measure("reach(period) by board, training and format", REACH, () => ({}), null, TARGET_MS);
await measure(
  "reach, first read after attendance changed",
  REACH,
  () => ({}),
  null,
  TARGET_MS,
  async () => {
    await testDb.database.db.execute(sql`delete from aggregate_cache`);
  },
);

const memory = process.memoryUsage();
console.log(`memory: rss ${Math.round(memory.rss / 1e6)} MB, heap used ${Math.round(memory.heapUsed / 1e6)} MB`);
await testDb.close();
