
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateCampaign: NonNullable<MutationResolvers['updateCampaign']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateCampaign resolver logic here */ };