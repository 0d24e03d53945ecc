
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const askQuestion: NonNullable<MutationResolvers['askQuestion']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.askQuestion resolver logic here */ };