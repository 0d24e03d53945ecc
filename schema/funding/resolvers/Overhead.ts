import { money } from "../../shared/money.js";
import type { OverheadResolvers } from "./../../types.generated.js";
import { overheadEntriesOf } from "../overhead.service.js";

// The sums come computed with the view; the entries page on demand.
export const Overhead: OverheadResolvers = {
  entries: (view, args, ctx) => overheadEntriesOf(ctx, view, args),
  recorded: (view) => money(view.recordedCents, view.currency),
  counted: (view) => money(view.countedCents, view.currency),
  ceiling: (view) => (view.ceilingCents === null ? null : money(view.ceilingCents, view.currency)),
};
