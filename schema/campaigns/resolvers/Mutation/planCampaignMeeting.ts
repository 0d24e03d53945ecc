
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const planCampaignMeeting: NonNullable<MutationResolvers['planCampaignMeeting']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.planCampaignMeeting resolver logic here */ };