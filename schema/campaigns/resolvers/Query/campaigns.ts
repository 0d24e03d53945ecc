
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const campaigns: NonNullable<QueryResolvers['campaigns']> = async (_parent, _arg, _ctx) => { /* Implement Query.campaigns resolver logic here */ };