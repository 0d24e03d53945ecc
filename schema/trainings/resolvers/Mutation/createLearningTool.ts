
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createLearningTool: NonNullable<MutationResolvers['createLearningTool']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createLearningTool resolver logic here */ };