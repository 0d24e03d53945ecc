import type { OrganisationConnectionResolvers } from "./../../types.generated.js";

export const OrganisationConnection: OrganisationConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
