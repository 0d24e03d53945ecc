
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateProgrammePhase: NonNullable<MutationResolvers['updateProgrammePhase']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateProgrammePhase resolver logic here */ };