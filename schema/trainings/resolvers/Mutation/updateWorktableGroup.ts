
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateWorktableGroup: NonNullable<MutationResolvers['updateWorktableGroup']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateWorktableGroup resolver logic here */ };