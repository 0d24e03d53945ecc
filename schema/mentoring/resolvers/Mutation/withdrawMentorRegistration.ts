
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const withdrawMentorRegistration: NonNullable<MutationResolvers['withdrawMentorRegistration']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.withdrawMentorRegistration resolver logic here */ };