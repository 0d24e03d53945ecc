// Whether commitments are met: measured ones from their metrics (counted within the agreement's
// period, never typed in), qualitative ones from a consultant's judgement with evidence.

import { eq } from "drizzle-orm";
import { z } from "zod";
import { commitments, judgementStatus } from "../../db/schema/funding.js";
import { actorSubject } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { defineLoader } from "../shared/loaders.js";
import { measureMetric } from "../shared/metrics.js";
import { assertCan } from "../shared/policy.js";
import { expectGlobalId, toGlobalId } from "../shared/relay.js";
import { optionalMultilineText } from "../shared/validation.js";
import { agreementLoader, type Commitment, type Measure, measuresOfCommitment, periodOf } from "./agreements.service.js";
import { commitmentJudged } from "./funding.events.js";
import { commitmentJudge } from "./funding.policy.js";

/** The current value of a metric for an agreement; each distinct metric is counted once per request. */
export const metricValues = defineLoader<{ agreementId: string; metric: string }, number>(
  (ctx, keys) =>
    Promise.all(
      keys.map(async ({ agreementId, metric }) => {
        const agreement = await agreementLoader(ctx).load(agreementId);
        if (!agreement) throw new Error(`agreement ${agreementId} vanished`);
        return measureMetric(ctx.db, metric, periodOf(agreement));
      }),
    ),
  { cacheKeyFn: ({ agreementId, metric }) => `${agreementId}|${metric}` },
);

export async function currentValue(ctx: Context, measure: Measure, agreementId: string): Promise<number> {
  return metricValues(ctx).load({ agreementId, metric: measure.metric });
}

export function reaches(comparator: Measure["comparator"], value: number, target: number): boolean {
  return comparator === "AT_LEAST" ? value >= target : value <= target;
}

export async function measureMet(ctx: Context, measure: Measure, agreementId: string): Promise<boolean> {
  return reaches(measure.comparator, await currentValue(ctx, measure, agreementId), measure.targetValue);
}

/** Measured: every measure reaches its target (and there is at least one). Qualitative: JUSTIFIED. */
export async function commitmentMet(ctx: Context, commitment: Commitment): Promise<boolean> {
  if (commitment.qualitative) return commitment.status === "JUSTIFIED";
  const measures = await measuresOfCommitment(ctx).load(commitment.id);
  if (measures.length === 0) return false;
  const met = await Promise.all(measures.map((m) => measureMet(ctx, m, commitment.agreementId)));
  return met.every(Boolean);
}

const judgeInput = z
  .object({
    id: z.string(),
    status: z.enum(judgementStatus.enumValues),
    evidence: optionalMultilineText(5000),
  })
  .superRefine((input, issue) => {
    if (input.status !== "OPEN" && !input.evidence) {
      issue.addIssue({ code: "custom", path: ["evidence"], message: `is required to judge a commitment ${input.status}` });
    }
  });

export const judgeCommitment = fn(
  judgeInput,
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "Commitment", "input.id");
    return change(ctx, async (tx, recorder) => {
      const [before] = await tx.select().from(commitments).where(eq(commitments.id, id)).for("update");
      if (!before) throw notFound("Commitment", "input.id");
      await assertCan(ctx, commitmentJudge, before);
      if (!before.qualitative) throw badInput("input.id", "is a measured commitment: its records decide whether it is met, not a judgement");
      const reopened = input.status === "OPEN";
      const [after] = await tx
        .update(commitments)
        .set({
          status: input.status,
          evidence: reopened ? (input.evidence ?? null) : input.evidence,
          judgedBy: reopened ? null : actorSubject(ctx.actor),
          judgedAt: reopened ? null : new Date(),
        })
        .where(eq(commitments.id, id))
        .returning();
      await recorder.record({ operation: "judgeCommitment", entityType: "Commitment", entityId: id, before, after });
      await recorder.emit(commitmentJudged, id, {
        commitmentId: toGlobalId("Commitment", id),
        agreementId: toGlobalId("FundingAgreement", before.agreementId),
        status: input.status,
      });
      return after!;
    });
  },
  { argument: "input", authorize: commitmentJudge },
);

// PLACEHOLDERS (being written): the sector proposes, the funder's side judges.
const pending = (name: string): never => {
  throw new Error(`${name} is not built yet`);
};
export const proposeJudgement = async (_ctx: Context, _input: unknown): Promise<Commitment> => pending("proposeJudgement");
export const acceptJudgement = async (_ctx: Context, _input: unknown): Promise<Commitment> => pending("acceptJudgement");
export const refuseJudgement = async (_ctx: Context, _input: unknown): Promise<Commitment> => pending("refuseJudgement");
export const reopenCommitment = async (_ctx: Context, _input: unknown): Promise<Commitment> => pending("reopenCommitment");
