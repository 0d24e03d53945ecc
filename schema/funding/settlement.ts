// The settlement (afrekening) of the addendum "investeren in talent" 2023-2025, articles 1-2:
// from the maximum subsidy, the effort/result split, the commitments and the real cost it
// computes the amount payable, and explains every step in Dutch, French or English.
//
// The real cost: VVSG "streeft geen winst na en brengt alleen de reële kost ... in. De financiële
// opbrengst van het project is enkel een compensatie voor de werkelijke meerkost". So the costs
// counted are the paid invoices (realised), plus the approved but unpaid ones (committed) only
// in a forecast, plus the consultants' overhead within its ceiling; the project's income (the
// boards' co-financing payments) is deducted from them before the cap, never below zero.
// Pure on purpose: no I/O, no database, no GraphQL, no clock, so the money rules can be tested
// and audited on their own and give the same answer wherever they run.
//
// Money is integer cents and every computation is BigInt, multiply first and floor-divide last,
// so no binary fraction ever touches an amount. Rounding is always down to the cent: the rules
// set ceilings, and rounding up could pay more than they allow.

import { amount, currencyCode, formatMoney, formatPercent, type MoneyLocale, supported } from "../shared/money.js";

export { formatMoney, formatPercent };

/** Which costs a settlement counts: FINAL only paid ones (what is paid out), FORECAST approved-but-unpaid ones too. */
export type SettlementBasis = "FINAL" | "FORECAST";

export interface SettlementInput {
  basis: SettlementBasis;
  maxAmountCents: number; // non-negative safe integer
  currency: string; // "EUR"
  effortShareBp: number; // basis points, e.g. 7000
  resultShareBp: number; // e.g. 3000; effortShareBp + resultShareBp must equal 10000
  effortCommitments: { number: number; justified: boolean }[];
  resultCommitments: { number: number; achieved: boolean }[];
  /** Paid third-party invoices for services within the period. Non-negative safe integer, like every amount here. */
  realisedCostsCents: number;
  /** Approved, not yet paid, invoices for services within the period: counted by a FORECAST only. */
  committedCostsCents: number;
  /** The consultants' overhead recorded within the period, net of reversals. */
  overheadRecordedCents: number;
  /** The agreement's ceiling on overhead; null while none is set (then no overhead counts). */
  overheadCeilingCents: number | null;
  /** Income for the same actions (the boards' co-financing payments), deducted from the costs. */
  incomeCents: number;
  /** A scenario's costs on top of the recorded ones, as if more invoices were paid; 0 when left out. */
  additionalCostsCents?: number;
}

/** The steps of a settlement, in the order `explain` gives them. */
export const SETTLEMENT_STEPS = [
  "EFFORT_PART",
  "UNJUSTIFIED_EFFORT",
  "RESULT_SHARE",
  "RESULT_THRESHOLD",
  "RESULT_PART",
  "REALISED_COSTS",
  "COMMITTED_COSTS",
  "OVERHEAD",
  "INCOME",
  "ELIGIBLE_COSTS",
  "CAP",
  "PAYABLE",
  "ROUNDING",
] as const;

export type SettlementStep = (typeof SETTLEMENT_STEPS)[number];

export type SettlementLocale = MoneyLocale;

export interface ExplanationLine {
  step: SettlementStep;
  /** Amount this step produced, in cents, or null for a step that states a fact. */
  amountCents: number | null;
  /** The line in the requested language (nl, fr or en). */
  text: string;
}

export type CappedBy = "NONE" | "ELIGIBLE_COSTS" | "MAXIMUM";

export interface Settlement {
  basis: SettlementBasis;
  currency: string;
  maxAmountCents: number;
  /** floor(max * effortBp / 10000), paid in full: unjustified effort commitments are flagged, not deducted, because the funder judges them. */
  effortPartCents: number;
  /** floor(max * resultBp / 10000). */
  resultShareCents: number;
  /** 0 when there are no result commitments or fewer than half are achieved, else floor(resultShare * achieved / total). */
  resultPartCents: number;
  achievedResultCommitments: number;
  totalResultCommitments: number;
  /** Numbers of the effort commitments not (yet) justified, ascending. */
  unjustifiedEffortCommitments: number[];
  /** Paid invoices within the period: always counted. */
  realisedCostsCents: number;
  /** Approved, unpaid invoices within the period: shown always, counted by a FORECAST only. */
  committedCostsCents: number;
  overheadRecordedCents: number;
  overheadCeilingCents: number | null;
  /** countedOverhead(overheadRecorded, overheadCeiling). */
  overheadCountedCents: number;
  /** A scenario's additional costs; 0 for the recorded state. */
  additionalCostsCents: number;
  /** realised + (FORECAST ? committed : 0) + overheadCounted + additional: the costs before income. */
  costsCountedCents: number;
  incomeCents: number;
  /** max(0, costsCounted - income): the real cost, what the payable amount may not exceed. */
  eligibleCostsCents: number;
  /** effortPart + resultPart. */
  entitlementCents: number;
  /** min(entitlement, eligibleCosts, maxAmount). */
  payableCents: number;
  /** Which ceiling bound the payable amount; see `bindingCap` for ties. */
  cappedBy: CappedBy;
}

