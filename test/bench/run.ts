// `npm run bench`: figures, not pass/fail. Seeds the sector profile into a fresh database
// (PGlite in memory, or a new database on TEST_DATABASE_URL) and times the hot reads: paging
// through every board with all its fields, searching, and resolving 100 ids with nodes().
import { performance } from "node:perf_hooks";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { seedDatabase } from "../../db/seed/index.js";
import { createApp } from "../../schema/server.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { graphql } from "../graphql/index.js";
import { devAuth } from "../helpers/api.js";
import { createTestDatabase } from "../helpers/db.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const testDb = await createTestDatabase();
const seedStart = performance.now();
const added = await seedDatabase(testDb.database, "sector");
console.log(
  `database: ${testDb.database.driver}; seeded ${added.boards} boards, ${added.organisations} organisations, ${added.invoices ?? 0} invoices, ${added.coFinancingEntries ?? 0} co-financing entries in ${Math.round(performance.now() - seedStart)} ms`,
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
) {
  const times: number[] = [];
  let statements = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const vars = (await variables()) as Record<string, unknown>;
    const contextValue = await app.createContext({ authorization });
    const started = performance.now();
    const response = await app.server.executeOperation({ query: document, variables: vars }, { contextValue });
    times.push(performance.now() - started);
    statements = contextValue.stats.statements;
    if (response.body.kind === "single" && response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors));
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  ${statements} SQL statements`);
}

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

const memory = process.memoryUsage();
console.log(`memory: rss ${Math.round(memory.rss / 1e6)} MB, heap used ${Math.round(memory.heapUsed / 1e6)} MB`);
await testDb.close();
