import type { MentoringActivityConnectionResolvers } from "./../../types.generated.js";

export const MentoringActivityConnection: MentoringActivityConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
