
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const joinTrajectory: NonNullable<MutationResolvers['joinTrajectory']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.joinTrajectory resolver logic here */ };