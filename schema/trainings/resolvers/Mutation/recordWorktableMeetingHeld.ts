
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const recordWorktableMeetingHeld: NonNullable<MutationResolvers['recordWorktableMeetingHeld']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.recordWorktableMeetingHeld resolver logic here */ };