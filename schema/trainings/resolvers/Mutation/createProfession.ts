
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createProfession: NonNullable<MutationResolvers['createProfession']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createProfession resolver logic here */ };