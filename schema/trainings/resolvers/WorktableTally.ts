import type { WorktableTallyResolvers } from "./../../types.generated.js";
import { tallyByYear, tallyHeld } from "../worktables.service.js";

export const WorktableTally: WorktableTallyResolvers = {
  held: (tally, _args, ctx) => tallyHeld(ctx, tally),
  byYear: (tally, _args, ctx) => tallyByYear(ctx, tally),
};
