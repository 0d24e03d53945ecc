
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const openProjectCall: NonNullable<MutationResolvers['openProjectCall']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.openProjectCall resolver logic here */ };