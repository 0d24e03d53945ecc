
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const publishResult: NonNullable<MutationResolvers['publishResult']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.publishResult resolver logic here */ };