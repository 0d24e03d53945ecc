
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const removeDocument: NonNullable<MutationResolvers['removeDocument']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.removeDocument resolver logic here */ };