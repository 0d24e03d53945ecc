import type { MutationResolvers } from "./../../../types.generated.js";
import { createOnTheJobTraining as run } from "../../directory.service.js";

export const createOnTheJobTraining: NonNullable<MutationResolvers['createOnTheJobTraining']> = async (_parent, { input }, ctx) => ({ training: await run(ctx, input) });
