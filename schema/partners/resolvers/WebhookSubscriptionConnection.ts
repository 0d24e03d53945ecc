import type { WebhookSubscriptionConnectionResolvers } from "./../../types.generated.js";

export const WebhookSubscriptionConnection: WebhookSubscriptionConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
