import { money } from "../../shared/money.js";
import type { SettlementResolvers } from "./../../types.generated.js";
import { commitmentLoader } from "../agreements.service.js";
import type { CommitmentMapper } from "./../funding.mappers.js";

export const Settlement: SettlementResolvers = {
  effortPart: ({ result }) => money(result.effortPartCents, result.currency),
  resultShare: ({ result }) => money(result.resultShareCents, result.currency),
  resultPart: ({ result }) => money(result.resultPartCents, result.currency),
  realisedCosts: ({ result }) => money(result.realisedCostsCents, result.currency),
  committedCosts: ({ result }) => money(result.committedCostsCents, result.currency),
  overheadRecorded: ({ result }) => money(result.overheadRecordedCents, result.currency),
  overheadCounted: ({ result }) => money(result.overheadCountedCents, result.currency),
  coFinancingIncome: ({ result }) => money(result.incomeCents, result.currency),
  eligibleCosts: ({ result }) => money(result.eligibleCostsCents, result.currency),
  entitlement: ({ result }) => money(result.entitlementCents, result.currency),
  payable: ({ result }) => money(result.payableCents, result.currency),
  cappedBy: ({ result }) => result.cappedBy,
  achievedResultCommitments: ({ result }) => result.achievedResultCommitments,
  totalResultCommitments: ({ result }) => result.totalResultCommitments,
  // Batched by the commitment loader; a frozen settlement may name a commitment removed after a
  // reopening, which is left out rather than failing the settlement.
  unjustifiedEffortCommitments: async ({ unjustifiedEffortCommitmentIds }, _args, ctx) => {
    const rows = await commitmentLoader(ctx).loadMany(unjustifiedEffortCommitmentIds);
    return rows.filter((row): row is CommitmentMapper => row !== null && !(row instanceof Error));
  },
  explanation: ({ explanation }) => explanation.map((line) => line.text),
  steps: ({ explanation, result }) =>
    explanation.map((line) => ({ step: line.step, text: line.text, amount: line.amountCents === null ? null : money(line.amountCents, result.currency) })),
};
