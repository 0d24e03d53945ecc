import type { CoFinancingResolvers } from "./../../types.generated.js";
import { coFinancingEntriesOf } from "../cofinancing.service.js";

// Totals come computed with the view; the entries page on demand.
export const CoFinancing: CoFinancingResolvers = {
  entries: (view, args, ctx) => coFinancingEntriesOf(ctx, view, args),
};
