// Drives the API the way a client does: real GraphQL operations through Apollo against a real
// database, as any actor, reporting how many SQL statements each operation cost. Operations are
// typed documents (`graphql(...)` from test/graphql/, made by `npm run codegen`), so a test that
// asks for a field the schema no longer has fails to compile. Each operation is named (unique
// across test/); shared selections are fragments, declared with `graphql(...)` too and spread by
// name, since the documents cannot interpolate strings.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { type App, createApp, type LogEntry } from "../../schema/server.js";
import { DEV_ISSUER, DEV_SECRET, type Role, signDevToken } from "../../schema/shared/auth.js";
import type { AppServices } from "../../schema/shared/context.js";
import { mailerFromEnv } from "../../schema/shared/mailer.js";
import { objectStoreFromEnv } from "../../schema/shared/storage.js";
import { createTestDatabase, type TestDatabase } from "./db.js";

export interface Actor {
  role: Role;
  sub?: string;
  board?: string;
  org?: string;
}

export interface ExecOptions {
  as?: Actor | Role;
  /** A raw Authorization header, for testing bad tokens. */
  authorization?: string;
  acceptLanguage?: string;
  /** The network address the request comes from (for limits per address). */
  clientAddress?: string;
}

export interface ExecResult<T> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  statements: number;
  /** Statements that changed data. */
  writes: number;
}

/** An operation's variables and the options: the variables may be left out when none is required. */
export type OperationArgs<TVariables> = Record<never, never> extends TVariables ? [variables?: TVariables, options?: ExecOptions] : [variables: TVariables, options?: ExecOptions];

export interface TestApi extends TestDatabase {
  app: App;
  services: AppServices;
  /** A temporary folder of this API's own: the local mailer writes under mail/, the object store under storage/. */
  dataDir: string;
  logs: LogEntry[];
  exec<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...args: OperationArgs<TVariables>): Promise<ExecResult<TResult>>;
  /** Like exec, but fails the test on any error and returns the data. */
  ok<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...args: OperationArgs<TVariables>): Promise<TResult>;
  /**
   * Sends a document as text, untyped and unchecked by codegen. Only for a document that has to be
   * invalid or unparseable, or a test of the validation of documents themselves; every other
   * operation goes through exec or ok.
   */
  execRaw(query: string, variables?: Record<string, unknown>, options?: ExecOptions): Promise<ExecResult<Record<string, unknown>>>;
}

export async function token(actor: Actor | Role): Promise<string> {
  const claims = typeof actor === "string" ? { role: actor } : actor;
  return signDevToken(claims);
}

export const devAuth = { mode: "dev" as const, stage: "test", secret: DEV_SECRET, issuer: DEV_ISSUER };

export interface TestApiOptions {
  /** The mailer and object store; by default the local ones, in a temporary folder of this file's own (`dataDir`). */
  services?: AppServices;
}

export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const testDb = await createTestDatabase();
  const logs: LogEntry[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "talent-test-"));
  const services = options.services ?? { mailer: mailerFromEnv({ MAIL_DIR: join(dataDir, "mail") }), storage: objectStoreFromEnv({ STORAGE_DIR: join(dataDir, "storage") }) };
  const app = createApp({ database: testDb.database, auth: devAuth, log: (entry) => logs.push(entry), services });

  // Apollo prints a document it is given, so a typed document and its text run the same way.
  async function run(query: string | DocumentNode, variables: Record<string, unknown> | undefined, options: ExecOptions = {}): Promise<ExecResult<never>> {
    const authorization = options.authorization ?? (options.as ? `Bearer ${await token(options.as)}` : null);
    const contextValue = await app.createContext({ authorization, acceptLanguage: options.acceptLanguage ?? null, clientAddress: options.clientAddress ?? null });
    const response = await app.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors } = response.body.singleResult;
    return { data: data as never, errors, statements: contextValue.stats.statements, writes: contextValue.stats.writes };
  }

  const exec: TestApi["exec"] = (document, ...[variables, options]) => run(document, variables as Record<string, unknown> | undefined, options);

  return {
    ...testDb,
    app,
    services,
    dataDir,
    logs,
    exec,
    async ok(document, ...args) {
      const result = await exec(document, ...args);
      if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
      return result.data as never;
    },
    execRaw: (query, variables, options) => run(query, variables, options),
    async close() {
      await app.server.stop();
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first error's code and field, the shape every typed error has. */
export function errorOf(result: { errors?: readonly GraphQLFormattedError[] | undefined }) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}
