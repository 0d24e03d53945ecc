import type { QualitativeTargetResolvers } from "./../../types.generated.js";

// Every field of the mapper already has the schema's shape; the default resolvers read them.
export const QualitativeTarget: QualitativeTargetResolvers = {};
