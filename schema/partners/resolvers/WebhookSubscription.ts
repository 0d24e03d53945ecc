import { campaignLoader } from "../../campaigns/campaigns.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { WebhookSubscriptionResolvers } from "./../../types.generated.js";
import { lastDeliveriesOf } from "../webhooks.service.js";

export const WebhookSubscription: WebhookSubscriptionResolvers = {
  id: (row) => toGlobalId("WebhookSubscription", row.id),
  events: (row) => row.eventTypes,
  campaign: ({ campaignId }, _args, ctx) => (campaignId ? campaignLoader(ctx).load(campaignId) : null),
  organisation: async ({ organisationId }, _args, ctx) => {
    const organisation = await organisationLoader(ctx).load(organisationId);
    if (!organisation) throw new Error("webhook subscription without its organisation");
    return organisation;
  },
  lastDeliveries: (row, { first }, ctx) => lastDeliveriesOf(ctx, row, first),
};
