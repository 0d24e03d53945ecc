
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateProfession: NonNullable<MutationResolvers['updateProfession']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateProfession resolver logic here */ };