
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const trajectory: NonNullable<QueryResolvers['trajectory']> = async (_parent, _arg, _ctx) => { /* Implement Query.trajectory resolver logic here */ };