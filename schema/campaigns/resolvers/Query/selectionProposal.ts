
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const selectionProposal: NonNullable<QueryResolvers['selectionProposal']> = async (_parent, _arg, _ctx) => { /* Implement Query.selectionProposal resolver logic here */ };