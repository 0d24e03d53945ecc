
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateMentoringProject: NonNullable<MutationResolvers['updateMentoringProject']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateMentoringProject resolver logic here */ };