
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const removeReply: NonNullable<MutationResolvers['removeReply']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.removeReply resolver logic here */ };