
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const removeThread: NonNullable<MutationResolvers['removeThread']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.removeThread resolver logic here */ };