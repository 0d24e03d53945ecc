// Files the API serves outside GraphQL, as plain HTTP downloads a browser can save: the same
// context, the same access rules, and typed errors as JSON. Transport-neutral, so the local
// server and the Lambda handler route to it alike.
import { GraphQLError } from "graphql";
import { agreementLoader } from "./funding/agreements.service.js";
import { justificationReport } from "./funding/report.js";
import type { App } from "./server.js";
import { notFound, type ErrorCode } from "./shared/errors.js";
import { fromGlobalId } from "./shared/relay.js";

export interface DownloadRequest {
  path: string;
  authorization?: string | null;
  acceptLanguage?: string | null;
  requestId?: string | null;
}

export interface DownloadResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const REPORT_PATH = /^\/reports\/funding-agreements\/([A-Za-z0-9_-]+)\/justification\.csv$/;

export function isDownload(path: string): boolean {
  return REPORT_PATH.test(path);
}

const STATUS: Record<ErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export async function serveDownload(app: App, request: DownloadRequest): Promise<DownloadResponse> {
  try {
    const ctx = await app.createContext(request);
    const [, globalId = ""] = REPORT_PATH.exec(request.path) ?? [];
    const parsed = fromGlobalId(globalId);
    const agreement = parsed?.type === "FundingAgreement" ? await agreementLoader(ctx).load(parsed.id) : null;
    if (!agreement) throw notFound("FundingAgreement");
    const report = await justificationReport(ctx, agreement);
    app.log({ level: "info", msg: "download", requestId: ctx.requestId, path: "justification.csv", actorRole: ctx.actor.role, sqlStatements: ctx.stats.statements });
    return {
      status: 200,
      headers: { "content-type": report.contentType, "content-disposition": `attachment; filename="${report.filename}"`, "cache-control": "no-store" },
      body: report.content,
    };
  } catch (error) {
    const code = error instanceof GraphQLError ? (error.extensions.code as ErrorCode | undefined) : undefined;
    const status = code ? STATUS[code] : undefined;
    if (!status) app.log({ level: "error", msg: "download failed", name: (error as Error)?.name });
    return {
      status: status ?? 500,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ errors: [status ? { message: (error as Error).message, extensions: { code } } : { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }),
    };
  }
}
