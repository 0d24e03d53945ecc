import type { MutationResolvers } from "./../../../types.generated.js";
import { deleteWebhookSubscription as run } from "../../webhooks.service.js";

export const deleteWebhookSubscription: NonNullable<MutationResolvers['deleteWebhookSubscription']> = async (_parent, args, ctx) => run(ctx, args);
