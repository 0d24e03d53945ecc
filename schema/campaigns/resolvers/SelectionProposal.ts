import type { SelectionProposalResolvers } from "./../../types.generated.js";

/** Every field is on the view selection.service.ts builds. */
export const SelectionProposal: SelectionProposalResolvers = {};
