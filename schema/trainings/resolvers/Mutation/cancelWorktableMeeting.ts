
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const cancelWorktableMeeting: NonNullable<MutationResolvers['cancelWorktableMeeting']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.cancelWorktableMeeting resolver logic here */ };