
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const charters: NonNullable<QueryResolvers['charters']> = async (_parent, _arg, _ctx) => { /* Implement Query.charters resolver logic here */ };