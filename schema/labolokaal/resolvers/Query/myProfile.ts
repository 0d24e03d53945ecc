
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const myProfile: NonNullable<QueryResolvers['myProfile']> = async (_parent, _arg, _ctx) => { /* Implement Query.myProfile resolver logic here */ };