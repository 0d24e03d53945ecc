// PostGraphile 4 (a library on node:http) serving the benchmark database read-only, for
// `npm run bench`. It runs in its own process from its own node_modules, so its graphql copy never
// meets ours. DATABASE_URL and PORT come from the runner; GET /stats answers how many SQL
// statements this process has sent so far, so the runner can count a read's statements.
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";

let statements = 0;
// Every statement of every client of this process goes through Client#query (pool.query too), so
// counting there sees what PostGraphile sends, including any transaction statements.
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

// The same pool size as our server (db/client.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const middleware = postgraphile(pool, "public", {
  disableDefaultMutations: true,
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  // Read-only, unauthenticated: no role switching, so no per-request transaction.
  ignoreRBAC: true,
  retryOnInitFail: false,
});

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ statements }));
    return;
  }
  middleware(req, res);
});
server.listen(Number(process.env.PORT ?? 5004), "127.0.0.1", () => console.log(`postgraphile 4 listening on ${process.env.PORT ?? 5004}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    pool.end().finally(() => process.exit(0));
  });
}
