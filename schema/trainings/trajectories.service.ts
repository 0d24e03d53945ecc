// Placeholder: the trajectories part of the trainings module is being built (see /tmp/helpers).
import type { MetricBreakdown, MetricDefinition, MetricSource } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";

/** Node types of this part, for node(id). */
export const trajectoriesNodes: Record<string, NodeFetcher> = {};

/** The metrics this part counts, with their queries. */
export const trajectoriesMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [];
