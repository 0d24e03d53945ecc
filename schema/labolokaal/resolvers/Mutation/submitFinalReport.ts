
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const submitFinalReport: NonNullable<MutationResolvers['submitFinalReport']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.submitFinalReport resolver logic here */ };