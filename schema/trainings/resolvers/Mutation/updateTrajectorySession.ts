
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateTrajectorySession: NonNullable<MutationResolvers['updateTrajectorySession']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateTrajectorySession resolver logic here */ };