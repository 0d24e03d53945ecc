
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const applyToCampaign: NonNullable<MutationResolvers['applyToCampaign']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.applyToCampaign resolver logic here */ };