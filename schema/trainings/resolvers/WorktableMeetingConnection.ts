import type { WorktableMeetingConnectionResolvers } from "./../../types.generated.js";

export const WorktableMeetingConnection: WorktableMeetingConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
