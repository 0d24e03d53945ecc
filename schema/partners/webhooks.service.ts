// Webhook subscriptions and their deliveries. (Being built: placeholders with the signatures others call.)
import type { Context } from "../shared/context.js";
import type { WebhookDeliveryMapper, WebhookSubscriptionMapper } from "./partners.mappers.js";

export async function findWebhookSubscription(_ctx: Context, _id: string): Promise<WebhookSubscriptionMapper | null> {
  throw new Error("webhooks.service: not built yet");
}
export async function findWebhookDelivery(_ctx: Context, _id: string): Promise<WebhookDeliveryMapper | null> {
  throw new Error("webhooks.service: not built yet");
}
