
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const projects: NonNullable<QueryResolvers['projects']> = async (_parent, _arg, _ctx) => { /* Implement Query.projects resolver logic here */ };