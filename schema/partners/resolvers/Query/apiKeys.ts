import type { QueryResolvers } from "./../../../types.generated.js";
import { listApiKeys } from "../../api-keys.service.js";

export const apiKeys: NonNullable<QueryResolvers['apiKeys']> = async (_parent, args, ctx) => listApiKeys(ctx, args);
