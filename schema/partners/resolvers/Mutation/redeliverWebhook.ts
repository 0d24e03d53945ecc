import type { MutationResolvers } from "./../../../types.generated.js";
import { redeliverWebhook as run } from "../../webhooks.service.js";

export const redeliverWebhook: NonNullable<MutationResolvers['redeliverWebhook']> = async (_parent, args, ctx) => ({ delivery: await run(ctx, args) });
