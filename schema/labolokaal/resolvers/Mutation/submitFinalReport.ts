import type { MutationResolvers } from "./../../../types.generated.js";
import { submitFinalReport as run } from "../../projects.service.js";

export const submitFinalReport: NonNullable<MutationResolvers['submitFinalReport']> = async (_parent, { input }, ctx) => ({ project: await run(ctx, input) });
