
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const confirmSelection: NonNullable<MutationResolvers['confirmSelection']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.confirmSelection resolver logic here */ };