import { hasSource } from "../../shared/metrics.js";
import type { MetricResolvers } from "./../../types.generated.js";

export const Metric: MetricResolvers = {
  hasSource: (metric) => hasSource(metric.key),
};
