import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { money } from "../../shared/money.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { FundingAgreementResolvers } from "./../../types.generated.js";
import { commitmentsOfAgreement, tracksOfAgreement } from "../agreements.service.js";
import { budgetOf, coFinancingOf } from "../cofinancing.service.js";
import { coFinancingRecord, fundingReadFinancials, invoiceSubmit } from "../funding.policy.js";
import { listInvoices } from "../invoices.service.js";
import { justificationReport } from "../report.js";
import { settlementOf } from "../settlement.service.js";

export const FundingAgreement: FundingAgreementResolvers = {
  id: (agreement) => toGlobalId("FundingAgreement", agreement.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  funder: async (agreement, _args, ctx) => (await organisationLoader(ctx).load(agreement.funderId))!,
  beneficiary: async (agreement, _args, ctx) => (await organisationLoader(ctx).load(agreement.beneficiaryId))!,
  maxAmount: (agreement) => money(agreement.maxAmountCents, agreement.currency),
  tracks: (agreement, _args, ctx) => tracksOfAgreement(ctx).load(agreement.id),
  commitments: async (agreement, { kind }, ctx) => (await commitmentsOfAgreement(ctx).load(agreement.id)).filter((c) => !kind || c.kind === kind),
  invoices: (agreement, args, ctx) => listInvoices(ctx, agreement, args),
  settlement: (agreement, { scenario }, ctx) => settlementOf(ctx, agreement, scenario),
  budget: (agreement, _args, ctx) => budgetOf(ctx, agreement),
  coFinancing: (agreement, { boardId }, ctx) => coFinancingOf(ctx, agreement, boardId),
  justificationReport: (agreement, _args, ctx) => justificationReport(ctx, agreement),
  viewerCanReadFinancials: (agreement, _args, ctx) => can(ctx, fundingReadFinancials, agreement),
  viewerCanRecordCoFinancing: (agreement, _args, ctx) => can(ctx, coFinancingRecord, agreement),
  viewerCanSubmitInvoice: (agreement, _args, ctx) => can(ctx, invoiceSubmit, agreement),
};
