import type { MutationResolvers } from "./../../../types.generated.js";
import { logMentoringActivity as run } from "../../activities.service.js";

export const logMentoringActivity: NonNullable<MutationResolvers['logMentoringActivity']> = async (_parent, { input }, ctx) => ({ activity: await run(ctx, input) });
