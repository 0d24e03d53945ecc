
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const decideApplication: NonNullable<MutationResolvers['decideApplication']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.decideApplication resolver logic here */ };