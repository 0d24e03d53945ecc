
        import type   { QueryResolvers } from './../../../types.generated.js';
        export const onTheJobTrainings: NonNullable<QueryResolvers['onTheJobTrainings']> = async (_parent, _arg, _ctx) => { /* Implement Query.onTheJobTrainings resolver logic here */ };