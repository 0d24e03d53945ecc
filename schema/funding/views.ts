// The computed shapes funding resolvers return: settlement, budget and co-financing views.
import type { boards } from "../../db/schema/boards.js";
import type { Money } from "../shared/money.js";
import type { Action, Track } from "./agreements.service.js";
import type { ExplanationLine, Settlement } from "./settlement.js";

export interface SettlementView {
  hypothetical: boolean;
  basis: "FINAL" | "FORECAST";
  /** When the agreement was closed, for the settlement frozen then; null for a live one. */
  frozenAt: Date | null;
  result: Settlement;
  /** The effort commitments flagged as not justified, by row id (a frozen settlement keeps ids, not rows). */
  unjustifiedEffortCommitmentIds: string[];
  explanation: ExplanationLine[];
}

/** The overhead of an agreement: what is recorded within the period, and what the ceiling lets count. */
export interface OverheadView {
  agreementId: string;
  currency: string;
  recordedCents: number;
  countedCents: number;
  ceilingCents: number | null;
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
