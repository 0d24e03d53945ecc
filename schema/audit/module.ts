// The audit module: reading the log every change writes (schema/shared/changes.ts).
import { defineModule } from "../shared/module.js";
import { auditRead, auditReadActors } from "./audit.policy.js";
import { findAuditEntry } from "./audit.service.js";

export const auditModule = defineModule({
  name: "audit",
  nodes: { AuditEntry: findAuditEntry },
  policies: [auditRead, auditReadActors],
  access: [{ field: "Query.auditLog", action: auditRead }],
});
