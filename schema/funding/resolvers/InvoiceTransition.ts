import { actorVisibleTo } from "../../audit/audit.policy.js";
import type { InvoiceTransitionResolvers, Role } from "./../../types.generated.js";

export const InvoiceTransition: InvoiceTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  // Written only from a resolved actor, so the text is always a Role.
  actorRole: (t) => t.actorRole as Role,
  // The role is part of the history; the person behind it only for those who may see who did what.
  actorSubject: (t, _args, ctx) => actorVisibleTo(ctx, t.actorId),
  at: (t) => t.createdAt,
};
