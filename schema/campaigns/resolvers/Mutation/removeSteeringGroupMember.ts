
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const removeSteeringGroupMember: NonNullable<MutationResolvers['removeSteeringGroupMember']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.removeSteeringGroupMember resolver logic here */ };