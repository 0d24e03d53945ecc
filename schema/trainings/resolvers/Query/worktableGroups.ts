
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const worktableGroups: NonNullable<QueryResolvers['worktableGroups']> = async (_parent, _arg, _ctx) => { /* Implement Query.worktableGroups resolver logic here */ };