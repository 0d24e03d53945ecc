import type { QualitativeTargetResolvers } from "./../../types.generated.js";
import { agreementLoader } from "../agreements.service.js";
import { judgementHistory } from "../commitments.service.js";
import { actorVisibleFor } from "../funding.policy.js";

// The other fields of the mapper already have the schema's shape; the default resolvers read them.
export const QualitativeTarget: QualitativeTargetResolvers = {
  // Everyone sees that, how and when a commitment was judged; who judged, only those who may see
  // who did what or who read this agreement's financials.
  judgedBy: async (target, _args, ctx) => actorVisibleFor(ctx, await agreementLoader(ctx).load(target.agreementId), target.judgedBy),
  proposal: (target) => (target.proposedStatus ? target : null),
  history: (target, _args, ctx) => judgementHistory(ctx).load(target.id),
};
