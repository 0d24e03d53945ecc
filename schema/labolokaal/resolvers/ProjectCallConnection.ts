import type { ProjectCallConnectionResolvers } from "./../../types.generated.js";

export const ProjectCallConnection: ProjectCallConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};
