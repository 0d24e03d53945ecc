import type { MutationResolvers } from "./../../../types.generated.js";
import { planWorktableMeeting as run } from "../../worktables.service.js";

export const planWorktableMeeting: NonNullable<MutationResolvers['planWorktableMeeting']> = async (_parent, { input }, ctx) => ({ meeting: await run(ctx, input) });
