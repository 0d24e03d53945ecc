import type { QueryResolvers } from "./../../../types.generated.js";
import { listWorktableMeetings } from "../../worktables.service.js";

export const worktableMeetings: NonNullable<QueryResolvers['worktableMeetings']> = async (_parent, args, ctx) => listWorktableMeetings(ctx, args);
