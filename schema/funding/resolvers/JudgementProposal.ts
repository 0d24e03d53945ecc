import type { JudgementProposalResolvers } from "./../../types.generated.js";
import { agreementLoader } from "../agreements.service.js";
import { actorVisibleFor } from "../funding.policy.js";

// The parent is a commitment with a pending proposal (QualitativeTarget.proposal returns no other).
export const JudgementProposal: JudgementProposalResolvers = {
  status: (commitment) => commitment.proposedStatus!,
  evidence: (commitment) => commitment.proposedEvidence!,
  proposedBy: async (commitment, _args, ctx) => actorVisibleFor(ctx, await agreementLoader(ctx).load(commitment.agreementId), commitment.proposedBy),
  proposedAt: (commitment) => commitment.proposedAt!,
};
