import type { ForumReplyConnectionResolvers } from "./../../types.generated.js";

export const ForumReplyConnection: ForumReplyConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
