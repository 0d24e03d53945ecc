
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const contactQuestions: NonNullable<QueryResolvers['contactQuestions']> = async (_parent, _arg, _ctx) => { /* Implement Query.contactQuestions resolver logic here */ };