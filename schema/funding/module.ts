// The funding module: the addendum "investeren in talent" and any later agreement, its
// commitments and their measured progress, invoices, the boards' co-financing, the settlement
// and the justification report.
import { count } from "drizzle-orm";
import { fundingAgreements } from "../../db/schema/funding.js";
import { notFound } from "../shared/errors.js";
import { defineModule } from "../shared/module.js";
import { fromGlobalId } from "../shared/relay.js";
import { actionLoader, agreementLoader, commitmentLoader, trackLoader } from "./agreements.service.js";
import { reportFor } from "./closing.service.js";
import { findCoFinancingEntry } from "./cofinancing.service.js";
import {
  agreementChanged,
  agreementClosed,
  agreementReopened,
  coFinancingRecorded,
  commitmentJudged,
  commitmentProposed,
  fundingTermsSet,
  invoiceApproved,
  invoicePaid,
  invoiceRejected,
  invoiceSubmitted,
  overheadRecorded,
} from "./funding.events.js";
import {
  agreementClose,
  agreementEdit,
  agreementReopen,
  agreementSetTerms,
  coFinancingRead,
  coFinancingRecord,
  commitmentJudge,
  commitmentPropose,
  commitmentReopen,
  fundingReadFinancials,
  invoiceApprove,
  invoicePay,
  invoiceReject,
  invoiceSubmit,
  overheadRecord,
} from "./funding.policy.js";
import { findInvoice } from "./invoices.service.js";
import { findOverheadCost } from "./overhead.service.js";

/**
 * The metrics the addendum's measured commitments need. Their records belong to the trainings
 * and trajectories module (roadmap item 5), which will define them with their queries; until
 * then they read 0 with `hasSource: false`.
 */
const ADDENDUM_METRICS = [
  { key: "iao.departments", description: "Distinct departments of boards with an innovative work-organisation (IAO) trajectory" },
  { key: "iao.boardsReached", description: "Distinct boards reached by IAO trajectories" },
  { key: "elearning.networkBoards", description: "Distinct boards in the e-learning learning network" },
  { key: "worktables.meetingsHeld", description: "HRM worktable meetings held" },
  { key: "leadership.distinctTrajectories", description: "Distinct leadership trajectories offered, for diverse target groups" },
  { key: "learningTools.published", description: "Learning tools published on the knowledge platform" },
  { key: "training.distinctEmployeesReached", description: "Distinct employees of boards who attended a training" },
  { key: "lokaalwerkt.professionsListed", description: "Professions/functions listed on the LokaalWerkt website at the end of the period" },
  {
    key: "communication.newsletterGrowth",
    description: "Growth of newsletter readers per day against the 2021-2022 baseline, in basis points (2000 is +20%)",
  },
  { key: "communication.websiteGrowth", description: "Growth of website visitors per day against the 2021-2022 baseline, in basis points (2000 is +20%)" },
].map((m) => ({ ...m, module: "trainings" }));

