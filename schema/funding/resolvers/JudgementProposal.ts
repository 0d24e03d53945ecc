import type { JudgementProposalResolvers } from "./../../types.generated.js";
export const JudgementProposal: JudgementProposalResolvers = {
  /* Implement JudgementProposal resolver logic here */
  evidence: ({ evidence }, _arg, _ctx) => {
    /* JudgementProposal.evidence resolver is required because JudgementProposal.evidence and JudgementProposalMapper.evidence are not compatible */
    return evidence;
  },
  proposedAt: ({ proposedAt }, _arg, _ctx) => {
    /* JudgementProposal.proposedAt resolver is required because JudgementProposal.proposedAt and JudgementProposalMapper.proposedAt are not compatible */
    return proposedAt;
  },
};
