
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const campaignResults: NonNullable<QueryResolvers['campaignResults']> = async (_parent, _arg, _ctx) => { /* Implement Query.campaignResults resolver logic here */ };