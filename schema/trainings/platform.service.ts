// Placeholder: the platform part of the trainings module is being built (see /tmp/helpers).
import type { MetricBreakdown, MetricDefinition, MetricSource } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";

/** Node types of this part, for node(id). */
export const platformNodes: Record<string, NodeFetcher> = {};

/** The metrics this part counts, with their queries. */
export const platformMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [];
