
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const registerAsMentor: NonNullable<MutationResolvers['registerAsMentor']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.registerAsMentor resolver logic here */ };