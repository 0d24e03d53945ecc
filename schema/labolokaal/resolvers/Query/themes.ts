
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const themes: NonNullable<QueryResolvers['themes']> = async (_parent, _arg, _ctx) => { /* Implement Query.themes resolver logic here */ };