import { metricDefinition } from "../../shared/metrics.js";
import type { MeasureResolvers } from "./../../types.generated.js";
import { currentValue, measureMet, metricBreakdowns } from "../commitments.service.js";

export const Measure: MeasureResolvers = {
  metric: (measure) => metricDefinition(measure.metric),
  currentValue: (measure, _args, ctx) => currentValue(ctx, measure, measure.agreementId),
  met: (measure, _args, ctx) => measureMet(ctx, measure, measure.agreementId),
  breakdown: (measure, _args, ctx) => metricBreakdowns(ctx).load({ agreementId: measure.agreementId, metric: measure.metric }),
};
