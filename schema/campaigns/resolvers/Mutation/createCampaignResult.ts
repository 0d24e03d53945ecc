
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createCampaignResult: NonNullable<MutationResolvers['createCampaignResult']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createCampaignResult resolver logic here */ };