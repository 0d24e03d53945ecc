// What a module is, to the rest of the API: one descriptor its folder exports, listing what it
// adds to the shared mechanisms. schema/modules.ts composes the descriptors; nothing else in
// the code keeps a list of modules' types, routes, events, rules or metrics.
import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database, Tx } from "../../db/client.js";
import type { Context } from "./context.js";
import type { AnyEventDefinition } from "./events.js";
import type { MetricBreakdown, MetricDefinition, MetricSource } from "./metrics.js";
import type { PolicyAction } from "./policy.js";

/** Resolves a row id of one Node type for `node(id)`; null when missing or not visible to the actor. */
export type NodeFetcher = (ctx: Context, id: string) => Promise<object | null>;

export interface DownloadFile {
  filename: string;
  contentType: string;
  content: string;
  /** Shown in the browser (a page such as a confirmation) rather than saved. */
  inline?: boolean;
}

/** Where to find the file instead: a short-lived link elsewhere (an object store's), answered with 302. */
export interface DownloadRedirect {
  redirect: string;
}

/** A file served over plain HTTP GET beside GraphQL, with the same context and access rules. */
export interface DownloadRoute {
  /** Matched against the request path; its groups go to `serve`. */
  path: RegExp;
  serve(ctx: Context, match: RegExpExecArray): Promise<DownloadFile | DownloadRedirect>;
}

/** One row of the authorization matrix: a root field, mutation, subscription or protected field. */
export interface AccessRow {
  /** "Query.boards", "Mutation.approveInvoice", "FundingAgreement.settlement". */
  field: string;
  /** The action it needs, or "public" for fields everyone may use. */
  action: PolicyAction<never> | "public";
  /** What the matrix should add, e.g. how a field answers for someone not allowed. */
  note?: string;
}

export type SeedProfile = "sources" | "sector";
export type SeedProgress = (step: string, done: number, total: number) => void;

/** Adds what the database lacks of one profile's data; returns how many rows of each kind it added. */
export interface SeedOptions {
  /**
   * The sector profile's size as a fraction of the sector's (170,000 employees, 5,000 sessions,
   * 250,000 enrolments): 1, the default, is the full size; tests pass a small scale so that CI
   * stays fast. A step whose size is fixed (the boards, the invoices) ignores it.
   */
  scale?: number;
}

export type SeedStep = (database: Database, progress: SeedProgress, options: SeedOptions) => Promise<{ [kind: string]: number | undefined }>;

/**
 * A `sources` step that runs once: on a database whose `table` is still empty, `write` adds the
 * module's rows in one transaction and says how many of each kind; `kind` is the step's name in
 * the progress reports and the count it reports.
 */
export function seedOnce(table: PgTable, kind: string, write: (tx: Tx) => Promise<{ [kind: string]: number }>): SeedStep {
  return async (database, progress) => {
    const [existing] = await database.db.select({ n: count() }).from(table);
    if ((existing?.n ?? 0) > 0) return {};
    const added = await database.db.transaction(write);
    progress(kind, added[kind] ?? 0, added[kind] ?? 0);
    return added;
  };
}

export interface ModuleDescriptor {
  name: string;
  /** Node types of this module, by GraphQL type name. */
  nodes?: Record<string, NodeFetcher>;
  metrics?: {
    /** Metrics this module counts, with the query behind each. */
    defines?: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[];
    /** Metric keys this module's records need from others, with what they mean and who is expected to count them. */
    needs?: MetricDefinition[];
  };
  downloads?: DownloadRoute[];
  events?: AnyEventDefinition[];
  policies?: PolicyAction<never>[];
  access?: AccessRow[];
  /**
   * The module's part of seeding. Every module's `sources` step runs before any `sector` step,
   * so synthetic data can build on every module's real data. A step imports its data inside
   * (`await import(...)`): every cold start loads the descriptors, none runs a seed.
   */
  seed?: { sources?: SeedStep; sector?: SeedStep };
}

export function defineModule(descriptor: ModuleDescriptor): ModuleDescriptor {
  return descriptor;
}
