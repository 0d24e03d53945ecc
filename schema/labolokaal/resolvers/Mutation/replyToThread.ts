
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const replyToThread: NonNullable<MutationResolvers['replyToThread']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.replyToThread resolver logic here */ };