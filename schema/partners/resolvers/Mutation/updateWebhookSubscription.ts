import type { MutationResolvers } from "./../../../types.generated.js";
import { updateWebhookSubscription as run } from "../../webhooks.service.js";

export const updateWebhookSubscription: NonNullable<MutationResolvers['updateWebhookSubscription']> = async (_parent, { input }, ctx) => ({ subscription: await run(ctx, input) });
