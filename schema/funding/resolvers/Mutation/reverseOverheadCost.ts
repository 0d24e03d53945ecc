import type { MutationResolvers } from "./../../../types.generated.js";
import { reverseOverheadCost as run } from "../../overhead.service.js";

export const reverseOverheadCost: NonNullable<MutationResolvers['reverseOverheadCost']> = async (_parent, { input }, ctx) => ({ entry: await run(ctx, input) });
