import type { InvoiceTransitionResolvers, Role } from "./../../types.generated.js";
import { agreementLoader } from "../agreements.service.js";
import { actorVisibleFor } from "../funding.policy.js";
import { invoiceLoader } from "../invoices.service.js";

export const InvoiceTransition: InvoiceTransitionResolvers = {
  from: (t) => t.fromStatus,
  to: (t) => t.toStatus,
  // Written only from a resolved actor, so the text is always a Role.
  actorRole: (t) => t.actorRole as Role,
  // The role is part of the history; the person behind it for those who may see who did what and
  // for those who read the agreement's financials (the auditor's report names them).
  actorSubject: async (t, _args, ctx) => {
    const invoice = await invoiceLoader(ctx).load(t.invoiceId);
    const agreement = invoice ? await agreementLoader(ctx).load(invoice.agreementId) : null;
    return actorVisibleFor(ctx, agreement, t.actorId);
  },
  at: (t) => t.createdAt,
};
