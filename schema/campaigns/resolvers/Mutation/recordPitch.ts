
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const recordPitch: NonNullable<MutationResolvers['recordPitch']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.recordPitch resolver logic here */ };