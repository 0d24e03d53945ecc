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
  coFinancingIncome: async (_parent, _arg, _ctx) => {
    /* Settlement.coFinancingIncome resolver is required because Settlement.coFinancingIncome exists but SettlementMapper.coFinancingIncome does not */
  },
  committedCosts: async (_parent, _arg, _ctx) => {
    /* Settlement.committedCosts resolver is required because Settlement.committedCosts exists but SettlementMapper.committedCosts does not */
  },
  overheadCounted: async (_parent, _arg, _ctx) => {
    /* Settlement.overheadCounted resolver is required because Settlement.overheadCounted exists but SettlementMapper.overheadCounted does not */
  },
  overheadRecorded: async (_parent, _arg, _ctx) => {
    /* Settlement.overheadRecorded resolver is required because Settlement.overheadRecorded exists but SettlementMapper.overheadRecorded does not */
  },
  realisedCosts: async (_parent, _arg, _ctx) => {
    /* Settlement.realisedCosts resolver is required because Settlement.realisedCosts exists but SettlementMapper.realisedCosts does not */
  },
  unjustifiedEffortCommitments: async (_parent, _arg, _ctx) => {
    /* Settlement.unjustifiedEffortCommitments resolver is required because Settlement.unjustifiedEffortCommitments exists but SettlementMapper.unjustifiedEffortCommitments does not */
  },
};
