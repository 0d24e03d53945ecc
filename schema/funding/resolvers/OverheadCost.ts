import { money } from "../../shared/money.js";
import { toGlobalId } from "../../shared/relay.js";
import type { OverheadCostResolvers } from "./../../types.generated.js";
import { actionLoader } from "../agreements.service.js";
import { overheadCostLoader, reversalOfOverheadCost } from "../overhead.service.js";

// The action, the reversed cost and the reversal are of the same agreement as the cost, so
// whoever reads the cost reads them; each is batched across the page.
export const OverheadCost: OverheadCostResolvers = {
  id: (cost) => toGlobalId("OverheadCost", cost.id),
  action: (cost, _args, ctx) => (cost.actionId ? actionLoader(ctx).load(cost.actionId) : null),
  amount: (cost) => money(cost.amountCents, cost.currency),
  date: (cost) => cost.costDate,
  reverses: (cost, _args, ctx) => (cost.reversesId ? overheadCostLoader(ctx).load(cost.reversesId) : null),
  reversedBy: (cost, _args, ctx) => reversalOfOverheadCost(ctx).load(cost.id),
  recordedAt: (cost) => cost.createdAt,
};
