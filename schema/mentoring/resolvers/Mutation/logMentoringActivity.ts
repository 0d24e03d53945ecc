
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const logMentoringActivity: NonNullable<MutationResolvers['logMentoringActivity']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.logMentoringActivity resolver logic here */ };