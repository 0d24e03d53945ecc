
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const decideMentorRegistration: NonNullable<MutationResolvers['decideMentorRegistration']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.decideMentorRegistration resolver logic here */ };