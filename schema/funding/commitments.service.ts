// Whether commitments are met, and how qualitative ones are judged. Measured commitments are met
// by their metrics (counted within the agreement's period, never typed in; frozen at closing).
// Qualitative ones are judged with evidence: the sector's consultants propose a judgement, the
// funder's side accepts or refuses it, and the funder's side (or an admin) may reopen the
// judgement in force. Every step stays in the commitment's history, so a reopening keeps the
// judgement it undid there instead of carrying its evidence forward.

import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { commitmentJudgements, commitments, fundingAgreements, judgementStatus } from "../../db/schema/funding.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { childRows, defineLoader } from "../shared/loaders.js";
import { type MetricPart, measureBreakdown, measureMetric } from "../shared/metrics.js";
import { assertCan, can, type PolicyAction } from "../shared/policy.js";
import { expectGlobalId, toGlobalId } from "../shared/relay.js";
import { multilineText, optionalMultilineText } from "../shared/validation.js";
import { type Agreement, agreementLoader, type Commitment, type Measure, measuresOfCommitment, periodOf } from "./agreements.service.js";
import { frozenMetricValues } from "./closing.service.js";
import { commitmentJudged, commitmentProposed } from "./funding.events.js";
import { commitmentJudge, commitmentPropose, commitmentReopen } from "./funding.policy.js";
import { lockOpenAgreement } from "./lifecycle.js";

export type JudgementStep = typeof commitmentJudgements.$inferSelect;

/**
 * The current value of a metric for an agreement; each distinct metric is counted once per
 * request. A closed agreement's values are the ones frozen at its closing: records that arrive
 * later (a late registration, a corrected count) do not change what was settled.
 */
export const metricValues = defineLoader<{ agreementId: string; metric: string }, number>(
  (ctx, keys) =>
    Promise.all(
      keys.map(async ({ agreementId, metric }) => {
        const agreement = await agreementLoader(ctx).load(agreementId);
        if (!agreement) throw new Error(`agreement ${agreementId} vanished`);
        if (agreement.status === "CLOSED") {
          const frozen = await frozenMetricValues(ctx).load(agreementId);
          const value = frozen?.[metric];
          if (value !== undefined) return value;
        }
        return measureMetric(ctx.db, metric, periodOf(agreement));
      }),
    ),
  { cacheKeyFn: ({ agreementId, metric }) => `${agreementId}|${metric}` },
);

