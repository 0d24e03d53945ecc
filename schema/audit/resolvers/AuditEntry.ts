import { toGlobalId } from "../../shared/relay.js";
import type { AuditEntryResolvers, Role } from "./../../types.generated.js";

export const AuditEntry: AuditEntryResolvers = {
  id: (entry) => toGlobalId("AuditEntry", entry.id),
  // Rows are only ever written from a resolved actor, so the text is always a Role.
  actorRole: (entry) => entry.actorRole as Role,
  actorSubject: (entry) => entry.actorId,
  entityId: (entry) => toGlobalId(entry.entityType, entry.entityId),
  at: (entry) => entry.createdAt,
};
