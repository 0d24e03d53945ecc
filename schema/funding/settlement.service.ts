// Gathers what the settlement rules need from the records (commitments met or justified, the
// costs and income costs.service.ts counts) and hands it to the pure engine in settlement.ts. A
// scenario replaces some of those facts for a "what if" and is answered from reads alone:
// nothing is written. A closed agreement's settlement is the one frozen at closing; the
// snapshot that closing stores is made here, so the frozen and the live settlement are one
// computation.
import { z } from "zod";
import type { Context } from "../shared/context.js";
import { badInput } from "../shared/errors.js";
import { parseInput } from "../shared/fn.js";
import type { Locale } from "../shared/i18n.js";
import { nonNegativeMoneyInput } from "../shared/money.js";
import { assertCan } from "../shared/policy.js";
import { type Agreement, commitmentsOfAgreement } from "./agreements.service.js";
import { frozenSettlement } from "./closing.service.js";
import { commitmentMet } from "./commitments.service.js";
import { coFinancingIncome, committedCosts, overheadRecorded, realisedCosts } from "./costs.service.js";
import { fundingReadFinancials } from "./funding.policy.js";
import { type ExplanationLine, explain, type Settlement, type SettlementBasis, type SettlementInput, settle } from "./settlement.js";
import type { SettlementView } from "./views.js";

/** An agreement has a handful of result commitments; a longer list is not a scenario of it. */
const MAX_SCENARIO_COMMITMENTS = 100;

// Every figure of a scenario is bounded, so that the sums the engine computes stay safe integers:
// additional costs and income at most the single-amount maximum (EUR 10 million: above any
// agreement's maximum, which caps what is payable anyway, so no meaningful scenario is refused).
const scenarioInput = z
  .object({
    achievedResultCommitmentNumbers: z.array(z.number().int()).max(MAX_SCENARIO_COMMITMENTS, `must list at most ${MAX_SCENARIO_COMMITMENTS} commitment numbers`).nullish(),
    additionalEligibleCosts: nonNegativeMoneyInput.nullish(),
    coFinancingIncome: nonNegativeMoneyInput.nullish(),
  })
  .nullish();

type Scenario = z.output<typeof scenarioInput>;

/**
 * The settlement of an agreement on a basis, optionally for a scenario. Once the agreement is
 * closed, its settlement is the FINAL one frozen at closing; a scenario or a forecast of it is
 * refused, since nothing of it changes any more.
 */
export async function settlementOf(ctx: Context, agreement: Agreement, rawScenario: z.input<typeof scenarioInput>, basis: SettlementBasis = "FINAL"): Promise<SettlementView> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  if (agreement.status === "CLOSED") {
    if (rawScenario != null) throw badInput("scenario", "cannot be asked of a closed agreement: its settlement is final, frozen at closing");
    if (basis !== "FINAL") throw badInput("basis", "must be FINAL for a closed agreement: its settlement is final, frozen at closing");
    return frozenSettlement(ctx, agreement);
  }
  const scenario = parseInput(scenarioInput, rawScenario, "scenario");
  const computed = await compute(ctx, agreement, scenario, basis);
  return {
    hypothetical: Boolean(scenario?.achievedResultCommitmentNumbers || scenario?.additionalEligibleCosts || scenario?.coFinancingIncome),
    basis,
    frozenAt: null,
    result: computed.result,
    unjustifiedEffortCommitmentIds: computed.unjustifiedEffortCommitmentIds,
    explanation: explain(computed.result, computed.input, ctx.locale),
  };
}

/** What a closing freezes of the settlement: plain data, so it survives a jsonb round trip. */
export interface SettlementSnapshot {
  result: Settlement;
  /** Row ids of the effort commitments flagged as not justified, by number. */
  unjustifiedEffortCommitmentIds: string[];
  /** The explanation in each language, so the frozen settlement reads the same in every one. */
  explanations: Record<Locale, ExplanationLine[]>;
}

