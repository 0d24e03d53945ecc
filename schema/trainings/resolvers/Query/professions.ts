
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const professions: NonNullable<QueryResolvers['professions']> = async (_parent, _arg, _ctx) => { /* Implement Query.professions resolver logic here */ };