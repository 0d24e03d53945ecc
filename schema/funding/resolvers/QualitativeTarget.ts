import { actorVisibleTo } from "../../audit/audit.policy.js";
import type { QualitativeTargetResolvers } from "./../../types.generated.js";

// The other fields of the mapper already have the schema's shape; the default resolvers read them.
export const QualitativeTarget: QualitativeTargetResolvers = {
  // Everyone sees that and when a commitment was judged; who judged, only those who may see who did what.
  judgedBy: (target, _args, ctx) => actorVisibleTo(ctx, target.judgedBy),
  history: async (_parent, _arg, _ctx) => {
    /* QualitativeTarget.history resolver is required because QualitativeTarget.history exists but QualitativeTargetMapper.history does not */
  },
  proposal: async (_parent, _arg, _ctx) => {
    /* QualitativeTarget.proposal resolver is required because QualitativeTarget.proposal exists but QualitativeTargetMapper.proposal does not */
  },
};
