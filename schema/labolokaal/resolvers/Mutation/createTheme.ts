
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createTheme: NonNullable<MutationResolvers['createTheme']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createTheme resolver logic here */ };