
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const projectCalls: NonNullable<QueryResolvers['projectCalls']> = async (_parent, _arg, _ctx) => { /* Implement Query.projectCalls resolver logic here */ };