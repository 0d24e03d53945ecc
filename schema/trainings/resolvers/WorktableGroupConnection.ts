import type { WorktableGroupConnectionResolvers } from "./../../types.generated.js";

export const WorktableGroupConnection: WorktableGroupConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
