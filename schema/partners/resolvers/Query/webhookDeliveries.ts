import type { QueryResolvers } from "./../../../types.generated.js";
import { listWebhookDeliveries } from "../../webhooks.service.js";

export const webhookDeliveries: NonNullable<QueryResolvers['webhookDeliveries']> = async (_parent, args, ctx) => listWebhookDeliveries(ctx, args);
