import type { MutationResolvers } from "./../../../types.generated.js";
import { resumeWebhookSubscription as run } from "../../webhooks.service.js";

export const resumeWebhookSubscription: NonNullable<MutationResolvers['resumeWebhookSubscription']> = async (_parent, args, ctx) => ({ subscription: await run(ctx, args) });
