import type { QueryResolvers } from "./../../../types.generated.js";
import { listWebhookSubscriptions } from "../../webhooks.service.js";

export const webhookSubscriptions: NonNullable<QueryResolvers['webhookSubscriptions']> = async (_parent, args, ctx) => listWebhookSubscriptions(ctx, args);
