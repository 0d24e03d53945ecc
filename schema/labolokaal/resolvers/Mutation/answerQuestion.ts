
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const answerQuestion: NonNullable<MutationResolvers['answerQuestion']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.answerQuestion resolver logic here */ };