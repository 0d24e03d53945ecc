import type { MeasuredTargetResolvers } from "./../../types.generated.js";
import { measuresOfCommitment } from "../agreements.service.js";
import { commitmentMet } from "../commitments.service.js";

export const MeasuredTarget: MeasuredTargetResolvers = {
  measures: async (commitment, _args, ctx) => (await measuresOfCommitment(ctx).load(commitment.id)).map((m) => ({ ...m, agreementId: commitment.agreementId })),
  met: (commitment, _args, ctx) => commitmentMet(ctx, commitment),
};
