
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const communicationReach: NonNullable<QueryResolvers['communicationReach']> = async (_parent, _arg, _ctx) => { /* Implement Query.communicationReach resolver logic here */ };