import type { MutationResolvers } from "./../../../types.generated.js";
import { updateWorktableGroup as run } from "../../worktables.service.js";

export const updateWorktableGroup: NonNullable<MutationResolvers['updateWorktableGroup']> = async (_parent, { input }, ctx) => ({ group: await run(ctx, input) });
