// The partners module: how partner organisations follow the API from outside. API keys
// authenticate their machines; webhook subscriptions and GraphQL subscriptions bring them the
// events they may see (campaign results first), from one source: the outbox.
import { defineModule } from "../shared/module.js";
import { findApiKey } from "./api-keys.service.js";
import { partnersEvents } from "./partners.events.js";
import { apiKeyManage, resultChangesFollow, webhookManage } from "./partners.policy.js";
import { findWebhookDelivery, findWebhookSubscription } from "./webhooks.service.js";

export const partnersModule = defineModule({
  name: "partners",
  nodes: { ApiKey: findApiKey, WebhookSubscription: findWebhookSubscription, WebhookDelivery: findWebhookDelivery },
  events: partnersEvents,
  policies: [apiKeyManage, webhookManage, resultChangesFollow],
  access: [
    { field: "Query.apiKeys", action: apiKeyManage },
    { field: "Mutation.createApiKey", action: apiKeyManage },
    { field: "Mutation.rotateApiKey", action: apiKeyManage },
    { field: "Mutation.revokeApiKey", action: apiKeyManage },
    { field: "Query.webhookSubscriptions", action: webhookManage },
    { field: "Query.webhookDeliveries", action: webhookManage },
    { field: "Mutation.createWebhookSubscription", action: webhookManage },
    { field: "Mutation.updateWebhookSubscription", action: webhookManage },
    { field: "Mutation.pauseWebhookSubscription", action: webhookManage },
    { field: "Mutation.resumeWebhookSubscription", action: webhookManage },
    { field: "Mutation.deleteWebhookSubscription", action: webhookManage },
    { field: "Mutation.rotateWebhookSecret", action: webhookManage },
    { field: "Mutation.redeliverWebhook", action: webhookManage },
    { field: "Mutation.replayWebhookEvents", action: webhookManage },
    { field: "Mutation.sendTestWebhookEvent", action: webhookManage },
    { field: "Subscription.campaignResultPublished", action: "public", note: "published results only, each checked for the subscriber when it is sent" },
    {
      field: "Subscription.campaignResultChanged",
      action: resultChangesFollow,
      note: "each event only if the subscriber may read its result when it arrives (campaignResult.read: before publication, the embargo)",
    },
  ],
});
