
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const addSteeringGroupMember: NonNullable<MutationResolvers['addSteeringGroupMember']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.addSteeringGroupMember resolver logic here */ };