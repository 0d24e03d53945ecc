
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const createCampaign: NonNullable<MutationResolvers['createCampaign']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.createCampaign resolver logic here */ };