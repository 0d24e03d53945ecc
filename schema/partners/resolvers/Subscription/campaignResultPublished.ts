import { campaignResultsPublished } from "../../subscriptions.service.js";
import type { SubscriptionResolvers } from "./../../../types.generated.js";

export const campaignResultPublished: NonNullable<SubscriptionResolvers['campaignResultPublished']> = {
  subscribe: (_parent, args, ctx) => campaignResultsPublished(ctx, args),
};
