import type { MutationResolvers } from "./../../../types.generated.js";
import { updateWorktableMeeting as run } from "../../worktables.service.js";

export const updateWorktableMeeting: NonNullable<MutationResolvers['updateWorktableMeeting']> = async (_parent, { input }, ctx) => ({ meeting: await run(ctx, input) });
