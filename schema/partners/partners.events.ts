// Events of partners' access: keys made, rotated or revoked, and webhooks changed. Each names the
// organisation and never a secret, and reaches only those who manage that organisation's access.
import { z } from "zod";
import { defineEvent } from "../shared/events.js";
import { apiKeyManage, webhookManage } from "./partners.policy.js";

export const apiKeyChanged = defineEvent({
  name: "apiKey.changed",
  version: 1,
  entityType: "ApiKey",
  description: "An API key was made, rotated (its successor made, its expiry set) or revoked.",
  payload: z.strictObject({ apiKeyId: z.string(), organisationId: z.string(), operation: z.enum(["CREATED", "ROTATED", "REVOKED"]) }),
  audience: { action: apiKeyManage, resource: async (_ctx, payload) => ({ organisationId: payload.organisationId }) },
});

export const webhookSubscriptionChanged = defineEvent({
  name: "webhookSubscription.changed",
  version: 1,
  entityType: "WebhookSubscription",
  description:
    "A webhook subscription was made, changed, paused, resumed, disabled, deleted or had its secret rotated, or its owner queued deliveries (a redelivery, a replay, a test event).",
  payload: z.strictObject({
    subscriptionId: z.string(),
    organisationId: z.string(),
    operation: z.enum(["CREATED", "UPDATED", "PAUSED", "RESUMED", "DISABLED", "DELETED", "SECRET_ROTATED", "REDELIVERED", "REPLAYED", "TEST_SENT"]),
  }),
  audience: { action: webhookManage, resource: async (_ctx, payload) => ({ organisationId: payload.organisationId }) },
});

export const partnersEvents = [apiKeyChanged, webhookSubscriptionChanged];
