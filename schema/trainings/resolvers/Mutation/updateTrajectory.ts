
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateTrajectory: NonNullable<MutationResolvers['updateTrajectory']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateTrajectory resolver logic here */ };