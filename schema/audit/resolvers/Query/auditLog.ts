import type { QueryResolvers } from "./../../../types.generated.js";
import { listAuditEntries } from "../../audit.service.js";

export const auditLog: NonNullable<QueryResolvers['auditLog']> = (_parent, args, ctx) => listAuditEntries(ctx, args);
