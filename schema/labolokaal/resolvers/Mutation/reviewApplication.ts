
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const reviewApplication: NonNullable<MutationResolvers['reviewApplication']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.reviewApplication resolver logic here */ };