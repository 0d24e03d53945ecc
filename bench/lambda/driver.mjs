// Runs in a fresh Node process (bench/lambda.ts starts one per sample): imports one bundled
// Lambda handler and invokes it once with `{ __typename }`, timing the import and the first
// invocation together, as a cold start on Lambda would (the runtime's own start is excluded, as
// it is the same for both handlers). Optionally a second invocation with a real read follows,
// timed on its own. Plain JavaScript, so that no TypeScript loader runs in the measured process.
// Usage: node driver.mjs <bundle.mjs> [<second query>]; prints one JSON line.
import { pathToFileURL } from "node:url";

const [bundle, secondQuery] = process.argv.slice(2);
if (!bundle) throw new Error("usage: node driver.mjs <bundle.mjs> [<second query>]");

let requests = 0;
function event(query) {
  requests += 1;
  return {
    version: "2.0",
    routeKey: "POST /graphql",
    rawPath: "/graphql",
    rawQueryString: "",
    headers: { "content-type": "application/json" },
    requestContext: {
      http: { method: "POST", path: "/graphql", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
      requestId: `bench-${requests}`,
      routeKey: "POST /graphql",
      stage: "$default",
    },
    body: JSON.stringify({ query }),
    isBase64Encoded: false,
  };
}
const context = { awsRequestId: "bench", functionName: "bench", getRemainingTimeInMillis: () => 20_000 };

async function invoke(handler, query) {
  const result = await handler(event(query), context);
  const body = JSON.parse(result.body ?? "null");
  if (result.statusCode !== 200 || body?.errors) throw new Error(`${query} answered ${result.statusCode}: ${result.body}`);
  return body;
}

const started = performance.now();
const cpuStarted = process.cpuUsage();
const { handler } = await import(pathToFileURL(bundle).href);
const imported = performance.now();
await invoke(handler, "{ __typename }");
const first = performance.now();
// CPU time of the same span (user and system, all threads): steadier than wall time on a busy machine.
const cpu = process.cpuUsage(cpuStarted);
let secondMs = null;
if (secondQuery) {
  await invoke(handler, secondQuery);
  secondMs = performance.now() - first;
}
process.stdout.write(`${JSON.stringify({ importMs: imported - started, firstMs: first - imported, coldMs: first - started, cpuMs: (cpu.user + cpu.system) / 1000, secondMs })}\n`);
