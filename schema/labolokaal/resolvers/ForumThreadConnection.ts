import type { ForumThreadConnectionResolvers } from "./../../types.generated.js";

export const ForumThreadConnection: ForumThreadConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
