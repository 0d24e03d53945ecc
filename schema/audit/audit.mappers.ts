import type { auditLog } from "../../db/schema/audit.js";
import type { Connection } from "../shared/relay.js";

export type AuditEntryMapper = typeof auditLog.$inferSelect;
export type AuditEntryConnectionMapper = Connection<AuditEntryMapper>;
