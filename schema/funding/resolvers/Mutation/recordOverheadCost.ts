import type { MutationResolvers } from "./../../../types.generated.js";
import { recordOverheadCost as run } from "../../overhead.service.js";

export const recordOverheadCost: NonNullable<MutationResolvers['recordOverheadCost']> = async (_parent, { input }, ctx) => ({ entry: await run(ctx, input) });
