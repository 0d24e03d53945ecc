import type { SelectionProposalResolvers } from "./../../types.generated.js";
export const SelectionProposal: SelectionProposalResolvers = {
  /* Implement SelectionProposal resolver logic here */
};