const BP_WHOLE = 10_000n;

/**
 * The part of the recorded overhead that counts as cost: at most the agreement's ceiling, none
 * while no ceiling is set (the source says "een beperkt gedeelte" and gives no figure, so no
 * number is invented), never below zero (reversals can only cancel what was recorded).
 */
export function countedOverhead(recordedCents: number, ceilingCents: number | null): number {
  if (ceilingCents === null) return 0;
  return Math.max(0, Math.min(recordedCents, ceilingCents));
}

/**
 * Computes the settlement. Throws a RangeError on invalid input: an amount or share that is
 * negative, not an integer or not a safe integer; costs whose sum is not a safe integer; shares
 * not summing to 10000 basis points; a commitment number that is not a positive safe integer or
 * appears twice in its list; a justified/achieved flag that is not a boolean; a currency that is
 * not an ISO 4217 code; a basis other than FINAL or FORECAST.
 */
export function settle(input: SettlementInput): Settlement {
  validate(input);
  const max = BigInt(input.maxAmountCents);
  const costs = realCost(input);

  const effortPart = (max * BigInt(input.effortShareBp)) / BP_WHOLE;
  const resultShare = (max * BigInt(input.resultShareBp)) / BP_WHOLE;

  const total = input.resultCommitments.length;
  const achieved = input.resultCommitments.filter((c) => c.achieved).length;
  const resultPart = resultThresholdMet(achieved, total) ? (resultShare * BigInt(achieved)) / BigInt(total) : 0n;

  const entitlementCents = Number(effortPart + resultPart);
  const payableCents = Math.min(entitlementCents, costs.eligibleCostsCents, input.maxAmountCents);

  return {
    basis: input.basis,
    currency: input.currency,
    maxAmountCents: input.maxAmountCents,
    effortPartCents: Number(effortPart),
    resultShareCents: Number(resultShare),
    resultPartCents: Number(resultPart),
    achievedResultCommitments: achieved,
    totalResultCommitments: total,
    unjustifiedEffortCommitments: input.effortCommitments
      .filter((c) => !c.justified)
      .map((c) => c.number)
      .sort((a, b) => a - b),
    ...costs,
    entitlementCents,
    payableCents,
    cappedBy: bindingCap(entitlementCents, costs.eligibleCostsCents, input.maxAmountCents),
  };
}

type RealCost = Pick<
  Settlement,
  | "realisedCostsCents"
  | "committedCostsCents"
  | "overheadRecordedCents"
  | "overheadCeilingCents"
  | "overheadCountedCents"
  | "additionalCostsCents"
  | "costsCountedCents"
  | "incomeCents"
  | "eligibleCostsCents"
>;

/** The costs counted and the real cost after income; validated input only. */
function realCost(input: SettlementInput): RealCost {
  const overheadCountedCents = countedOverhead(input.overheadRecordedCents, input.overheadCeilingCents);
  const additionalCostsCents = input.additionalCostsCents ?? 0;
  const costs =
    BigInt(input.realisedCostsCents) + (input.basis === "FORECAST" ? BigInt(input.committedCostsCents) : 0n) + BigInt(overheadCountedCents) + BigInt(additionalCostsCents);
  if (costs > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`the costs counted must sum to a safe integer, got ${costs}`);
  const eligible = costs - BigInt(input.incomeCents);
  return {
    realisedCostsCents: input.realisedCostsCents,
    committedCostsCents: input.committedCostsCents,
    overheadRecordedCents: input.overheadRecordedCents,
    overheadCeilingCents: input.overheadCeilingCents,
    overheadCountedCents,
    additionalCostsCents,
    costsCountedCents: Number(costs),
    incomeCents: input.incomeCents,
    eligibleCostsCents: eligible > 0n ? Number(eligible) : 0,
  };
}

/**
 * Article 2: "Als minder dan de helft van de resultaatsverbintenissen wordt behaald, wordt geen
 * resultaatsfinanciering uitbetaald." Exactly half is not fewer than half, so it is paid.
 * With no result commitments at all there is nothing to pay pro rata of, so nothing is paid.
 */
