// PostGraphile 5 (amber preset, grafserv's node adapter) serving the benchmark database
// read-only, for `npm run bench`. Started as `node --import ./polyfill.mjs server.mjs` (Node 20
// lacks Promise.withResolvers). It runs in its own process from its own node_modules, so its
// graphql copy never meets ours. DATABASE_URL and PORT come from the runner; GET /stats answers
// how many SQL statements this process has sent so far.
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

let statements = 0;
// Every statement of every client of this process goes through Client#query, so counting there
// sees what PostGraphile sends, including any transaction statements.
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const port = Number(process.env.PORT ?? 5005);
// The same pool size as our server (db/client.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // Read-only: the benchmark only reads, and a smaller schema is what a read-only API would serve.
  disablePlugins: ["PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin", "PgMutationPayloadEdgePlugin"],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: { port, graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
// createHandler passes what it does not serve to `next`, which is where /stats lives.
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ statements }));
    return;
  }
  handler(req, res, () => {
    res.writeHead(404);
    res.end();
  });
});
server.listen(port, "127.0.0.1", () => console.log(`postgraphile 5 listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    pgl.release().finally(() => pool.end().finally(() => process.exit(0)));
  });
}
