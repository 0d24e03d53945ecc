
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const programme: NonNullable<QueryResolvers['programme']> = async (_parent, _arg, _ctx) => { /* Implement Query.programme resolver logic here */ };