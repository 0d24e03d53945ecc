// The metric mechanism: every measured commitment names a metric, and a metric is a named,
// documented count owned by the module whose records it counts. A module that needs a metric
// (funding, for its commitments) names its key, what it means and which module is expected to
// count it; the module that counts it defines it with its query. Until a source exists a
// metric reads 0 and says it has no source, so progress is never typed in and never invented.
// The registry is filled from the module descriptors (schema/modules.ts).
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";

/** An agreement's period: ISO dates, both inclusive, judged in Europe/Brussels. */
export interface Period {
  start: string;
  end: string;
}

/** What a metric counts within: a period, and optionally one board (for a board's own page). */
export interface MetricScope extends Period {
  boardId?: string;
}

export interface MetricDefinition {
  key: string;
  description: string;
  /** The module that owns the records the metric counts. */
  module: string;
}

export type MetricSource = (db: Executor, scope: MetricScope) => Promise<number>;

/** One part of a metric's value, for a judge to see how it divides (a calendar year, a target level). */
export interface MetricPart {
  label: string;
  value: number;
}

/**
 * How a metric's value divides, where that matters to a judge: worktable meetings per calendar
 * year, leadership trajectories per target level. The parts need not add up to the value (a
 * trajectory covers several levels).
 */
export type MetricBreakdown = (db: Executor, scope: MetricScope) => Promise<MetricPart[]>;

const definitions = new Map<string, MetricDefinition>();
const needed = new Map<string, MetricDefinition>();
const sources = new Map<string, MetricSource>();
const breakdowns = new Map<string, MetricBreakdown>();

/** Called for the module that counts the metric. */
export function defineMetric(definition: MetricDefinition, source?: MetricSource, breakdown?: MetricBreakdown): void {
  const existing = definitions.get(definition.key);
  if (existing && existing.module !== definition.module) {
    throw new Error(`metric ${definition.key} is already owned by ${existing.module}`);
  }
  definitions.set(definition.key, definition);
  if (source) sources.set(definition.key, source);
  if (breakdown) breakdowns.set(definition.key, breakdown);
}

/** Called for a module that needs a metric another module is expected to count. */
export function needMetric(definition: MetricDefinition): void {
  if (!needed.has(definition.key)) needed.set(definition.key, definition);
}

/** Sources registered over a metric's own, newest last (tests stand in for a module's records). */
const registered = new Map<string, MetricSource[]>();

/**
 * Registers the query behind a defined or needed metric, over the source the metric already has;
 * returns its removal (for tests), after which the newest other source counts again, and in the
 * end the one the owning module defined.
 */
export function registerMetricSource(key: string, source: MetricSource): () => void {
  if (!definitions.has(key) && !needed.has(key)) throw new Error(`unknown metric ${key}; define it first`);
  const entry: MetricSource = (db, scope) => source(db, scope);
  registered.set(key, [...(registered.get(key) ?? []), entry]);
  return () => {
    const remaining = (registered.get(key) ?? []).filter((s) => s !== entry);
    if (remaining.length > 0) registered.set(key, remaining);
    else registered.delete(key);
  };
}

function sourceOf(key: string): MetricSource | undefined {
  return registered.get(key)?.at(-1) ?? sources.get(key);
}

export function metricDefinition(key: string): MetricDefinition {
  return definitions.get(key) ?? needed.get(key) ?? { key, description: "An undeclared metric", module: "unknown" };
}

/** Whether a module defines or needs the metric: only such keys may be measured. */
export function isDeclaredMetric(key: string): boolean {
  return definitions.has(key) || needed.has(key);
}

export function hasSource(key: string): boolean {
  return sourceOf(key) !== undefined;
}

export async function measureMetric(db: Executor, key: string, scope: MetricScope): Promise<number> {
  const source = sourceOf(key);
  if (!source) return 0;
  const value = await source(db, scope);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`metric ${key} produced ${value}, not a count`);
  return value;
}

/** The metric's parts within the scope; none for a metric that does not divide (or has no source). */
export async function measureBreakdown(db: Executor, key: string, scope: MetricScope): Promise<MetricPart[]> {
  const breakdown = breakdowns.get(key);
  return breakdown ? breakdown(db, scope) : [];
}

/** Records whose instant falls within the period's days in Brussels. */
export function withinPeriod(column: AnyColumn | SQL, period: Period): SQL {
  return sql`(${column} >= (${period.start}::date::timestamp at time zone 'Europe/Brussels') and ${column} < ((${period.end}::date + 1)::timestamp at time zone 'Europe/Brussels'))`;
}
