import { toGlobalId } from "../../shared/relay.js";
import type { AuditEntryResolvers, Role } from "./../../types.generated.js";
import { actorVisibleTo } from "../audit.policy.js";

export const AuditEntry: AuditEntryResolvers = {
  id: (entry) => toGlobalId("AuditEntry", entry.id),
  // Rows are only ever written from a resolved actor, so the text is always a Role.
  actorRole: (entry) => entry.actorRole as Role,
  // Admins only read the log today; the field keeps its own rule should that widen.
  actorSubject: (entry, _args, ctx) => actorVisibleTo(ctx, entry.actorId),
  entityId: (entry) => toGlobalId(entry.entityType, entry.entityId),
  at: (entry) => entry.createdAt,
};
