
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const planWorktableMeeting: NonNullable<MutationResolvers['planWorktableMeeting']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.planWorktableMeeting resolver logic here */ };