import type { InvoiceTransitionResolvers, Role } from "./../../types.generated.js";

export const InvoiceTransition: InvoiceTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  // Written only from a resolved actor, so the text is always a Role.
  actorRole: (t) => t.actorRole as Role,
  actorSubject: (t) => t.actorId,
  at: (t) => t.createdAt,
};
