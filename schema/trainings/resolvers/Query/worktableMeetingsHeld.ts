import type { QueryResolvers } from "./../../../types.generated.js";
import { worktableTally } from "../../worktables.service.js";

export const worktableMeetingsHeld: NonNullable<QueryResolvers['worktableMeetingsHeld']> = async (_parent, args) => worktableTally(args);
