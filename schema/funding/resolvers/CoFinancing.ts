import type { CoFinancingResolvers } from "./../../types.generated.js";

// Every field of the mapper already has the schema's shape; the default resolvers read them.
export const CoFinancing: CoFinancingResolvers = {};
