import type { MutationResolvers } from "./../../../types.generated.js";
import { createWebhookSubscription as run } from "../../webhooks.service.js";

export const createWebhookSubscription: NonNullable<MutationResolvers['createWebhookSubscription']> = async (_parent, { input }, ctx) => run(ctx, input);
