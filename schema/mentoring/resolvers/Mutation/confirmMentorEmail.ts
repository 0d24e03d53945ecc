
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const confirmMentorEmail: NonNullable<MutationResolvers['confirmMentorEmail']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.confirmMentorEmail resolver logic here */ };