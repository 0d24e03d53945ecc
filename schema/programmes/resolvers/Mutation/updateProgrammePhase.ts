import type { MutationResolvers } from "./../../../types.generated.js";
import { updateProgrammePhase as run } from "../../programmes.service.js";

export const updateProgrammePhase: NonNullable<MutationResolvers['updateProgrammePhase']> = async (_parent, { input }, ctx) => run(ctx, input);
