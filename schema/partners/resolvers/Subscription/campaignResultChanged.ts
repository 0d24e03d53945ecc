import { campaignResultsChanged } from "../../subscriptions.service.js";
import type { SubscriptionResolvers } from "./../../../types.generated.js";

export const campaignResultChanged: NonNullable<SubscriptionResolvers['campaignResultChanged']> = {
  subscribe: (_parent, args, ctx) => campaignResultsChanged(ctx, args),
};
