import type { TieDecisionResolvers } from "./../../types.generated.js";
import { tieKeptOptions } from "../votes.service.js";

export const TieDecision: TieDecisionResolvers = {
  keptOptions: (decision, _args, ctx) => tieKeptOptions(ctx, decision),
};
