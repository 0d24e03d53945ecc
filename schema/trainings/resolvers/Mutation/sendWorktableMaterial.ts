
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const sendWorktableMaterial: NonNullable<MutationResolvers['sendWorktableMaterial']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.sendWorktableMaterial resolver logic here */ };