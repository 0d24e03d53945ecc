// The audit module: reading the log every change writes (schema/shared/changes.ts).
import { defineModule } from "../shared/module.js";
import { auditRead, auditReadActors } from "./audit.policy.js";
import { findAuditEntry } from "./audit.service.js";

export const auditModule = defineModule({
  name: "audit",
  nodes: { AuditEntry: findAuditEntry },
  policies: [auditRead, auditReadActors],
  access: [
    { field: "Query.auditLog", action: auditRead },
    // Fields that carry a person's identifier: readable where their object is, null for others.
    { field: "QualitativeTarget.judgedBy", action: auditReadActors, note: "answers null for others, who still see that and when it was judged" },
    { field: "InvoiceTransition.actorSubject", action: auditReadActors, note: "answers null for others, who still see the role; the invoice itself needs funding.readFinancials" },
  ],
});
