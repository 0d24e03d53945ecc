import { toGlobalId } from "../../shared/relay.js";
import type { WebhookDeliveryResolvers } from "./../../types.generated.js";
import { attemptsOf, subscriptionOf } from "../webhooks.service.js";

export const WebhookDelivery: WebhookDeliveryResolvers = {
  id: (row) => toGlobalId("WebhookDelivery", row.id),
  subscription: (row, _args, ctx) => subscriptionOf(ctx, row),
  event: (row) => row.eventName,
  /** Attempts in the current retry window (a redelivery starts a new one); `attempts` lists them all. */
  attemptCount: (row) => row.attempts,
  nextAttemptAt: (row) => (row.status === "PENDING" ? row.nextAttemptAt : null),
  attempts: (row, _args, ctx) => attemptsOf(ctx, row),
};
