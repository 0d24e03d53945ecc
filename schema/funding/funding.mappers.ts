import type {
  actions,
  agreementClosings,
  coFinancingEntries,
  commitmentJudgements,
  commitmentMeasures,
  commitments,
  fundingAgreements,
  invoices,
  invoiceTransitions,
  overheadCosts,
  tracks,
} from "../../db/schema/funding.js";
import type { MetricDefinition } from "../shared/metrics.js";
import type { Connection } from "../shared/relay.js";
import type { BudgetView, CoFinancingView, OverheadView, SettlementView } from "./views.js";

export type FundingAgreementMapper = typeof fundingAgreements.$inferSelect;
export type FundingAgreementConnectionMapper = Connection<FundingAgreementMapper>;
export type TrackMapper = typeof tracks.$inferSelect;
export type ActionMapper = typeof actions.$inferSelect;
export type CommitmentMapper = typeof commitments.$inferSelect;
/** The target is the commitment itself, seen as measured or as judged. */
export type MeasuredTargetMapper = CommitmentMapper & { __typename: "MeasuredTarget" };
export type QualitativeTargetMapper = CommitmentMapper & { __typename: "QualitativeTarget" };
export type MeasureMapper = typeof commitmentMeasures.$inferSelect & { agreementId: string };
export type MetricMapper = MetricDefinition;
export type InvoiceMapper = typeof invoices.$inferSelect;
export type InvoiceTransitionMapper = typeof invoiceTransitions.$inferSelect;
export type InvoiceConnectionMapper = Connection<InvoiceMapper>;
export type CoFinancingEntryConnectionMapper = Connection<CoFinancingEntryMapper>;
export type CoFinancingEntryMapper = typeof coFinancingEntries.$inferSelect;
export type SettlementMapper = SettlementView;
export type BudgetMapper = BudgetView;
export type CoFinancingMapper = CoFinancingView;
/** A commitment with a pending proposal, seen as the proposal. */
export type JudgementProposalMapper = CommitmentMapper;
export type JudgementStepMapper = typeof commitmentJudgements.$inferSelect;
export type AgreementClosingMapper = typeof agreementClosings.$inferSelect;
export type OverheadMapper = OverheadView;
export type OverheadCostMapper = typeof overheadCosts.$inferSelect;
export type OverheadCostConnectionMapper = Connection<OverheadCostMapper>;
