import type { MutationResolvers } from "./../../../types.generated.js";
import { sendTestWebhookEvent as run } from "../../webhooks.service.js";

export const sendTestWebhookEvent: NonNullable<MutationResolvers['sendTestWebhookEvent']> = async (_parent, args, ctx) => ({ delivery: await run(ctx, args) });
