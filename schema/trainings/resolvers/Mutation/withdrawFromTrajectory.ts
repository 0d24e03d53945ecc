
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const withdrawFromTrajectory: NonNullable<MutationResolvers['withdrawFromTrajectory']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.withdrawFromTrajectory resolver logic here */ };