
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const mentoringMatches: NonNullable<QueryResolvers['mentoringMatches']> = async (_parent, _arg, _ctx) => { /* Implement Query.mentoringMatches resolver logic here */ };