/** How a measure's value divides within the agreement's period (see Measure.breakdown). */
export const metricBreakdowns = defineLoader<{ agreementId: string; metric: string }, MetricPart[]>(
  (ctx, keys) =>
    Promise.all(
      keys.map(async ({ agreementId, metric }) => {
        const agreement = await agreementLoader(ctx).load(agreementId);
        if (!agreement) throw new Error(`agreement ${agreementId} vanished`);
        return measureBreakdown(ctx.db, metric, periodOf(agreement));
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

/** Measured: every measure reaches its target (and there is at least one). Qualitative: judged JUSTIFIED by the funder's side. */
export async function commitmentMet(ctx: Context, commitment: Commitment): Promise<boolean> {
  if (commitment.qualitative) return commitment.status === "JUSTIFIED";
  const measures = await measuresOfCommitment(ctx).load(commitment.id);
  if (measures.length === 0) return false;
  const met = await Promise.all(measures.map((m) => measureMet(ctx, m, commitment.agreementId)));
  return met.every(Boolean);
}

/** Every step of each commitment's judgement, oldest first; one statement for all the commitments asked. */
export const judgementHistory = childRows<JudgementStep>(
  (ctx, ids) =>
    ctx.db.select().from(commitmentJudgements).where(inArray(commitmentJudgements.commitmentId, ids)).orderBy(asc(commitmentJudgements.createdAt), asc(commitmentJudgements.id)),
  (step) => step.commitmentId,
);

const FIELD = "input.commitmentId";

/**
 * One decision about a commitment's judgement, in one change: the agreement must allow the actor
 * this step and be open, and the commitment's row is locked FOR UPDATE, so two decisions at once
 * (an acceptance and a refusal of the same proposal, two proposals) are taken one after the
 * other, each seeing what the other did.
 */
async function decide(
  ctx: Context,
  commitmentGlobalId: string,
  action: PolicyAction<Agreement>,
  step: (tx: Tx, recorder: Recorder, before: Commitment, agreement: Agreement) => Promise<Commitment>,
): Promise<Commitment> {
  const id = expectGlobalId(commitmentGlobalId, "Commitment", FIELD);
  return change(ctx, async (tx, recorder) => {
    const [found] = await tx
      .select({ agreement: fundingAgreements })
      .from(commitments)
      .innerJoin(fundingAgreements, eq(fundingAgreements.id, commitments.agreementId))
      .where(eq(commitments.id, id));
    if (!found) throw notFound("Commitment", FIELD);
    // Access before anything about the agreement's state: a caller who may not decide learns nothing more.
    await assertCan(ctx, action, found.agreement);
    const agreement = await lockOpenAgreement(tx, found.agreement.id, FIELD);
    const [before] = await tx.select().from(commitments).where(eq(commitments.id, id)).for("update");
    if (!before) throw notFound("Commitment", FIELD);
    if (!before.qualitative) throw badInput(FIELD, "is a measured commitment: its records decide whether it is met, not a judgement");
    return step(tx, recorder, before, agreement);
  });
}

/** Writes one step of the history and returns when it was taken (the database's clock, as every other instant). */
async function historyStep(
  ctx: Context,
  tx: Tx,
  commitment: Commitment,
  step: { action: JudgementStep["action"]; status: JudgementStep["status"]; evidence: string | null; reason: string | null },
): Promise<Date> {
  const [row] = await tx
    .insert(commitmentJudgements)
    .values({ commitmentId: commitment.id, ...step, actorId: actorSubject(ctx.actor), actorRole: ctx.actor.role })
    .returning({ at: commitmentJudgements.createdAt });
  return row!.at;
}

async function save(tx: Tx, recorder: Recorder, operation: string, before: Commitment, patch: Partial<typeof commitments.$inferInsert>): Promise<Commitment> {
  const [after] = await tx.update(commitments).set(patch).where(eq(commitments.id, before.id)).returning();
  await recorder.record({ operation, entityType: "Commitment", entityId: before.id, before, after });
  return after!;
}

const ids = (commitment: Commitment) => ({ commitmentId: toGlobalId("Commitment", commitment.id), agreementId: toGlobalId("FundingAgreement", commitment.agreementId) });

function assertPending(commitment: Commitment): asserts commitment is Commitment & { proposedStatus: "JUSTIFIED" | "NOT_JUSTIFIED"; proposedEvidence: string } {
  if (!commitment.proposedStatus || commitment.proposedEvidence === null) {
    throw conflict(FIELD, "No judgement of this commitment is awaiting the funder's side: the sector's consultants propose one first");
  }
}

const proposeInput = z.object({
  commitmentId: z.string(),
  status: z.enum(judgementStatus.enumValues).refine((status) => status !== "OPEN", "must be JUSTIFIED or NOT_JUSTIFIED: a proposal judges the commitment"),
  evidence: multilineText(5000),
});

/** The sector proposes a judgement with its evidence; a new proposal replaces a pending one (both stay in the history). */
export const proposeJudgement = fn(
  proposeInput,
  (ctx, input) =>
    decide(ctx, input.commitmentId, commitmentPropose, async (tx, recorder, before) => {
      const at = await historyStep(ctx, tx, before, { action: "PROPOSED", status: input.status, evidence: input.evidence, reason: null });
      const after = await save(tx, recorder, "proposeJudgement", before, {
        proposedStatus: input.status,
        proposedEvidence: input.evidence,
        proposedBy: actorSubject(ctx.actor),
        proposedAt: at,
      });
      await recorder.emit(commitmentProposed, before.id, { ...ids(before), proposedStatus: input.status });
      return after;
    }),
  { argument: "input", authorize: commitmentPropose },
);

const noProposal = { proposedStatus: null, proposedEvidence: null, proposedBy: null, proposedAt: null } as const;

/** The funder's side accepts the pending proposal: it becomes the judgement in force. */
export const acceptJudgement = fn(
  z.object({ commitmentId: z.string(), comment: optionalMultilineText(2000) }),
  (ctx, input) =>
    decide(ctx, input.commitmentId, commitmentJudge, async (tx, recorder, before) => {
      assertPending(before);
      const status = before.proposedStatus;
      const evidence = before.proposedEvidence;
      const at = await historyStep(ctx, tx, before, { action: "ACCEPTED", status, evidence, reason: input.comment ?? null });
      const after = await save(tx, recorder, "acceptJudgement", before, { status, evidence, judgedBy: actorSubject(ctx.actor), judgedAt: at, ...noProposal });
      await recorder.emit(commitmentJudged, before.id, { ...ids(before), decision: "ACCEPTED" as const, status });
      return after;
    }),
  { argument: "input", authorize: commitmentJudge },
);

/** The funder's side refuses the pending proposal, with a reason; the judgement in force stays. */
export const refuseJudgement = fn(
  z.object({ commitmentId: z.string(), reason: multilineText(2000) }),
  (ctx, input) =>
    decide(ctx, input.commitmentId, commitmentJudge, async (tx, recorder, before) => {
      assertPending(before);
      await historyStep(ctx, tx, before, { action: "REFUSED", status: before.proposedStatus, evidence: before.proposedEvidence, reason: input.reason });
      const after = await save(tx, recorder, "refuseJudgement", before, noProposal);
      await recorder.emit(commitmentJudged, before.id, { ...ids(before), decision: "REFUSED" as const, status: after.status });
      return after;
    }),
  { argument: "input", authorize: commitmentJudge },
);

/**
 * The funder's side or an admin sets a judged commitment back to OPEN, with a reason. The
 * judgement it undoes (status and evidence) is kept in the history, not on the commitment: an
 * OPEN commitment carries no evidence, no judge and no date. A pending proposal stays pending.
 */
export const reopenCommitment = fn(
  z.object({ commitmentId: z.string(), reason: multilineText(2000) }),
  (ctx, input) =>
    decide(ctx, input.commitmentId, commitmentReopen, async (tx, recorder, before) => {
      if (before.status === "OPEN") throw conflict(FIELD, "The commitment is not judged: there is no judgement in force to reopen");
      await historyStep(ctx, tx, before, { action: "REOPENED", status: before.status, evidence: before.evidence, reason: input.reason });
      const after = await save(tx, recorder, "reopenCommitment", before, { status: "OPEN", evidence: null, judgedBy: null, judgedAt: null });
      await recorder.emit(commitmentJudged, before.id, { ...ids(before), decision: "REOPENED" as const, status: "OPEN" as const });
      return after;
    }),
  { argument: "input", authorize: commitmentReopen },
);

/** What the viewer may do with a commitment's judgement now; false for measured ones and while the agreement is closed. */
export async function viewerMay(ctx: Context, commitment: Commitment, step: "propose" | "judge" | "reopen"): Promise<boolean> {
  if (!commitment.qualitative) return false;
  if (step === "judge" && !commitment.proposedStatus) return false;
  if (step === "reopen" && commitment.status === "OPEN") return false;
  const agreement = await agreementLoader(ctx).load(commitment.agreementId);
  if (agreement?.status !== "OPEN") return false;
  const action = { propose: commitmentPropose, judge: commitmentJudge, reopen: commitmentReopen }[step];
  return can(ctx, action, agreement);
}
