
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateCampaignResult: NonNullable<MutationResolvers['updateCampaignResult']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateCampaignResult resolver logic here */ };