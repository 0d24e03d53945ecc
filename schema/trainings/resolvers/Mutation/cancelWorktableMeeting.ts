import type { MutationResolvers } from "./../../../types.generated.js";
import { cancelWorktableMeeting as run } from "../../worktables.service.js";

export const cancelWorktableMeeting: NonNullable<MutationResolvers['cancelWorktableMeeting']> = async (_parent, { id }, ctx) => ({ meeting: await run(ctx, { id }) });
