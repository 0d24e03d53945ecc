import type { MutationResolvers } from "./../../../types.generated.js";
import { createWorktableGroup as run } from "../../worktables.service.js";

export const createWorktableGroup: NonNullable<MutationResolvers['createWorktableGroup']> = async (_parent, { input }, ctx) => ({ group: await run(ctx, input) });
