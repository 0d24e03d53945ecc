// Files the API serves outside GraphQL, as plain HTTP downloads a browser can save: the same
// context, the same access rules, and typed errors as JSON. Transport-neutral, so the local
// server and the Lambda handler route to it alike.
import { GraphQLError } from "graphql";
import { modules } from "./modules.js";
import { type App, errorLogFields } from "./server.js";
import type { Context } from "./shared/context.js";
import { type ErrorCode, notFound } from "./shared/errors.js";
import type { DownloadRoute } from "./shared/module.js";

export interface DownloadRequest {
  path: string;
  authorization?: string | null;
  acceptLanguage?: string | null;
  requestId?: string | null;
  clientAddress?: string | null;
}

export interface DownloadResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const routes: DownloadRoute[] = modules.flatMap((m) => m.downloads ?? []);

function route(path: string): { route: DownloadRoute; match: RegExpExecArray } | null {
  for (const candidate of routes) {
    const match = candidate.path.exec(path);
    if (match) return { route: candidate, match };
  }
  return null;
}

export function isDownload(path: string): boolean {
  return route(path) !== null;
}

// SERVICE_UNAVAILABLE: the identity provider could not be asked about the token.
const STATUS: Record<ErrorCode | "SERVICE_UNAVAILABLE", number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

export async function serveDownload(app: App, request: DownloadRequest): Promise<DownloadResponse> {
  let ctx: Context | undefined;
  try {
    ctx = await app.createContext(request);
    const found = route(request.path);
    if (!found) throw notFound("download", "path");
    const report = await found.route.serve(ctx, found.match);
    if ("redirect" in report) {
      app.log({ level: "info", msg: "download redirected", requestId: ctx.requestId, actorRole: ctx.actor.role, sqlStatements: ctx.stats.statements });
      return { status: 302, headers: { location: report.redirect, "cache-control": "no-store" }, body: "" };
    }
    app.log({ level: "info", msg: "download", requestId: ctx.requestId, path: report.filename, actorRole: ctx.actor.role, sqlStatements: ctx.stats.statements });
    return {
      status: 200,
      headers: {
        "content-type": report.contentType,
        "content-disposition": `${report.inline ? "inline" : "attachment"}; filename="${report.filename}"`,
        "cache-control": "no-store",
      },
      body: report.content,
    };
  } catch (error) {
    const code = error instanceof GraphQLError ? (error.extensions.code as keyof typeof STATUS | undefined) : undefined;
    const status = code ? STATUS[code] : undefined;
    // The request id and the database's error code, never the message (it may hold SQL or personal data).
    if (!status) app.log({ level: "error", msg: "download failed", requestId: ctx?.requestId ?? request.requestId ?? null, ...errorLogFields(error) });
    return {
      status: status ?? 500,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        errors: [status ? { message: (error as Error).message, extensions: { code } } : { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      }),
    };
  }
}
