
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createTrajectory: NonNullable<MutationResolvers['createTrajectory']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createTrajectory resolver logic here */ };