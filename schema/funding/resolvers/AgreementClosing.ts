import { localeFromEnum } from "../../shared/i18n.js";
import type { AgreementClosingResolvers, Role } from "./../../types.generated.js";
import { agreementLoader } from "../agreements.service.js";
import { closingReport, closingSettlement } from "../closing.service.js";
import { actorVisibleFor } from "../funding.policy.js";

// A closing is reached only through FundingAgreement.closings, which is for those who read the
// agreement's financials; the people behind it are shown as every other step's are.
export const AgreementClosing: AgreementClosingResolvers = {
  closedAt: (closing) => closing.createdAt,
  closedBy: async (closing, _args, ctx) => actorVisibleFor(ctx, await agreementLoader(ctx).load(closing.agreementId), closing.closedBy),
  // Written only from a resolved actor, so the text is always a Role.
  closedByRole: (closing) => closing.closedRole as Role,
  reopenedBy: async (closing, _args, ctx) => actorVisibleFor(ctx, await agreementLoader(ctx).load(closing.agreementId), closing.reopenedBy),
  settlement: (closing, _args, ctx) => closingSettlement(ctx, closing),
  // Dutch unless asked, like the agreement's own report.
  report: (closing, { locale }, ctx) => closingReport(ctx, closing, localeFromEnum(locale) ?? ctx.locale),
};
