// The typed errors of the API. Expected failures carry an `extensions.code` a client can
// branch on; anything else is masked by `maskError` so no stack trace or SQL reaches a client.

import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ZodError } from "zod";

export type ErrorCode = "BAD_USER_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED";

export interface FieldIssue {
  field: string;
  message: string;
}

export function badInput(field: string, message: string): GraphQLError {
  return badInputs([{ field, message }]);
}

export function badInputs(issues: FieldIssue[]): GraphQLError {
  const first = issues[0] ?? { field: "input", message: "is invalid" };
  const summary = issues.map((i) => `${i.field} ${i.message}`).join("; ");
  return new GraphQLError(`Invalid input: ${summary}`, {
    extensions: { code: "BAD_USER_INPUT", field: first.field, reason: first.message, issues },
  });
}

export function fromZodError(error: ZodError, prefix?: string): GraphQLError {
  return badInputs(
    error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "input",
      message: issue.message,
    })),
  );
}

export function unauthenticated(message = "You must be signed in to do this"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

export function forbidden(message = "You are not allowed to do this"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

export function notFound(type: string, field = "id"): GraphQLError {
  return new GraphQLError(`No ${type} with this ${field}`, { extensions: { code: "NOT_FOUND", field } });
}

/** A state conflict: the request is well formed, but the object is not in a state that allows it. */
export function conflict(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "CONFLICT", field } });
}

/**
 * Too many attempts of one kind for one key (an address, a project) in a window: try again after
 * `retryAfterSeconds`. HTTP 429 where the transport sets a status.
 */
export function rateLimited(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "RATE_LIMITED", retryAfterSeconds, http: { status: 429 } } });
}

/** Codes whose message was written for the client and may be shown as is. */
const PUBLIC_CODES = new Set([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * Apollo's formatError: keeps typed errors, replaces everything else by a generic internal
 * error, and never lets a stack trace through. `report` receives the original for logging.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, report: (error: unknown) => void = () => {}): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
  if (typeof code === "string" && PUBLIC_CODES.has(code)) {
    return { ...formatted, extensions };
  }
  report(unwrapResolverError(error));
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** PostgreSQL's unique_violation, with the constraint it broke, so services can name the field. */
export function uniqueViolation(error: unknown): string | null {
  let e: unknown = error;
  // drizzle wraps driver errors; walk the cause chain.
  for (let depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505") return typeof candidate.constraint === "string" ? candidate.constraint : "";
    e = candidate.cause;
  }
  return null;
}
