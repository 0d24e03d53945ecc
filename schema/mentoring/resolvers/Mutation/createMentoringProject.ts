
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createMentoringProject: NonNullable<MutationResolvers['createMentoringProject']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createMentoringProject resolver logic here */ };