export function resultThresholdMet(achieved: number, total: number): boolean {
  return total > 0 && achieved * 2 >= total;
}

/**
 * Which ceiling bound the payable amount. NONE whenever the entitlement is at or below both
 * ceilings (a ceiling that merely equals the entitlement took nothing away). When both ceilings
 * are below the entitlement and equal to each other, ELIGIBLE_COSTS wins: the state-aid rule
 * (only the real cost: costs counted less income) is the more specific reason for paying less.
 * With valid shares the entitlement never exceeds the maximum, so settle() never returns
 * MAXIMUM; the maximum stays in the minimum as a safeguard.
 */
export function bindingCap(entitlementCents: number, eligibleCostsCents: number, maxAmountCents: number): CappedBy {
  const payable = Math.min(entitlementCents, eligibleCostsCents, maxAmountCents);
  if (payable === entitlementCents) return "NONE";
  if (payable === eligibleCostsCents) return "ELIGIBLE_COSTS";
  return "MAXIMUM";
}

/** The steps whose floor-division dropped a fraction of a cent, in step order. */
export function roundedSteps(input: SettlementInput): SettlementStep[] {
  validate(input);
  const max = BigInt(input.maxAmountCents);
  const steps: SettlementStep[] = [];
  if ((max * BigInt(input.effortShareBp)) % BP_WHOLE !== 0n) steps.push("EFFORT_PART");
  if ((max * BigInt(input.resultShareBp)) % BP_WHOLE !== 0n) steps.push("RESULT_SHARE");
  const total = input.resultCommitments.length;
  const achieved = input.resultCommitments.filter((c) => c.achieved).length;
  if (resultThresholdMet(achieved, total)) {
    const resultShare = (max * BigInt(input.resultShareBp)) / BP_WHOLE;
    if ((resultShare * BigInt(achieved)) % BigInt(total) !== 0n) steps.push("RESULT_PART");
  }
  return steps;
}

function validate(input: SettlementInput): void {
  if (input.basis !== "FINAL" && input.basis !== "FORECAST") throw new RangeError(`basis must be FINAL or FORECAST, got ${String(input.basis)}`);
  amount("maxAmountCents", input.maxAmountCents);
  amount("realisedCostsCents", input.realisedCostsCents);
  amount("committedCostsCents", input.committedCostsCents);
  amount("overheadRecordedCents", input.overheadRecordedCents);
  if (input.overheadCeilingCents !== null) amount("overheadCeilingCents", input.overheadCeilingCents);
  amount("incomeCents", input.incomeCents);
  amount("additionalCostsCents", input.additionalCostsCents ?? 0);
  amount("effortShareBp", input.effortShareBp);
  amount("resultShareBp", input.resultShareBp);
  if (input.effortShareBp + input.resultShareBp !== 10_000) {
    throw new RangeError(`effortShareBp + resultShareBp must be 10000 basis points, got ${input.effortShareBp} + ${input.resultShareBp}`);
  }
  currencyCode(input.currency);
  commitments("effortCommitments", input.effortCommitments, "justified");
  commitments("resultCommitments", input.resultCommitments, "achieved");
}

function commitments<K extends "justified" | "achieved">(field: string, list: ({ number: number } & Record<K, boolean>)[], flag: K): void {
  if (!Array.isArray(list)) throw new RangeError(`${field} must be a list`);
  const seen = new Set<number>();
  for (const c of list) {
    // Commitments are numbered from 1 in the addendum ("Resultaatsverbintenis 1" to 5).
    if (!Number.isSafeInteger(c.number) || c.number < 1) {
      throw new RangeError(`${field}: commitment number must be a positive safe integer, got ${String(c.number)}`);
    }
    if (seen.has(c.number)) throw new RangeError(`${field}: commitment number ${c.number} appears more than once`);
    seen.add(c.number);
    if (typeof c[flag] !== "boolean") {
      throw new RangeError(`${field}: "${flag}" of commitment ${c.number} must be true or false`);
    }
  }
}

