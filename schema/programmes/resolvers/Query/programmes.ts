
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const programmes: NonNullable<QueryResolvers['programmes']> = async (_parent, _arg, _ctx) => { /* Implement Query.programmes resolver logic here */ };