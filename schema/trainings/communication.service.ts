// Placeholder: the communication part of the trainings module is being built (see /tmp/helpers).
import type { MetricBreakdown, MetricDefinition, MetricSource } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";

/** Node types of this part, for node(id). */
export const communicationNodes: Record<string, NodeFetcher> = {};

/** The metrics this part counts, with their queries. */
export const communicationMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [];
