
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const castBallot: NonNullable<MutationResolvers['castBallot']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.castBallot resolver logic here */ };