import type { MentoringMatchResolvers } from "./../../types.generated.js";

// Every field is the mapper's own (rank, score, project, reasons): nothing to resolve.
export const MentoringMatch: MentoringMatchResolvers = {};
