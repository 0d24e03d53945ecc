import type { MentoringProjectConnectionResolvers } from "./../../types.generated.js";

export const MentoringProjectConnection: MentoringProjectConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
