// The computed shapes funding resolvers return: settlement, budget and co-financing views.
import type { boards } from "../../db/schema/boards.js";
import type { Money } from "../shared/money.js";
import type { Action, Commitment, Track } from "./agreements.service.js";
import type { ExplanationLine, Settlement } from "./settlement.js";

export interface SettlementView {
  hypothetical: boolean;
  result: Settlement;
  unjustifiedEffortCommitments: Commitment[];
  explanation: ExplanationLine[];
}

export interface BudgetLine {
  approved: Money;
  paid: Money;
  coFinanced: Money;
}

export interface BudgetView {
  tracks: { track: Track; amounts: BudgetLine; actions: { action: Action; amounts: BudgetLine }[] }[];
  total: BudgetLine;
}

export interface CoFinancingTotals {
  charged: Money;
  paid: Money;
  outstanding: Money;
}

export interface CoFinancingView {
  /** What the ledger shows: an agreement's entries, of one board or of all. */
  scope: { agreementId: string; boardId: string | null };
  byBoard: { board: typeof boards.$inferSelect; totals: CoFinancingTotals }[];
  byAction: { action: Action; totals: CoFinancingTotals }[];
  totals: CoFinancingTotals;
}
