import type { MutationResolvers } from "./../../../types.generated.js";
import { rotateApiKey as run } from "../../api-keys.service.js";

export const rotateApiKey: NonNullable<MutationResolvers['rotateApiKey']> = async (_parent, { input }, ctx) => run(ctx, input);
