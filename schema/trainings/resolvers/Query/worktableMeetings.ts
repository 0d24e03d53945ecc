
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const worktableMeetings: NonNullable<QueryResolvers['worktableMeetings']> = async (_parent, _arg, _ctx) => { /* Implement Query.worktableMeetings resolver logic here */ };