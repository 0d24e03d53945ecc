
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const applyToCall: NonNullable<MutationResolvers['applyToCall']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.applyToCall resolver logic here */ };