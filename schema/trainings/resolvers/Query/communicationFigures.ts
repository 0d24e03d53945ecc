
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const communicationFigures: NonNullable<QueryResolvers['communicationFigures']> = async (_parent, _arg, _ctx) => { /* Implement Query.communicationFigures resolver logic here */ };