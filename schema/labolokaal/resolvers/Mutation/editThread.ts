
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const editThread: NonNullable<MutationResolvers['editThread']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.editThread resolver logic here */ };