// Drives the API the way a client does: real GraphQL operations through Apollo against a real
// database, as any actor, reporting how many SQL statements each operation cost.
import type { GraphQLFormattedError } from "graphql";
import { createApp, type App, type LogEntry } from "../../schema/server.js";
import { DEV_ISSUER, DEV_SECRET, signDevToken, type Role } from "../../schema/shared/auth.js";
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
}

export interface ExecResult<T> {
  data: T | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  statements: number;
  /** Statements that changed data. */
  writes: number;
}

export interface TestApi extends TestDatabase {
  app: App;
  logs: LogEntry[];
  exec<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: ExecOptions): Promise<ExecResult<T>>;
  /** Like exec, but fails the test on any error and returns the data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: ExecOptions): Promise<T>;
}

export async function token(actor: Actor | Role): Promise<string> {
  const claims = typeof actor === "string" ? { role: actor } : actor;
  return signDevToken(claims);
}

export const devAuth = { mode: "dev" as const, stage: "test", secret: DEV_SECRET, issuer: DEV_ISSUER };

export async function createTestApi(): Promise<TestApi> {
  const testDb = await createTestDatabase();
  const logs: LogEntry[] = [];
  const app = createApp({ database: testDb.database, auth: devAuth, log: (entry) => logs.push(entry) });

  const exec: TestApi["exec"] = async (query, variables, options = {}) => {
    const authorization = options.authorization ?? (options.as ? `Bearer ${await token(options.as)}` : null);
    const contextValue = await app.createContext({ authorization, acceptLanguage: options.acceptLanguage ?? null });
    const response = await app.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors } = response.body.singleResult;
    return { data: data as never, errors, statements: contextValue.stats.statements, writes: contextValue.stats.writes };
  };

  return {
    ...testDb,
    app,
    logs,
    exec,
    async ok(query, variables, options) {
      const result = await exec(query, variables, options);
      if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
      return result.data as never;
    },
    async close() {
      await app.server.stop();
      await testDb.close();
    },
  };
}

/** The first error's code and field, the shape every typed error has. */
export function errorOf(result: { errors?: readonly GraphQLFormattedError[] | undefined }) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}
