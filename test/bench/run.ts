// `npm run bench`: figures, not pass/fail. Seeds the sector profile into a fresh database
// (PGlite in memory, or a new database on TEST_DATABASE_URL) and times the hot reads: paging
// through every board with all its fields, searching, and resolving 100 ids with nodes().
import { performance } from "node:perf_hooks";
import { createApp } from "../../schema/server.js";
import { seedDatabase } from "../../db/seed/index.js";
import { signDevToken } from "../../schema/shared/auth.js";
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

async function measure(name: string, query: string, variables: () => Promise<Record<string, unknown>> | Record<string, unknown> = () => ({}), authorization: string | null = null) {
  const times: number[] = [];
  let statements = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const vars = await variables();
    const contextValue = await app.createContext({ authorization });
    const started = performance.now();
    const response = await app.server.executeOperation({ query, variables: vars }, { contextValue });
    times.push(performance.now() - started);
    statements = contextValue.stats.statements;
    if (response.body.kind === "single" && response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors));
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  ${statements} SQL statements`,
  );
}

const FIELDS = "id name kind nisCode province population belfiusCluster createdAt updatedAt";
await measure("boards(first: 100) with every field and total", `{ boards(first: 100) { totalCount edges { node { ${FIELDS} } } } }`);
await measure("boards(first: 100, after: page 2)", `query($after: String) { boards(first: 100, after: $after) { edges { node { ${FIELDS} } } } }`, async () => {
  const ctx = await app.createContext({});
  const r = await app.server.executeOperation({ query: `{ boards(first: 100) { pageInfo { endCursor } } }` }, { contextValue: ctx });
  return { after: r.body.kind === "single" ? (r.body.singleResult.data as any).boards.pageInfo.endCursor : null };
});
await measure("boards(filter: { search: \"gemeente 1\" })", `{ boards(first: 50, filter: { search: "gemeente 1" }) { totalCount edges { node { name } } } }`);
const ids = await (async () => {
  const ctx = await app.createContext({});
  const r = await app.server.executeOperation({ query: `{ boards(first: 100) { edges { node { id } } } }` }, { contextValue: ctx });
  return r.body.kind === "single" ? (r.body.singleResult.data as any).boards.edges.map((e: any) => e.node.id) : [];
})();
await measure("nodes(ids: 100 boards)", `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Board { name population } } }`, () => ({ ids }));
await measure("organisations(first: 50) in French", `{ organisations(first: 50) { edges { node { name(locale: FR) nameTranslations { nl fr en } } } } }`);

await measure(
  "the addendum: structure, progress, settlement",
  `{ fundingAgreements { edges { node { title tracks { title actions { title partners { name } effortCommitments { met } } } commitments { number met } settlement { payable { cents } explanation } } } } }`,
  () => ({}),
  consultant,
);
await measure(
  "invoices(first: 100) with payee, boards, history",
  `{ fundingAgreements { edges { node { invoices(first: 100) { totalCount edges { node { reference amount { cents } payee { name } action { number } boardsServed { name } history { to } } } } } } } }`,
  () => ({}),
  consultant,
);
await measure("budget and co-financing of 300 boards", `{ fundingAgreements { edges { node { budget { total { approved { cents } } } coFinancing { totals { outstanding { cents } } byBoard { board { name } totals { paid { cents } } } } } } } }`, () => ({}), consultant);

const memory = process.memoryUsage();
console.log(`memory: rss ${Math.round(memory.rss / 1e6)} MB, heap used ${Math.round(memory.heapUsed / 1e6)} MB`);
await testDb.close();
