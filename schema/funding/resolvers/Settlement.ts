import { money } from "../../shared/money.js";
import type { SettlementResolvers } from "./../../types.generated.js";

export const Settlement: SettlementResolvers = {
  effortPart: ({ result }) => money(result.effortPartCents, result.currency),
  resultShare: ({ result }) => money(result.resultShareCents, result.currency),
  resultPart: ({ result }) => money(result.resultPartCents, result.currency),
  eligibleCosts: ({ result }) => money(result.eligibleCostsCents, result.currency),
  entitlement: ({ result }) => money(result.entitlementCents, result.currency),
  payable: ({ result }) => money(result.payableCents, result.currency),
  cappedBy: ({ result }) => result.cappedBy,
  achievedResultCommitments: ({ result }) => result.achievedResultCommitments,
  totalResultCommitments: ({ result }) => result.totalResultCommitments,
  explanation: ({ explanation }) => explanation.map((line) => line.text),
  steps: ({ explanation, result }) =>
    explanation.map((line) => ({ step: line.step, text: line.text, amount: line.amountCents === null ? null : money(line.amountCents, result.currency) })),
};
