import type { apiKeys, webhookAttempts, webhookDeliveries, webhookSubscriptions } from "../../db/schema/partners.js";
import type { Connection } from "../shared/relay.js";

export type ApiKeyMapper = typeof apiKeys.$inferSelect;
export type ApiKeyConnectionMapper = Connection<ApiKeyMapper>;
export type WebhookSubscriptionMapper = typeof webhookSubscriptions.$inferSelect;
export type WebhookSubscriptionConnectionMapper = Connection<WebhookSubscriptionMapper>;
export type WebhookDeliveryMapper = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryConnectionMapper = Connection<WebhookDeliveryMapper>;
export type WebhookAttemptMapper = typeof webhookAttempts.$inferSelect;
