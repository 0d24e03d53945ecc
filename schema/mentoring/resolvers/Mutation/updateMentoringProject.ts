import type { MutationResolvers } from "./../../../types.generated.js";
import { updateMentoringProject as run } from "../../directory.service.js";

export const updateMentoringProject: NonNullable<MutationResolvers['updateMentoringProject']> = async (_parent, { input }, ctx) => ({ project: await run(ctx, input) });
