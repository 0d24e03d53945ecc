import type { WebhookDeliveryConnectionResolvers } from "./../../types.generated.js";

export const WebhookDeliveryConnection: WebhookDeliveryConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
