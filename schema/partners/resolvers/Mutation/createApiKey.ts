import type { MutationResolvers } from "./../../../types.generated.js";
import { createApiKey as run } from "../../api-keys.service.js";

export const createApiKey: NonNullable<MutationResolvers['createApiKey']> = async (_parent, { input }, ctx) => run(ctx, input);
