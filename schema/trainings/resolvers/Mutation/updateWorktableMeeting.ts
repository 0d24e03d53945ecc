
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateWorktableMeeting: NonNullable<MutationResolvers['updateWorktableMeeting']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateWorktableMeeting resolver logic here */ };