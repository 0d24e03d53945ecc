
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateLearningTool: NonNullable<MutationResolvers['updateLearningTool']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateLearningTool resolver logic here */ };