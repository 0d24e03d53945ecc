
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const recordTieDecision: NonNullable<MutationResolvers['recordTieDecision']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.recordTieDecision resolver logic here */ };