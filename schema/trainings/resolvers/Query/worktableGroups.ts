import type { QueryResolvers } from "./../../../types.generated.js";
import { listWorktableGroups } from "../../worktables.service.js";

export const worktableGroups: NonNullable<QueryResolvers['worktableGroups']> = async (_parent, args, ctx) => listWorktableGroups(ctx, args);
