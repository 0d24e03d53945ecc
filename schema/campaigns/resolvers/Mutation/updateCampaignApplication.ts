
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateCampaignApplication: NonNullable<MutationResolvers['updateCampaignApplication']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateCampaignApplication resolver logic here */ };