/**
 * The FINAL settlement of the recorded state (no scenario), explained in nl, fr and en, for the
 * closing snapshot. Reads through `ctx.db`, so inside the closing's change it sees that
 * transaction. The caller authorizes (closing has its own policy); the agreement's status is
 * not looked at, so it can be taken while the agreement is being closed.
 */
export async function finalSettlementSnapshot(ctx: Context, agreement: Agreement): Promise<SettlementSnapshot> {
  const { result, input, unjustifiedEffortCommitmentIds } = await compute(ctx, agreement, null, "FINAL");
  return {
    result,
    unjustifiedEffortCommitmentIds,
    explanations: { nl: explain(result, input, "nl"), fr: explain(result, input, "fr"), en: explain(result, input, "en") },
  };
}

/** A frozen settlement as the API shows it, in one language. */
export function settlementViewFromSnapshot(snapshot: SettlementSnapshot, locale: Locale, frozenAt: Date): SettlementView {
  return {
    hypothetical: false,
    basis: "FINAL",
    frozenAt,
    result: snapshot.result,
    unjustifiedEffortCommitmentIds: snapshot.unjustifiedEffortCommitmentIds,
    explanation: snapshot.explanations[locale],
  };
}

async function compute(
  ctx: Context,
  agreement: Agreement,
  scenario: Scenario,
  basis: SettlementBasis,
): Promise<{ result: Settlement; input: SettlementInput; unjustifiedEffortCommitmentIds: string[] }> {
  const all = await commitmentsOfAgreement(ctx).load(agreement.id);
  const effort = all.filter((c) => c.kind === "EFFORT");
  const result = all.filter((c) => c.kind === "RESULT");

  let achieved: Set<number>;
  if (scenario?.achievedResultCommitmentNumbers) {
    const known = new Set(result.map((c) => c.number));
    const unknown = scenario.achievedResultCommitmentNumbers.filter((n) => !known.has(n));
    if (unknown.length) throw badInput("scenario.achievedResultCommitmentNumbers", `names result commitments this agreement does not have: ${unknown.join(", ")}`);
    achieved = new Set(scenario.achievedResultCommitmentNumbers);
  } else {
    const met = await Promise.all(result.map((c) => commitmentMet(ctx, c)));
    achieved = new Set(result.filter((_, i) => met[i]).map((c) => c.number));
  }
  for (const field of ["additionalEligibleCosts", "coFinancingIncome"] as const) {
    const given = scenario?.[field];
    if (given && given.currency !== agreement.currency) throw badInput(`scenario.${field}.currency`, `must be ${agreement.currency}, the agreement's currency`);
  }
  const [effortMet, realised, committed, overhead, income] = await Promise.all([
    Promise.all(effort.map((c) => commitmentMet(ctx, c))),
    realisedCosts(ctx).load(agreement.id),
    committedCosts(ctx).load(agreement.id),
    overheadRecorded(ctx).load(agreement.id),
    coFinancingIncome(ctx).load(agreement.id),
  ]);

  const input: SettlementInput = {
    basis,
    maxAmountCents: agreement.maxAmountCents,
    currency: agreement.currency,
    effortShareBp: agreement.effortShareBp,
    resultShareBp: agreement.resultShareBp,
    effortCommitments: effort.map((c, i) => ({ number: c.number, justified: Boolean(effortMet[i]) })),
    resultCommitments: result.map((c) => ({ number: c.number, achieved: achieved.has(c.number) })),
    realisedCostsCents: realised,
    committedCostsCents: committed,
    overheadRecordedCents: overhead,
    overheadCeilingCents: agreement.overheadCeilingCents,
    incomeCents: scenario?.coFinancingIncome?.cents ?? income,
    additionalCostsCents: scenario?.additionalEligibleCosts?.cents ?? 0,
  };
  const settlement = settle(input);
  const unjustified = new Set(settlement.unjustifiedEffortCommitments);
  return {
    result: settlement,
    input,
    unjustifiedEffortCommitmentIds: effort
      .filter((c) => unjustified.has(c.number))
      .sort((a, b) => a.number - b.number)
      .map((c) => c.id),
  };
}
