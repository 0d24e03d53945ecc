import type { AuditEntryConnectionResolvers } from "./../../types.generated.js";

export const AuditEntryConnection: AuditEntryConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
