import type { OrganisationMapper as Organisation } from "../../organisations/organisations.mappers.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { localeFromEnum, localized } from "../../shared/i18n.js";
import { money } from "../../shared/money.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { FundingAgreementResolvers } from "./../../types.generated.js";
import { commitmentsOfAgreement, steeringGroupOf, tracksOf } from "../agreements.service.js";
import { closingsOf, reportFor } from "../closing.service.js";
import { budgetOf, coFinancingOf } from "../cofinancing.service.js";
import { agreementClose, agreementEdit, agreementReopen, agreementSetTerms, coFinancingRecord, fundingReadFinancials, invoiceSubmit, overheadRecord } from "../funding.policy.js";
import { listInvoices } from "../invoices.service.js";
import { moneyTermsLockedLoader, todayInBrussels } from "../lifecycle.js";
import { overheadOf } from "../overhead.service.js";
import { settlementOf } from "../settlement.service.js";

export const FundingAgreement: FundingAgreementResolvers = {
  id: (agreement) => toGlobalId("FundingAgreement", agreement.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  funder: async (agreement, _args, ctx) => (await organisationLoader(ctx).load(agreement.funderId))!,
  beneficiary: async (agreement, _args, ctx) => (await organisationLoader(ctx).load(agreement.beneficiaryId))!,
  maxAmount: (agreement) => money(agreement.maxAmountCents, agreement.currency),
  beneficiaryBankAccount: async (agreement, _args, ctx) => ((await can(ctx, fundingReadFinancials, agreement)) ? agreement.beneficiaryBankAccount : null),
  overheadCeiling: (agreement) => (agreement.overheadCeilingCents === null ? null : money(agreement.overheadCeilingCents, agreement.currency)),
  steeringGroup: async (agreement, _args, ctx) => {
    const members = await steeringGroupOf(ctx).load(agreement.id);
    const rows = await organisationLoader(ctx).loadMany(members.map((m) => m.organisationId));
    return rows.filter((row): row is Organisation => row !== null && !(row instanceof Error)).sort((a, b) => a.name.nl.localeCompare(b.name.nl, "nl"));
  },
  moneyTermsLocked: (agreement, _args, ctx) => moneyTermsLockedLoader(ctx).load(agreement.id),
  closings: (agreement, _args, ctx) => closingsOf(ctx, agreement),
  overhead: (agreement, _args, ctx) => overheadOf(ctx, agreement),
  tracks: (agreement, _args, ctx, info) => tracksOf(ctx, agreement.id, info),
  commitments: async (agreement, { kind }, ctx) => (await commitmentsOfAgreement(ctx).load(agreement.id)).filter((c) => !kind || c.kind === kind),
  invoices: (agreement, args, ctx) => listInvoices(ctx, agreement, args),
  settlement: (agreement, { scenario, basis }, ctx) => settlementOf(ctx, agreement, scenario, basis ?? "FINAL"),
  budget: (agreement, _args, ctx) => budgetOf(ctx, agreement),
  coFinancing: (agreement, { boardId }, ctx) => coFinancingOf(ctx, agreement, boardId),
  justificationReport: (agreement, { locale }, ctx) => reportFor(ctx, agreement, localeFromEnum(locale) ?? ctx.locale),
  viewerCanReadFinancials: (agreement, _args, ctx) => can(ctx, fundingReadFinancials, agreement),
  // A closed agreement takes no writes, so no viewer may write to it until it is reopened.
  viewerCanRecordCoFinancing: async (agreement, _args, ctx) => agreement.status === "OPEN" && (await can(ctx, coFinancingRecord, agreement)),
  viewerCanSubmitInvoice: async (agreement, _args, ctx) => agreement.status === "OPEN" && (await can(ctx, invoiceSubmit, agreement)),
  viewerCanRecordOverhead: async (agreement, _args, ctx) => agreement.status === "OPEN" && (await can(ctx, overheadRecord, agreement)),
  viewerCanEdit: async (agreement, _args, ctx) => agreement.status === "OPEN" && (await can(ctx, agreementEdit, agreement)),
  viewerCanSetTerms: async (agreement, _args, ctx) => agreement.status === "OPEN" && (await can(ctx, agreementSetTerms, agreement)),
  viewerCanClose: async (agreement, _args, ctx) => agreement.status === "OPEN" && todayInBrussels() > agreement.periodEnd && (await can(ctx, agreementClose, agreement)),
  viewerCanReopen: async (agreement, _args, ctx) => agreement.status === "CLOSED" && (await can(ctx, agreementReopen, agreement)),
};
