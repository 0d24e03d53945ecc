
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createTrajectorySession: NonNullable<MutationResolvers['createTrajectorySession']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createTrajectorySession resolver logic here */ };