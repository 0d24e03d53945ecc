
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const worktableMeetingsHeld: NonNullable<QueryResolvers['worktableMeetingsHeld']> = async (_parent, _arg, _ctx) => { /* Implement Query.worktableMeetingsHeld resolver logic here */ };