
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createWorktableGroup: NonNullable<MutationResolvers['createWorktableGroup']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createWorktableGroup resolver logic here */ };