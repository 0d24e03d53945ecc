import type { MutationResolvers } from "./../../../types.generated.js";
import { reverseCoFinancingEntry as run } from "../../cofinancing.service.js";

export const reverseCoFinancingEntry: NonNullable<MutationResolvers['reverseCoFinancingEntry']> = async (_parent, { input }, ctx) => ({ entry: await run(ctx, input) });
