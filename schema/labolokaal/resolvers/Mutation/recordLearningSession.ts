
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const recordLearningSession: NonNullable<MutationResolvers['recordLearningSession']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.recordLearningSession resolver logic here */ };