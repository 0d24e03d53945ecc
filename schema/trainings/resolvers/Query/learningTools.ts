
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const learningTools: NonNullable<QueryResolvers['learningTools']> = async (_parent, _arg, _ctx) => { /* Implement Query.learningTools resolver logic here */ };