import type { MutationResolvers } from "./../../../types.generated.js";
import { replayWebhookEvents as run } from "../../webhooks.service.js";

export const replayWebhookEvents: NonNullable<MutationResolvers['replayWebhookEvents']> = async (_parent, { input }, ctx) => run(ctx, input);
