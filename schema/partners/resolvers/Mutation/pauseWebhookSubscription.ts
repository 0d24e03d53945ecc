import type { MutationResolvers } from "./../../../types.generated.js";
import { pauseWebhookSubscription as run } from "../../webhooks.service.js";

export const pauseWebhookSubscription: NonNullable<MutationResolvers['pauseWebhookSubscription']> = async (_parent, args, ctx) => ({ subscription: await run(ctx, args) });
