
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateProfile: NonNullable<MutationResolvers['updateProfile']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateProfile resolver logic here */ };