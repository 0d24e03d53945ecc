import type { MutationResolvers } from "./../../../types.generated.js";
import { recordWorktableMeetingHeld as run } from "../../worktables.service.js";

export const recordWorktableMeetingHeld: NonNullable<MutationResolvers['recordWorktableMeetingHeld']> = async (_parent, { input }, ctx) => ({ meeting: await run(ctx, input) });
