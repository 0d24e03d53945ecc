// Gathers what the settlement rules need from the records (commitments met or justified,
// eligible costs) and hands it to the pure engine in settlement.ts. A scenario replaces some
// of those facts for a "what if" and is answered from reads alone: nothing is written.
import { z } from "zod";
import type { Context } from "../shared/context.js";
import { badInput } from "../shared/errors.js";
import { parseInput } from "../shared/fn.js";
import { nonNegativeMoneyInput } from "../shared/money.js";
import { assertCan } from "../shared/policy.js";
import { type Agreement, commitmentsOfAgreement } from "./agreements.service.js";
import { commitmentMet } from "./commitments.service.js";
import { fundingReadFinancials } from "./funding.policy.js";
import { eligibleCosts } from "./invoices.service.js";
import { explain, type SettlementInput, settle } from "./settlement.js";
import type { SettlementView } from "./views.js";

/** An agreement has a handful of result commitments; a longer list is not a scenario of it. */
const MAX_SCENARIO_COMMITMENTS = 100;

// Every figure of a scenario is bounded, so that the sums the engine computes stay safe integers:
// additional costs at most the single-amount maximum (EUR 10 million: above any agreement's
// maximum, which caps what is payable anyway, so no meaningful scenario is refused).
const scenarioInput = z
  .object({
    achievedResultCommitmentNumbers: z.array(z.number().int()).max(MAX_SCENARIO_COMMITMENTS, `must list at most ${MAX_SCENARIO_COMMITMENTS} commitment numbers`).nullish(),
    additionalEligibleCosts: nonNegativeMoneyInput.nullish(),
  })
  .nullish();

export async function settlementOf(ctx: Context, agreement: Agreement, rawScenario: z.input<typeof scenarioInput>): Promise<SettlementView> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const scenario = parseInput(scenarioInput, rawScenario, "scenario");
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
  if (scenario?.additionalEligibleCosts && scenario.additionalEligibleCosts.currency !== agreement.currency) {
    throw badInput("scenario.additionalEligibleCosts.currency", `must be ${agreement.currency}, the agreement's currency`);
  }
  const effortMet = await Promise.all(effort.map((c) => commitmentMet(ctx, c)));

  const input: SettlementInput = {
    maxAmountCents: agreement.maxAmountCents,
    currency: agreement.currency,
    effortShareBp: agreement.effortShareBp,
    resultShareBp: agreement.resultShareBp,
    effortCommitments: effort.map((c, i) => ({ number: c.number, justified: Boolean(effortMet[i]) })),
    resultCommitments: result.map((c) => ({ number: c.number, achieved: achieved.has(c.number) })),
    eligibleCostsCents: (await eligibleCosts(ctx).load(agreement.id)) + (scenario?.additionalEligibleCosts?.cents ?? 0),
  };
  const settlement = settle(input);
  const unjustified = new Set(settlement.unjustifiedEffortCommitments);
  return {
    hypothetical: Boolean(scenario?.achievedResultCommitmentNumbers || scenario?.additionalEligibleCosts),
    result: settlement,
    unjustifiedEffortCommitments: effort.filter((c) => unjustified.has(c.number)),
    explanation: explain(settlement, input, ctx.locale),
  };
}
