
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const startThread: NonNullable<MutationResolvers['startThread']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.startThread resolver logic here */ };