function list(numbers: number[], locale: SettlementLocale): string {
  const and = { nl: "en", fr: "et", en: "and" }[locale];
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} ${and} ${numbers[numbers.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Explanation.

/**
 * One line per step, in SETTLEMENT_STEPS order. amountCents: EFFORT_PART, RESULT_SHARE,
 * RESULT_PART, REALISED_COSTS, INCOME, ELIGIBLE_COSTS and PAYABLE give their amount;
 * COMMITTED_COSTS the committed costs it shows (counted by a FORECAST only, as its text says);
 * OVERHEAD the overhead that counts; CAP what the cap took off the entitlement (0 for NONE);
 * UNJUSTIFIED_EFFORT, RESULT_THRESHOLD and ROUNDING state facts (null).
 * Throws a RangeError when the settlement is not the one `settle(input)` gives, so a stale or
 * edited settlement is never explained with another input's facts.
 */
export function explain(settlement: Settlement, input: SettlementInput, locale: SettlementLocale): ExplanationLine[] {
  supported(locale);
  const expected = settle(input);
  if (!sameSettlement(settlement, expected)) {
    throw new RangeError("the settlement does not belong to this input; explain settle(input)");
  }
  const s = expected;
  const money = (cents: number) => formatMoney(cents, s.currency, locale);
  const t = TEXTS[locale];
  const rounded = roundedSteps(input).length;

  const lines: Record<SettlementStep, ExplanationLine> = {
    EFFORT_PART: {
      step: "EFFORT_PART",
      amountCents: s.effortPartCents,
      text: t.effortPart(formatPercent(input.effortShareBp, locale), money(s.maxAmountCents), money(s.effortPartCents)),
    },
    UNJUSTIFIED_EFFORT: {
      step: "UNJUSTIFIED_EFFORT",
      amountCents: null,
      text:
        input.effortCommitments.length === 0
          ? t.noEffortCommitments
          : s.unjustifiedEffortCommitments.length === 0
            ? t.allJustified(input.effortCommitments.length)
            : t.unjustified(s.unjustifiedEffortCommitments, list(s.unjustifiedEffortCommitments, locale)),
    },
    RESULT_SHARE: {
      step: "RESULT_SHARE",
      amountCents: s.resultShareCents,
      text: t.resultShare(formatPercent(input.resultShareBp, locale), money(s.resultShareCents)),
    },
    RESULT_THRESHOLD: {
      step: "RESULT_THRESHOLD",
      amountCents: null,
      text:
        s.totalResultCommitments === 0
          ? t.noResultCommitments
          : resultThresholdMet(s.achievedResultCommitments, s.totalResultCommitments)
            ? t.thresholdMet(s.achievedResultCommitments, s.totalResultCommitments)
            : t.thresholdMissed(s.achievedResultCommitments, s.totalResultCommitments),
    },
    RESULT_PART: {
      step: "RESULT_PART",
      amountCents: s.resultPartCents,
      text:
        s.totalResultCommitments === 0
          ? t.resultPartNoCommitments(money(0))
          : resultThresholdMet(s.achievedResultCommitments, s.totalResultCommitments)
            ? t.resultPart(`${s.achievedResultCommitments}/${s.totalResultCommitments}`, money(s.resultShareCents), money(s.resultPartCents))
            : t.resultPartMissed(money(0)),
    },
    REALISED_COSTS: { step: "REALISED_COSTS", amountCents: s.realisedCostsCents, text: t.realisedCosts(money(s.realisedCostsCents)) },
    COMMITTED_COSTS: {
      step: "COMMITTED_COSTS",
      amountCents: s.committedCostsCents,
      text: s.basis === "FORECAST" ? t.committedForecast(money(s.committedCostsCents)) : t.committedFinal(money(s.committedCostsCents)),
    },
    OVERHEAD: {
      step: "OVERHEAD",
      amountCents: s.overheadCountedCents,
      text:
        s.overheadCeilingCents === null
          ? t.overheadNoCeiling(money(s.overheadRecordedCents), money(0))
          : s.overheadRecordedCents > s.overheadCeilingCents
            ? t.overheadCapped(money(s.overheadRecordedCents), money(s.overheadCeilingCents), money(s.overheadCountedCents))
            : t.overheadWithin(money(s.overheadRecordedCents), money(s.overheadCeilingCents), money(s.overheadCountedCents)),
    },
    INCOME: { step: "INCOME", amountCents: s.incomeCents, text: t.income(money(s.incomeCents)) },
    ELIGIBLE_COSTS: {
      step: "ELIGIBLE_COSTS",
      amountCents: s.eligibleCostsCents,
      text: s.costsCountedCents < s.incomeCents ? t.eligibleBelowZero(costFormula(s, locale), money(0)) : t.eligibleCosts(costFormula(s, locale), money(s.eligibleCostsCents)),
    },
    CAP: {
      step: "CAP",
      amountCents: s.entitlementCents - s.payableCents,
      text:
        s.cappedBy === "NONE"
          ? t.capNone(money(s.entitlementCents))
          : s.cappedBy === "ELIGIBLE_COSTS"
            ? t.capEligible(money(s.entitlementCents), money(s.eligibleCostsCents), money(s.entitlementCents - s.payableCents))
            : t.capMaximum(money(s.entitlementCents), money(s.maxAmountCents), money(s.entitlementCents - s.payableCents)),
    },
    PAYABLE: { step: "PAYABLE", amountCents: s.payableCents, text: t.payable(money(s.payableCents)) },
    ROUNDING: { step: "ROUNDING", amountCents: null, text: t.rounding(rounded) },
  };
  return SETTLEMENT_STEPS.map((step) => lines[step]);
}

/** "EUR 400,000.00 realised + EUR 0.00 overhead - EUR 50,000.00 income": the sum ELIGIBLE_COSTS states. */
function costFormula(s: Settlement, locale: SettlementLocale): string {
  const label = TERMS[locale];
  const term = (cents: number, name: string) => `${formatMoney(cents, s.currency, locale)} ${name}`;
  const added = [term(s.realisedCostsCents, label.realised)];
  if (s.basis === "FORECAST") added.push(term(s.committedCostsCents, label.committed));
  added.push(term(s.overheadCountedCents, label.overhead));
  if (s.additionalCostsCents > 0) added.push(term(s.additionalCostsCents, label.additional));
  return `${added.join(" + ")} - ${term(s.incomeCents, label.income)}`;
}

const TERMS: Record<SettlementLocale, Record<"realised" | "committed" | "overhead" | "additional" | "income", string>> = {
  en: { realised: "realised", committed: "committed", overhead: "overhead", additional: "additional (scenario)", income: "income" },
  nl: { realised: "gerealiseerd", committed: "vastgelegd", overhead: "overhead", additional: "bijkomend (scenario)", income: "inkomsten" },
  fr: { realised: "réalisés", committed: "engagés", overhead: "frais généraux", additional: "supplémentaires (scénario)", income: "recettes" },
};

function sameSettlement(a: Settlement, b: Settlement): boolean {
  const scalars = [
    "basis",
    "currency",
    "maxAmountCents",
    "effortPartCents",
    "resultShareCents",
    "resultPartCents",
    "achievedResultCommitments",
    "totalResultCommitments",
    "realisedCostsCents",
    "committedCostsCents",
    "overheadRecordedCents",
    "overheadCeilingCents",
    "overheadCountedCents",
    "additionalCostsCents",
    "costsCountedCents",
    "incomeCents",
    "eligibleCostsCents",
    "entitlementCents",
    "payableCents",
    "cappedBy",
  ] as const;
  return (
    scalars.every((key) => a[key] === b[key]) &&
    Array.isArray(a.unjustifiedEffortCommitments) &&
    a.unjustifiedEffortCommitments.length === b.unjustifiedEffortCommitments.length &&
    a.unjustifiedEffortCommitments.every((n, i) => n === b.unjustifiedEffortCommitments[i])
  );
}

interface Texts {
  effortPart(percent: string, max: string, part: string): string;
  noEffortCommitments: string;
  allJustified(count: number): string;
  unjustified(numbers: number[], listed: string): string;
  resultShare(percent: string, share: string): string;
  noResultCommitments: string;
  thresholdMet(achieved: number, total: number): string;
  thresholdMissed(achieved: number, total: number): string;
  resultPart(fraction: string, share: string, part: string): string;
  resultPartMissed(zero: string): string;
  resultPartNoCommitments(zero: string): string;
  realisedCosts(costs: string): string;
  committedFinal(costs: string): string;
  committedForecast(costs: string): string;
  overheadNoCeiling(recorded: string, zero: string): string;
  overheadWithin(recorded: string, ceiling: string, counted: string): string;
  overheadCapped(recorded: string, ceiling: string, counted: string): string;
  income(income: string): string;
  eligibleCosts(formula: string, eligible: string): string;
  eligibleBelowZero(formula: string, zero: string): string;
  capNone(entitlement: string): string;
  capEligible(entitlement: string, costs: string, cut: string): string;
  capMaximum(entitlement: string, max: string, cut: string): string;
  payable(payable: string): string;
  rounding(steps: number): string;
}

// The Dutch follows the wording of the addendum (inspannings-/resultaatsfinanciering, a rato).
const TEXTS: Record<SettlementLocale, Texts> = {
  en: {
    effortPart: (percent, max, part) => `Effort financing: ${percent} of the maximum of ${max} is ${part}, granted on the basis of the effort commitments fixed in advance.`,
    noEffortCommitments: "There are no effort commitments to justify.",
    allJustified: (count) => (count === 1 ? "The effort commitment is justified." : `All ${count} effort commitments are justified.`),
    unjustified: (numbers, listed) =>
      numbers.length === 1
        ? `Effort commitment ${listed} is not yet justified; it is flagged for the funder's judgement, not deducted.`
        : `Effort commitments ${listed} are not yet justified; they are flagged for the funder's judgement, not deducted.`,
    resultShare: (percent, share) => `Result financing: ${percent} of the maximum is ${share}, paid in proportion to the result commitments achieved.`,
    noResultCommitments: "There are no result commitments, so no result financing is paid.",
    thresholdMet: (achieved, total) =>
      `${achieved} of ${total} result ${total === 1 ? "commitment" : "commitments"} achieved: at least half, so the result share is paid pro rata.`,
    thresholdMissed: (achieved, total) => `${achieved} of ${total} result ${total === 1 ? "commitment" : "commitments"} achieved: fewer than half, so no result financing.`,
    resultPart: (fraction, share, part) => `Result part: ${fraction} of ${share} is ${part}.`,
    resultPartMissed: (zero) => `Result part: ${zero}, because fewer than half of the result commitments were achieved.`,
    resultPartNoCommitments: (zero) => `Result part: ${zero}, because there are no result commitments.`,
    realisedCosts: (costs) => `Realised costs: ${costs} in paid third-party invoices for services within the period; a cost counts once it is paid.`,
    committedFinal: (costs) => `Committed costs: ${costs} in approved but unpaid invoices; shown, but not counted in the final settlement until they are paid.`,
    committedForecast: (costs) => `Committed costs: ${costs} in approved but unpaid invoices, counted in this forecast as if they were paid.`,
    overheadNoCeiling: (recorded, zero) =>
      `Overhead of the consultants: ${recorded} recorded within the period; the agreement sets no ceiling on overhead yet, so none counts (${zero}).`,
    overheadWithin: (recorded, ceiling, counted) =>
      `Overhead of the consultants: ${recorded} recorded within the period, within the ceiling of ${ceiling}: ${counted} counts as cost.`,
    overheadCapped: (recorded, ceiling, counted) =>
      `Overhead of the consultants: ${recorded} recorded within the period, above the ceiling of ${ceiling}: only ${counted} counts as cost.`,
    income: (income) =>
      `Income: ${income} in the boards' co-financing payments (within the period and its reporting window) is deducted from the costs: the project's financial proceeds only compensate its real extra cost.`,
    eligibleCosts: (formula, eligible) => `Eligible costs: ${formula} = ${eligible}; the beneficiary pursues no profit and brings in only the real cost (state-aid rules).`,
    eligibleBelowZero: (formula, zero) =>
      `Eligible costs: ${formula} is below zero, so ${zero}; the beneficiary pursues no profit and brings in only the real cost (state-aid rules).`,
    capNone: (entitlement) => `The entitlement of ${entitlement} (effort part plus result part) exceeds neither the eligible costs nor the maximum, so no cap applies.`,
    capEligible: (entitlement, costs, cut) =>
      `The entitlement of ${entitlement} exceeds the eligible costs of ${costs}, so the payable amount is capped at the eligible costs (${cut} less).`,
    capMaximum: (entitlement, max, cut) => `The entitlement of ${entitlement} exceeds the maximum subsidy of ${max}, so the payable amount is capped at the maximum (${cut} less).`,
    payable: (payable) => `Payable: ${payable}.`,
    rounding: (steps) =>
      `Every amount is rounded down to the cent, so rounding never pays more than the rules allow; ${
        steps === 0
          ? "no step dropped a fraction of a cent."
          : steps === 1
            ? "1 step dropped a fraction of a cent (less than one cent)."
            : `${steps} steps dropped a fraction of a cent (less than one cent per step).`
      }`,
  },
  nl: {
    effortPart: (percent, max, part) =>
      `Inspanningsfinanciering: ${percent} van het maximum van ${max} is ${part}, toegekend op basis van de vooraf vastgelegde inspanningsverbintenissen.`,
    noEffortCommitments: "Er zijn geen inspanningsverbintenissen te verantwoorden.",
    allJustified: (count) => (count === 1 ? "De inspanningsverbintenis is verantwoord." : `Alle ${count} inspanningsverbintenissen zijn verantwoord.`),
    unjustified: (numbers, listed) =>
      numbers.length === 1
        ? `Inspanningsverbintenis ${listed} is nog niet verantwoord; ze wordt gemeld ter beoordeling door de subsidiegever, niet afgetrokken.`
        : `Inspanningsverbintenissen ${listed} zijn nog niet verantwoord; ze worden gemeld ter beoordeling door de subsidiegever, niet afgetrokken.`,
    resultShare: (percent, share) => `Resultaatsfinanciering: ${percent} van het maximum is ${share}, uitbetaald a rato van de behaalde resultaatsverbintenissen.`,
    noResultCommitments: "Er zijn geen resultaatsverbintenissen, dus er wordt geen resultaatsfinanciering uitbetaald.",
    thresholdMet: (achieved, total) =>
      `${achieved} van ${total === 1 ? "1 resultaatsverbintenis" : `de ${total} resultaatsverbintenissen`} behaald: minstens de helft, dus de resultaatsfinanciering wordt a rato uitbetaald.`,
    thresholdMissed: (achieved, total) =>
      `${achieved} van ${total === 1 ? "1 resultaatsverbintenis" : `de ${total} resultaatsverbintenissen`} behaald: minder dan de helft, dus geen resultaatsfinanciering.`,
    resultPart: (fraction, share, part) => `Resultaatsdeel: ${fraction} van ${share} is ${part}.`,
    resultPartMissed: (zero) => `Resultaatsdeel: ${zero}, omdat minder dan de helft van de resultaatsverbintenissen behaald is.`,
    resultPartNoCommitments: (zero) => `Resultaatsdeel: ${zero}, omdat er geen resultaatsverbintenissen zijn.`,
    realisedCosts: (costs) => `Gerealiseerde kosten: ${costs} aan betaalde facturen van derden voor diensten binnen de periode; een kost telt zodra hij betaald is.`,
    committedFinal: (costs) =>
      `Vastgelegde kosten: ${costs} aan goedgekeurde maar nog niet betaalde facturen; getoond, maar in de eindafrekening pas meegeteld wanneer ze betaald zijn.`,
    committedForecast: (costs) => `Vastgelegde kosten: ${costs} aan goedgekeurde maar nog niet betaalde facturen, in deze prognose meegeteld alsof ze betaald zijn.`,
    overheadNoCeiling: (recorded, zero) =>
      `Overheadkost van de consultants: ${recorded} geboekt binnen de periode; de overeenkomst legt nog geen plafond voor overhead vast, dus er telt geen overhead mee (${zero}).`,
    overheadWithin: (recorded, ceiling, counted) =>
      `Overheadkost van de consultants: ${recorded} geboekt binnen de periode, binnen het plafond van ${ceiling}: ${counted} telt mee als kost.`,
    overheadCapped: (recorded, ceiling, counted) =>
      `Overheadkost van de consultants: ${recorded} geboekt binnen de periode, boven het plafond van ${ceiling}: slechts ${counted} telt mee als kost.`,
    income: (income) =>
      `Inkomsten: ${income} aan cofinanciering betaald door de besturen (binnen de periode en de rapporteringstermijn) wordt van de kosten afgetrokken: de financiële opbrengst van het project is enkel een compensatie voor de werkelijke meerkost.`,
    eligibleCosts: (formula, eligible) =>
      `Subsidiabele kosten: ${formula} = ${eligible}; de begunstigde streeft geen winst na en brengt alleen de reële kost in (staatssteunregels).`,
    eligibleBelowZero: (formula, zero) =>
      `Subsidiabele kosten: ${formula} is minder dan nul, dus ${zero}; de begunstigde streeft geen winst na en brengt alleen de reële kost in (staatssteunregels).`,
    capNone: (entitlement) =>
      `De aanspraak van ${entitlement} (inspanningsdeel plus resultaatsdeel) overschrijdt noch de subsidiabele kosten noch het maximum, dus er geldt geen plafond.`,
    capEligible: (entitlement, costs, cut) =>
      `De aanspraak van ${entitlement} overschrijdt de subsidiabele kosten van ${costs}, dus het uit te betalen bedrag wordt beperkt tot de subsidiabele kosten (${cut} minder).`,
    capMaximum: (entitlement, max, cut) =>
      `De aanspraak van ${entitlement} overschrijdt de maximale toelage van ${max}, dus het uit te betalen bedrag wordt beperkt tot het maximum (${cut} minder).`,
    payable: (payable) => `Uit te betalen: ${payable}.`,
    rounding: (steps) =>
      `Elk bedrag wordt naar beneden afgerond op de cent, zodat afronding nooit meer uitbetaalt dan de regels toelaten; ${
        steps === 0
          ? "bij geen enkele stap viel een fractie van een cent weg."
          : steps === 1
            ? "bij 1 stap viel een fractie van een cent weg (minder dan één cent)."
            : `bij ${steps} stappen viel een fractie van een cent weg (minder dan één cent per stap).`
      }`,
  },
  fr: {
    effortPart: (percent, max, part) => `Financement des efforts : ${percent} du maximum de ${max} font ${part}, accordés sur la base des engagements d'effort fixés au préalable.`,
    noEffortCommitments: "Il n'y a aucun engagement d'effort à justifier.",
    allJustified: (count) => (count === 1 ? "L'engagement d'effort est justifié." : `Les ${count} engagements d'effort sont tous justifiés.`),
    unjustified: (numbers, listed) =>
      numbers.length === 1
        ? `L'engagement d'effort ${listed} n'est pas encore justifié ; il est signalé à l'appréciation du pouvoir subsidiant, sans déduction.`
        : `Les engagements d'effort ${listed} ne sont pas encore justifiés ; ils sont signalés à l'appréciation du pouvoir subsidiant, sans déduction.`,
    resultShare: (percent, share) => `Financement des résultats : ${percent} du maximum font ${share}, versés au prorata des engagements de résultat atteints.`,
    noResultCommitments: "Il n'y a aucun engagement de résultat, donc aucun financement des résultats n'est versé.",
    thresholdMet: (achieved, total) => `${frenchCount(achieved, total)} : au moins la moitié, donc la part des résultats est versée au prorata.`,
    thresholdMissed: (achieved, total) => `${frenchCount(achieved, total)} : moins de la moitié, donc aucun financement des résultats.`,
    resultPart: (fraction, share, part) => `Part des résultats : ${fraction} de ${share} font ${part}.`,
    resultPartMissed: (zero) => `Part des résultats : ${zero}, car moins de la moitié des engagements de résultat ont été atteints.`,
    resultPartNoCommitments: (zero) => `Part des résultats : ${zero}, car il n'y a aucun engagement de résultat.`,
    realisedCosts: (costs) => `Coûts réalisés : ${costs} de factures de tiers payées pour des services fournis pendant la période ; un coût compte une fois payé.`,
    committedFinal: (costs) => `Coûts engagés : ${costs} de factures approuvées mais pas encore payées ; affichés, mais comptés dans le décompte final seulement une fois payés.`,
    committedForecast: (costs) => `Coûts engagés : ${costs} de factures approuvées mais pas encore payées, comptés dans cette prévision comme s'ils étaient payés.`,
    overheadNoCeiling: (recorded, zero) =>
      `Frais généraux des consultants : ${recorded} enregistrés pendant la période ; la convention ne fixe pas encore de plafond pour les frais généraux, donc aucun ne compte (${zero}).`,
    overheadWithin: (recorded, ceiling, counted) =>
      `Frais généraux des consultants : ${recorded} enregistrés pendant la période, dans le plafond de ${ceiling} : ${counted} comptent comme coût.`,
    overheadCapped: (recorded, ceiling, counted) =>
      `Frais généraux des consultants : ${recorded} enregistrés pendant la période, au-delà du plafond de ${ceiling} : seuls ${counted} comptent comme coût.`,
    income: (income) =>
      `Recettes : ${income} de cofinancement payé par les pouvoirs locaux (pendant la période et le délai de rapportage) sont déduits des coûts : les recettes financières du projet ne font que compenser le surcoût réel.`,
    eligibleCosts: (formula, eligible) =>
      `Coûts éligibles : ${formula} = ${eligible} ; le bénéficiaire ne poursuit aucun but lucratif et n'apporte que le coût réel (règles sur les aides d'État).`,
    eligibleBelowZero: (formula, zero) =>
      `Coûts éligibles : ${formula} est inférieur à zéro, donc ${zero} ; le bénéficiaire ne poursuit aucun but lucratif et n'apporte que le coût réel (règles sur les aides d'État).`,
    capNone: (entitlement) =>
      `Le droit de ${entitlement} (part des efforts plus part des résultats) ne dépasse ni les coûts éligibles ni le maximum, donc aucun plafond ne s'applique.`,
    capEligible: (entitlement, costs, cut) =>
      `Le droit de ${entitlement} dépasse les coûts éligibles de ${costs}, donc le montant à payer est plafonné aux coûts éligibles (${cut} de moins).`,
    capMaximum: (entitlement, max, cut) =>
      `Le droit de ${entitlement} dépasse la subvention maximale de ${max}, donc le montant à payer est plafonné au maximum (${cut} de moins).`,
    payable: (payable) => `Montant à payer : ${payable}.`,
    rounding: (steps) =>
      `Chaque montant est arrondi au cent inférieur, de sorte que l'arrondi ne verse jamais plus que ce que les règles permettent ; ${
        steps === 0
          ? "aucune étape n'a écarté de fraction de cent."
          : steps === 1
            ? "1 étape a écarté une fraction de cent (moins d'un cent)."
            : `${steps} étapes ont écarté une fraction de cent (moins d'un cent par étape).`
      }`,
  },
};

// French agrees the noun with the count: "0 engagement ... atteint", "3 engagements ... atteints".
function frenchCount(achieved: number, total: number): string {
  const plural = achieved >= 2;
  return `${achieved} engagement${plural ? "s" : ""} de résultat sur ${total} atteint${plural ? "s" : ""}`;
}
