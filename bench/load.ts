// HTTP load with autocannon: a fixed number of connections POSTing one GraphQL operation for a
// fixed time. Every response must be a 2xx carrying exactly the body checked before the window
// (autocannon's expectBody), so a GraphQL error or a changed answer under load fails the run
// instead of being counted as a fast request.

import autocannon from "autocannon";

export interface Window {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export interface Request {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** Sends the request once and returns the response text; throws on a non-2xx or GraphQL errors. */
export async function checkedPost(request: Request): Promise<string> {
  const response = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${request.url} answered ${response.status}: ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as { errors?: unknown };
  if (parsed.errors) throw new Error(`${request.url} answered GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`);
  return text;
}

export async function load(request: Request, options: { connections: number; seconds: number; expectBody: string }): Promise<Window> {
  const result = await autocannon({
    url: request.url,
    method: "POST",
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    duration: options.seconds,
    expectBody: options.expectBody,
  });
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failed > 0) {
    throw new Error(
      `${request.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} answers that differ from the checked one, out of ${result.requests.total}`,
    );
  }
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: result.requests.total };
}
