import type { MutationResolvers } from "./../../../types.generated.js";
import { decideApplication as run } from "../../calls.service.js";

export const decideApplication: NonNullable<MutationResolvers['decideApplication']> = async (_parent, { input }, ctx) => run(ctx, input);
