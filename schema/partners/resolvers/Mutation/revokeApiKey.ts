import type { MutationResolvers } from "./../../../types.generated.js";
import { revokeApiKey as run } from "../../api-keys.service.js";

export const revokeApiKey: NonNullable<MutationResolvers['revokeApiKey']> = async (_parent, args, ctx) => ({ apiKey: await run(ctx, args) });
