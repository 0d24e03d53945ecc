import type { WebhookAttemptResolvers } from "./../../types.generated.js";

export const WebhookAttempt: WebhookAttemptResolvers = {};
