import type { MutationResolvers } from "./../../../types.generated.js";
import { rotateWebhookSecret as run } from "../../webhooks.service.js";

export const rotateWebhookSecret: NonNullable<MutationResolvers['rotateWebhookSecret']> = async (_parent, { input }, ctx) => run(ctx, input);
