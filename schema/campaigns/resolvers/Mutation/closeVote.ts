
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const closeVote: NonNullable<MutationResolvers['closeVote']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.closeVote resolver logic here */ };