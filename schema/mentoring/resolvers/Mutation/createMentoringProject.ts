import type { MutationResolvers } from "./../../../types.generated.js";
import { createMentoringProject as run } from "../../directory.service.js";

export const createMentoringProject: NonNullable<MutationResolvers['createMentoringProject']> = async (_parent, { input }, ctx) => ({ project: await run(ctx, input) });
