
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const editReply: NonNullable<MutationResolvers['editReply']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.editReply resolver logic here */ };