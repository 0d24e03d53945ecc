
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createOnTheJobTraining: NonNullable<MutationResolvers['createOnTheJobTraining']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createOnTheJobTraining resolver logic here */ };