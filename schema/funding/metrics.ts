// The metric mechanism: every measured commitment names a metric, and a metric is a named,
// documented count owned by the module whose records it counts. The funding module declares
// the metrics its commitments need; each module registers the query behind its metrics when
// it arrives. Until then a metric reads 0 and says it has no source, so progress is never
// typed in and never invented.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";

/** An agreement's period: ISO dates, both inclusive, judged in Europe/Brussels. */
export interface Period {
  start: string;
  end: string;
}

export interface MetricDefinition {
  key: string;
  description: string;
  /** The module that owns the records the metric counts. */
  module: string;
}

export type MetricSource = (db: Executor, period: Period) => Promise<number>;

const definitions = new Map<string, MetricDefinition>();
const sources = new Map<string, MetricSource>();

export function defineMetric(definition: MetricDefinition): void {
  const existing = definitions.get(definition.key);
  if (existing && existing.module !== definition.module) {
    throw new Error(`metric ${definition.key} is already owned by ${existing.module}`);
  }
  definitions.set(definition.key, definition);
}

/** Called by the owning module: the query that counts the metric's records within a period. */
export function registerMetricSource(key: string, source: MetricSource): () => void {
  if (!definitions.has(key)) throw new Error(`unknown metric ${key}; define it first`);
  sources.set(key, source);
  return () => {
    if (sources.get(key) === source) sources.delete(key);
  };
}

export function metricDefinition(key: string): MetricDefinition {
  return definitions.get(key) ?? { key, description: "An undeclared metric", module: "unknown" };
}

export function hasSource(key: string): boolean {
  return sources.has(key);
}

export async function measureMetric(db: Executor, key: string, period: Period): Promise<number> {
  const source = sources.get(key);
  if (!source) return 0;
  const value = await source(db, period);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`metric ${key} produced ${value}, not a count`);
  return value;
}

/** Records whose instant falls within the period's days in Brussels. */
export function withinPeriod(column: AnyColumn | SQL, period: Period): SQL {
  return sql`(${column} >= (${period.start}::date::timestamp at time zone 'Europe/Brussels') and ${column} < ((${period.end}::date + 1)::timestamp at time zone 'Europe/Brussels'))`;
}

// The metrics of the addendum "investeren in talent" 2023-2025. Their records arrive with the
// trainings and trajectories module (roadmap item 3), which registers the sources.
for (const definition of [
  { key: "iao.departments", description: "Distinct departments of boards with an innovative work-organisation (IAO) trajectory", module: "trainings" },
  { key: "iao.boardsReached", description: "Distinct boards reached by IAO trajectories", module: "trainings" },
  { key: "elearning.networkBoards", description: "Distinct boards in the e-learning learning network", module: "trainings" },
  { key: "worktables.meetingsHeld", description: "HRM worktable meetings held", module: "trainings" },
  { key: "leadership.distinctTrajectories", description: "Distinct leadership trajectories offered, for diverse target groups", module: "trainings" },
  { key: "learningTools.published", description: "Learning tools published on the knowledge platform", module: "trainings" },
  { key: "training.distinctEmployeesReached", description: "Distinct employees of boards who attended a training", module: "trainings" },
  { key: "lokaalwerkt.professionsListed", description: "Professions/functions listed on the LokaalWerkt website at the end of the period", module: "trainings" },
]) {
  defineMetric(definition);
}
