// The audit log holds whole rows before and after each change, personal data included: admins only.
import { definePolicy } from "../shared/policy.js";

export const auditRead = definePolicy("audit.read", "Read the audit log", { ADMIN: true }, "Only admins read the audit log");