export const fundingModule = defineModule({
  name: "funding",
  nodes: {
    // An agreement's structure (tracks, actions, commitments and their progress) is public.
    FundingAgreement: (ctx, id) => agreementLoader(ctx).load(id),
    Track: (ctx, id) => trackLoader(ctx).load(id),
    Action: (ctx, id) => actionLoader(ctx).load(id),
    Commitment: (ctx, id) => commitmentLoader(ctx).load(id),
    Invoice: findInvoice,
    CoFinancingEntry: findCoFinancingEntry,
    OverheadCost: findOverheadCost,
  },
  metrics: { needs: ADDENDUM_METRICS },
  downloads: [
    {
      path: /^\/reports\/funding-agreements\/([A-Za-z0-9_-]+)\/justification\.csv$/,
      async serve(ctx, [, globalId = ""]) {
        const parsed = fromGlobalId(globalId);
        const agreement = parsed?.type === "FundingAgreement" ? await agreementLoader(ctx).load(parsed.id) : null;
        if (!agreement) throw notFound("FundingAgreement");
        return reportFor(ctx, agreement, ctx.locale);
      },
    },
  ],
  events: [
    invoiceSubmitted,
    invoiceApproved,
    invoicePaid,
    invoiceRejected,
    commitmentProposed,
    commitmentJudged,
    coFinancingRecorded,
    overheadRecorded,
    agreementChanged,
    fundingTermsSet,
    agreementClosed,
    agreementReopened,
  ],
  policies: [
    fundingReadFinancials,
    coFinancingRead,
    coFinancingRecord,
    overheadRecord,
    invoiceSubmit,
    invoiceApprove,
    invoicePay,
    invoiceReject,
    commitmentPropose,
    commitmentJudge,
    commitmentReopen,
    agreementEdit,
    agreementSetTerms,
    agreementClose,
    agreementReopen,
  ],
  access: [
    { field: "Query.fundingAgreements", action: "public", note: "structure and progress; money fields are protected below" },
    { field: "Query.fundingAgreement", action: "public" },
    { field: "FundingAgreement.invoices", action: fundingReadFinancials },
    { field: "FundingAgreement.settlement", action: fundingReadFinancials },
    { field: "FundingAgreement.budget", action: fundingReadFinancials },
    { field: "FundingAgreement.justificationReport", action: fundingReadFinancials, note: "also GET /reports/funding-agreements/{id}/justification.csv" },
    { field: "FundingAgreement.overhead", action: fundingReadFinancials },
    { field: "FundingAgreement.closings", action: fundingReadFinancials },
    { field: "FundingAgreement.beneficiaryBankAccount", action: fundingReadFinancials, note: "null for everyone else" },
    { field: "FundingAgreement.coFinancing", action: coFinancingRead },
    // Fields that carry a person's identifier: for those who see who did what (audit.readActors:
    // consultants, admins) and those who read the agreement's financials, whose report names them.
    { field: "QualitativeTarget.judgedBy", action: fundingReadFinancials, note: "answers null for others, who still see that and when it was judged" },
    { field: "JudgementStep.actorSubject", action: fundingReadFinancials, note: "answers null for others, who still see the step, its role and when" },
    { field: "InvoiceTransition.actorSubject", action: fundingReadFinancials, note: "answers null for others, who still see the role" },
    { field: "Mutation.submitInvoice", action: invoiceSubmit },
    { field: "Mutation.approveInvoice", action: invoiceApprove },
    { field: "Mutation.payInvoice", action: invoicePay },
    { field: "Mutation.rejectInvoice", action: invoiceReject },
    { field: "Mutation.proposeJudgement", action: commitmentPropose },
    { field: "Mutation.acceptJudgement", action: commitmentJudge },
    { field: "Mutation.refuseJudgement", action: commitmentJudge },
    { field: "Mutation.reopenCommitment", action: commitmentReopen },
    { field: "Mutation.recordCoFinancing", action: coFinancingRecord },
    { field: "Mutation.reverseCoFinancingEntry", action: coFinancingRecord },
    { field: "Mutation.recordOverheadCost", action: overheadRecord },
    { field: "Mutation.reverseOverheadCost", action: overheadRecord },
    { field: "Mutation.createFundingAgreement", action: agreementEdit },
    { field: "Mutation.updateFundingAgreement", action: agreementEdit },
    { field: "Mutation.addTrack", action: agreementEdit },
    { field: "Mutation.updateTrack", action: agreementEdit },
    { field: "Mutation.addAction", action: agreementEdit },
    { field: "Mutation.updateAction", action: agreementEdit },
    { field: "Mutation.addCommitment", action: agreementEdit },
    { field: "Mutation.updateCommitment", action: agreementEdit },
    { field: "Mutation.removeCommitment", action: agreementEdit },
    { field: "Mutation.setFundingTerms", action: agreementSetTerms },
    { field: "Mutation.closeFundingAgreement", action: agreementClose },
    { field: "Mutation.reopenFundingAgreement", action: agreementReopen },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    async sources(database, progress) {
      // A database seeded before the funding module existed gets the addendum on its next start.
      const [agreements] = await database.db.select({ n: count() }).from(fundingAgreements);
      if ((agreements?.n ?? 0) > 0) return {};
      const { seedAddendum } = await import("../../db/seed/funding.js");
      if (!(await database.db.transaction((tx) => seedAddendum(tx)))) return {};
      progress("funding agreements", 1, 1);
      return { fundingAgreements: 1 };
    },
    sector: async (database, progress) => (await import("../../db/seed/funding.js")).seedSectorFunding(database, progress),
  },
});
