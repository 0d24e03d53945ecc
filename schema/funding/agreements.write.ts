// Entering and editing agreements (Article 5: the sector prepares the next addendum): the
// agreement's parties, period, maximum and shares, its steering group, tracks, actions with their
// partners and flags, and its effort and result commitments with measured or qualitative targets.
// The sector's consultants and admins enter them; the funder's side sets the overhead ceiling and
// the reporting window. A closed agreement takes no write (CONFLICT); the terms that change money
// (the maximum, the shares, the period, the commitments) lock once an invoice has been approved.
// Every change is audited and announced as agreement.changed (the structure is public).
import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import {
  actionPartners,
  actions,
  agreementSteeringMembers,
  commitmentJudgements,
  commitmentKind,
  commitmentMeasures,
  commitments,
  comparator,
  fundingAgreements,
  tracks,
} from "../../db/schema/funding.js";
import { organisations } from "../../db/schema/organisations.js";
import type { Recorder } from "../shared/changes.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { isDeclaredMetric } from "../shared/metrics.js";
import { formatMoney, moneyInput, nonNegativeMoneyInput } from "../shared/money.js";
import { assertCan, type PolicyAction } from "../shared/policy.js";
import { expectGlobalId, toGlobalId } from "../shared/relay.js";
import { notNull, requiredText } from "../shared/validation.js";
import type { Action, Agreement, Commitment, Measure, Track } from "./agreements.service.js";
import { agreementChanged, fundingTermsSet } from "./funding.events.js";
import { agreementEdit, agreementSetTerms } from "./funding.policy.js";
import { assertMoneyTermsOpen, lockOpenAgreement } from "./lifecycle.js";

/** The currency every agreement of these programmes is in (the settlement and the ledgers assume it). */
const CURRENCY = "EUR";
/** The largest value an integer column holds: a measure's target. */
const MAX_INT = 2_147_483_647;

// ---------------------------------------------------------------------------------------------
// Field rules

/** Basis points of one share: 0 to 10000. */
const share = z.number().int("must be a whole number of basis points").min(0, "must be at least 0").max(10_000, "must be at most 10000 basis points, which is 100%");

/** Days after the period in which the boards' co-financing may still be dated. */
const reportingWindow = z.number().int("must be a whole number of days").min(0, "must be at least 0").max(366, "must be at most 366 days");

/** The number of a track, an action or a commitment, as the agreement numbers them. */
const position = z.number().int("must be a whole number").min(1, "must be at least 1").max(999, "must be at most 999");

const flag = z.boolean();

/** The ISO 13616 check: the IBAN with its first four characters moved to the end, letters as 10-35, modulo 97 is 1. */
function ibanChecksumValid(compact: string): boolean {
  let remainder = 0;
  for (const c of compact.slice(4) + compact.slice(0, 4)) {
    const digits = /\d/.test(c) ? c : String(c.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/**
 * The beneficiary's bank account, an IBAN. Accepted with or without spaces, in any case; checked
 * by its mod-97 check digits (and, for a Belgian one, as BE and 14 digits); stored grouped by four
 * as the source writes it: "BE10 0910 1156 9604". A blank value is no account.
 */
export const bankAccount = z
  .string()
  .max(50, "must be at most 50 characters")
  .transform((value, ctx) => {
    const compact = value.replace(/[ \t]/g, "").toUpperCase();
    if (compact === "") return null;
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) {
      ctx.addIssue({ code: "custom", message: "must be an IBAN: a country code, two check digits and the account, such as BE10 0910 1156 9604" });
      return z.NEVER;
    }
    if (compact.startsWith("BE") && !/^BE\d{14}$/.test(compact)) {
      ctx.addIssue({ code: "custom", message: "must be a Belgian IBAN of BE and 14 digits, such as BE10 0910 1156 9604" });
      return z.NEVER;
    }
    if (!ibanChecksumValid(compact)) {
      ctx.addIssue({ code: "custom", message: "is not a valid IBAN: its check digits do not match" });
      return z.NEVER;
    }
    return compact.replace(/(.{4})(?=.)/g, "$1 ");
  });

const measureInput = z.object({
  metric: requiredText(100).refine(isDeclaredMetric, "is not a metric the platform declares (see the metric keys in the README)"),
  comparator: z
    .enum(comparator.enumValues)
    .nullish()
    .transform((c) => c ?? "AT_LEAST"),
  targetValue: z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_INT, `must be at most ${MAX_INT}`),
});

/** A commitment's measures: none for a qualitative commitment; each metric at most once. */
const measuresInput = z
  .array(measureInput)
  .max(20, "must be at most 20 measures")
  .superRefine((measures, ctx) => {
    const seen = new Set<string>();
    measures.forEach((m, i) => {
      if (seen.has(m.metric)) ctx.addIssue({ code: "custom", path: [i, "metric"], message: "is measured twice in this commitment" });
      seen.add(m.metric);
    });
  });

const ids = z.array(z.string()).max(100, "must name at most 100 organisations");

// ---------------------------------------------------------------------------------------------
// Shared steps

/**
 * The agreement a write changes: NOT_FOUND when it does not exist, the policy checked on it, then
 * locked and open (CONFLICT once closed). FOR UPDATE for a write to the agreement's own row.
 */
async function agreementForWrite(
  ctx: Context,
  tx: Tx,
  agreementId: string,
  field: string,
  action: PolicyAction<Agreement> = agreementEdit,
  mode: "share" | "update" = "share",
): Promise<Agreement> {
  const [found] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, agreementId));
  if (!found) throw notFound("FundingAgreement", field);
  await assertCan(ctx, action, found);
  return lockOpenAgreement(tx, agreementId, field, mode);
}

/** Row ids of organisations named by global ids, without repeats; BAD_USER_INPUT when one does not exist. */
async function existingOrganisations(tx: Tx, globalIds: string[], field: string): Promise<string[]> {
  const rowIds = [...new Set(globalIds.map((id, i) => expectGlobalId(id, "Organisation", `${field}.${i}`)))];
  if (rowIds.length === 0) return [];
  const found = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, rowIds));
  if (found.length !== rowIds.length) throw badInput(field, "names an organisation that does not exist");
  return rowIds;
}

const NUMBER_TAKEN: Record<string, string> = {
  tracks_agreement_number_key: "is already the number of another track of this agreement",
  actions_agreement_number_key: "is already the number of another action of this agreement",
  commitments_agreement_kind_number_key: "is already the number of another commitment of this kind in this agreement",
};

/**
 * Runs a change that may give a track, action or commitment a number: a number already taken is
 * BAD_USER_INPUT on input.number, also when a concurrent change took it first (the unique index).
 */
async function numbered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const why = NUMBER_TAKEN[uniqueViolation(error) ?? ""];
    if (why) throw badInput("input.number", why);
    throw error;
  }
}

async function emitChanged(
  recorder: Recorder,
  agreementId: string,
  entity: "FundingAgreement" | "Track" | "Action" | "Commitment",
  entityId: string,
  operation: "CREATED" | "UPDATED" | "REMOVED",
) {
  await recorder.emit(agreementChanged, entityId, {
    agreementId: toGlobalId("FundingAgreement", agreementId),
    entity,
    entityId: toGlobalId(entity, entityId),
    operation,
  });
}

// ---------------------------------------------------------------------------------------------
// The agreement

interface Terms {
  periodStart: string;
  periodEnd: string;
  maxAmountCents: number;
  effortShareBp: number;
  resultShareBp: number;
  overheadCeilingCents: number | null;
}

/** The rules between the terms, on the values they will have: named by the fields a client sends. */
function checkTerms(terms: Terms, fields: { period: string; maximum: string }): void {
  if (terms.periodStart > terms.periodEnd) throw badInput(fields.period, `must not put the period's end (${terms.periodEnd}) before its start (${terms.periodStart})`);
  const total = terms.effortShareBp + terms.resultShareBp;
  if (total !== 10_000) {
    throw badInput("input.resultShareBp", `must make 10000 basis points (100%) with the effort share: ${terms.effortShareBp} + ${terms.resultShareBp} is ${total}`);
  }
  if (terms.overheadCeilingCents !== null && terms.overheadCeilingCents > terms.maxAmountCents) {
    const money = (c: number) => formatMoney(c, CURRENCY, "en");
    throw badInput(fields.maximum, `must leave the overhead ceiling (${money(terms.overheadCeilingCents)}) within the maximum (${money(terms.maxAmountCents)})`);
  }
}

function assertCurrency(currency: string, field: string): void {
  if (currency !== CURRENCY) throw badInput(field, `must be ${CURRENCY}, the currency of the programmes' agreements`);
}

async function steeringIds(tx: Tx, agreementId: string): Promise<string[]> {
  const rows = await tx.select({ id: agreementSteeringMembers.organisationId }).from(agreementSteeringMembers).where(eq(agreementSteeringMembers.agreementId, agreementId));
  return rows.map((r) => r.id).sort();
}

const createInput = z.object({
  title: localizedTextInput,
  funderId: z.string(),
  beneficiaryId: z.string(),
  beneficiaryBankAccount: bankAccount.nullish(),
  periodStart: isoDate,
  periodEnd: isoDate,
  maxAmount: moneyInput,
  effortShareBp: share,
  resultShareBp: share,
  overheadCeiling: nonNegativeMoneyInput.nullish(),
  reportingWindowDays: reportingWindow.nullish(),
  steeringGroupIds: ids.nullish(),
});

export const createAgreement = fn(
  createInput,
  async (ctx, input) => {
    await assertCan(ctx, agreementEdit, null);
    const funderId = expectGlobalId(input.funderId, "Organisation", "input.funderId");
    const beneficiaryId = expectGlobalId(input.beneficiaryId, "Organisation", "input.beneficiaryId");
    if (funderId === beneficiaryId) throw badInput("input.beneficiaryId", "must differ from the funder: an agreement is between two parties");
    assertCurrency(input.maxAmount.currency, "input.maxAmount.currency");
    if (input.overheadCeiling) assertCurrency(input.overheadCeiling.currency, "input.overheadCeiling.currency");
    checkTerms(
      {
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        maxAmountCents: input.maxAmount.cents,
        effortShareBp: input.effortShareBp,
        resultShareBp: input.resultShareBp,
        overheadCeilingCents: input.overheadCeiling?.cents ?? null,
      },
      { period: "input.periodEnd", maximum: "input.overheadCeiling.cents" },
    );
    return change(ctx, async (tx, recorder) => {
      const parties = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, [funderId, beneficiaryId]));
      if (!parties.some((p) => p.id === funderId)) throw notFound("Organisation", "input.funderId");
      if (!parties.some((p) => p.id === beneficiaryId)) throw notFound("Organisation", "input.beneficiaryId");
      const steering = await existingOrganisations(tx, input.steeringGroupIds ?? [], "input.steeringGroupIds");
      const [created] = await tx
        .insert(fundingAgreements)
        .values({
          title: input.title,
          funderId,
          beneficiaryId,
          beneficiaryBankAccount: input.beneficiaryBankAccount ?? null,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          maxAmountCents: input.maxAmount.cents,
          currency: CURRENCY,
          effortShareBp: input.effortShareBp,
          resultShareBp: input.resultShareBp,
          overheadCeilingCents: input.overheadCeiling?.cents ?? null,
          reportingWindowDays: input.reportingWindowDays ?? 0,
        })
        .returning();
      const agreement = created!;
      if (steering.length) await tx.insert(agreementSteeringMembers).values(steering.map((organisationId) => ({ agreementId: agreement.id, organisationId })));
      await recorder.record({
        operation: "createFundingAgreement",
        entityType: "FundingAgreement",
        entityId: agreement.id,
        before: null,
        after: { ...agreement, steeringGroupIds: steering.sort() },
      });
      await emitChanged(recorder, agreement.id, "FundingAgreement", agreement.id, "CREATED");
      return agreement;
    });
  },
  { argument: "input", authorize: agreementEdit },
);

const updateInput = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  beneficiaryBankAccount: bankAccount.nullish(),
  periodStart: notNull(isoDate),
  periodEnd: notNull(isoDate),
  maxAmount: notNull(moneyInput),
  effortShareBp: notNull(share),
  resultShareBp: notNull(share),
  steeringGroupIds: notNull(ids),
});

export const updateAgreement = fn(
  updateInput,
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "FundingAgreement", "input.id");
    if (input.maxAmount) assertCurrency(input.maxAmount.currency, "input.maxAmount.currency");
    return change(ctx, async (tx, recorder) => {
      const before = await agreementForWrite(ctx, tx, id, "input.id", agreementEdit, "update");
      const terms: Terms = {
        periodStart: input.periodStart ?? before.periodStart,
        periodEnd: input.periodEnd ?? before.periodEnd,
        maxAmountCents: input.maxAmount?.cents ?? before.maxAmountCents,
        effortShareBp: input.effortShareBp ?? before.effortShareBp,
        resultShareBp: input.resultShareBp ?? before.resultShareBp,
        overheadCeilingCents: before.overheadCeilingCents,
      };
      // Only a term that changes is refused once money moved: a client may send the form whole.
      const changedMoneyTerm = (
        [
          ["input.maxAmount.cents", terms.maxAmountCents !== before.maxAmountCents],
          ["input.effortShareBp", terms.effortShareBp !== before.effortShareBp],
          ["input.resultShareBp", terms.resultShareBp !== before.resultShareBp],
          ["input.periodStart", terms.periodStart !== before.periodStart],
          ["input.periodEnd", terms.periodEnd !== before.periodEnd],
        ] as const
      ).find(([, changed]) => changed)?.[0];
      if (changedMoneyTerm) await assertMoneyTermsOpen(tx, id, changedMoneyTerm, "maximum, shares and period");
      checkTerms(terms, { period: input.periodEnd ? "input.periodEnd" : "input.periodStart", maximum: "input.maxAmount.cents" });
      const steeringBefore = await steeringIds(tx, id);
      const steering = input.steeringGroupIds ? await existingOrganisations(tx, input.steeringGroupIds, "input.steeringGroupIds") : steeringBefore;
      const [after] = await tx
        .update(fundingAgreements)
        .set({
          title: input.title ?? before.title,
          beneficiaryBankAccount: input.beneficiaryBankAccount === undefined ? before.beneficiaryBankAccount : input.beneficiaryBankAccount,
          periodStart: terms.periodStart,
          periodEnd: terms.periodEnd,
          maxAmountCents: terms.maxAmountCents,
          effortShareBp: terms.effortShareBp,
          resultShareBp: terms.resultShareBp,
        })
        .where(eq(fundingAgreements.id, id))
        .returning();
      if (input.steeringGroupIds) {
        await tx.delete(agreementSteeringMembers).where(eq(agreementSteeringMembers.agreementId, id));
        if (steering.length) await tx.insert(agreementSteeringMembers).values(steering.map((organisationId) => ({ agreementId: id, organisationId })));
      }
      await recorder.record({
        operation: "updateFundingAgreement",
        entityType: "FundingAgreement",
        entityId: id,
        before: { ...before, steeringGroupIds: steeringBefore },
        after: { ...after!, steeringGroupIds: [...steering].sort() },
      });
      await emitChanged(recorder, id, "FundingAgreement", id, "UPDATED");
      return after!;
    });
  },
  { argument: "input", authorize: agreementEdit },
);

const termsInput = z.object({
  agreementId: z.string(),
  /** Absent: unchanged; null: cleared (no overhead counts). */
  overheadCeiling: nonNegativeMoneyInput.nullish(),
  reportingWindowDays: notNull(reportingWindow),
});

/**
 * The funder's side sets the overhead ceiling ("een beperkt gedeelte": the source gives no figure,
 * so none counts until this is set) and the reporting window. These are not money terms the
 * sector fixed, so they may be set after invoices were approved.
 */
export const setFundingTerms = fn(
  termsInput,
  async (ctx, input) => {
    const id = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    if (input.overheadCeiling) assertCurrency(input.overheadCeiling.currency, "input.overheadCeiling.currency");
    return change(ctx, async (tx, recorder) => {
      const before = await agreementForWrite(ctx, tx, id, "input.agreementId", agreementSetTerms, "update");
      const ceiling = input.overheadCeiling === undefined ? before.overheadCeilingCents : (input.overheadCeiling?.cents ?? null);
      if (ceiling !== null && ceiling > before.maxAmountCents) {
        throw badInput("input.overheadCeiling.cents", `must not be above the agreement's maximum of ${formatMoney(before.maxAmountCents, before.currency, "en")}`);
      }
      const [after] = await tx
        .update(fundingAgreements)
        .set({ overheadCeilingCents: ceiling, reportingWindowDays: input.reportingWindowDays ?? before.reportingWindowDays })
        .where(eq(fundingAgreements.id, id))
        .returning();
      await recorder.record({ operation: "setFundingTerms", entityType: "FundingAgreement", entityId: id, before, after });
      await recorder.emit(fundingTermsSet, id, {
        agreementId: toGlobalId("FundingAgreement", id),
        overheadCeilingCents: after!.overheadCeilingCents,
        reportingWindowDays: after!.reportingWindowDays,
      });
      return after!;
    });
  },
  { argument: "input", authorize: agreementSetTerms },
);

// ---------------------------------------------------------------------------------------------
// Tracks

async function assertTrackNumberFree(tx: Tx, agreementId: string, number: number, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: tracks.id })
    .from(tracks)
    .where(and(eq(tracks.agreementId, agreementId), eq(tracks.number, number), except ? ne(tracks.id, except) : undefined));
  if (taken) throw badInput("input.number", NUMBER_TAKEN.tracks_agreement_number_key!);
}

export const addTrack = fn(
  z.object({ agreementId: z.string(), number: position, title: localizedTextInput, description: localizedMultilineTextInput.nullish() }),
  async (ctx, input) => {
    const agreementId = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    return numbered(() =>
      change(ctx, async (tx, recorder): Promise<Track> => {
        await agreementForWrite(ctx, tx, agreementId, "input.agreementId");
        await assertTrackNumberFree(tx, agreementId, input.number);
        const [created] = await tx
          .insert(tracks)
          .values({ agreementId, number: input.number, title: input.title, description: input.description ?? null })
          .returning();
        await recorder.record({ operation: "addTrack", entityType: "Track", entityId: created!.id, before: null, after: created });
        await emitChanged(recorder, agreementId, "Track", created!.id, "CREATED");
        return created!;
      }),
    );
  },
  { argument: "input", authorize: agreementEdit },
);

export const updateTrack = fn(
  z.object({ id: z.string(), number: notNull(position), title: notNull(localizedTextInput), description: localizedMultilineTextInput.nullish() }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "Track", "input.id");
    return numbered(() =>
      change(ctx, async (tx, recorder): Promise<Track> => {
        const [found] = await tx.select({ agreementId: tracks.agreementId }).from(tracks).where(eq(tracks.id, id));
        if (!found) throw notFound("Track", "input.id");
        await agreementForWrite(ctx, tx, found.agreementId, "input.id");
        const [before] = await tx.select().from(tracks).where(eq(tracks.id, id)).for("update");
        if (input.number !== undefined && input.number !== before!.number) await assertTrackNumberFree(tx, before!.agreementId, input.number, id);
        const [after] = await tx
          .update(tracks)
          .set({
            number: input.number ?? before!.number,
            title: input.title ?? before!.title,
            description: input.description === undefined ? before!.description : input.description,
          })
          .where(eq(tracks.id, id))
          .returning();
        await recorder.record({ operation: "updateTrack", entityType: "Track", entityId: id, before, after });
        await emitChanged(recorder, before!.agreementId, "Track", id, "UPDATED");
        return after!;
      }),
    );
  },
  { argument: "input", authorize: agreementEdit },
);

// ---------------------------------------------------------------------------------------------
// Actions

async function assertActionNumberFree(tx: Tx, agreementId: string, number: number, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.agreementId, agreementId), eq(actions.number, number), except ? ne(actions.id, except) : undefined));
  if (taken) throw badInput("input.number", NUMBER_TAKEN.actions_agreement_number_key!);
}

/** The track an action is placed in: NOT_FOUND when it does not exist. */
async function trackRow(tx: Tx, trackId: string, field: string): Promise<Track> {
  const [track] = await tx.select().from(tracks).where(eq(tracks.id, trackId));
  if (!track) throw notFound("Track", field);
  return track;
}

export const addAction = fn(
  z.object({
    trackId: z.string(),
    number: position,
    title: localizedTextInput,
    description: localizedMultilineTextInput.nullish(),
    isNew: flag.nullish(),
    intersectoral: flag.nullish(),
    localCooperation: flag.nullish(),
    partnerIds: ids.nullish(),
    otherPartners: localizedTextInput.nullish(),
  }),
  async (ctx, input) => {
    const trackId = expectGlobalId(input.trackId, "Track", "input.trackId");
    return numbered(() =>
      change(ctx, async (tx, recorder): Promise<Action> => {
        const track = await trackRow(tx, trackId, "input.trackId");
        await agreementForWrite(ctx, tx, track.agreementId, "input.trackId");
        await assertActionNumberFree(tx, track.agreementId, input.number);
        const partners = await existingOrganisations(tx, input.partnerIds ?? [], "input.partnerIds");
        const [created] = await tx
          .insert(actions)
          .values({
            agreementId: track.agreementId,
            trackId,
            number: input.number,
            title: input.title,
            description: input.description ?? null,
            isNew: input.isNew ?? false,
            intersectoral: input.intersectoral ?? false,
            localCooperation: input.localCooperation ?? false,
            otherPartners: input.otherPartners ?? null,
          })
          .returning();
        if (partners.length) await tx.insert(actionPartners).values(partners.map((organisationId) => ({ actionId: created!.id, organisationId })));
        await recorder.record({ operation: "addAction", entityType: "Action", entityId: created!.id, before: null, after: { ...created!, partnerIds: partners.sort() } });
        await emitChanged(recorder, track.agreementId, "Action", created!.id, "CREATED");
        return created!;
      }),
    );
  },
  { argument: "input", authorize: agreementEdit },
);

export const updateAction = fn(
  z.object({
    id: z.string(),
    trackId: notNull(z.string()),
    number: notNull(position),
    title: notNull(localizedTextInput),
    description: localizedMultilineTextInput.nullish(),
    isNew: notNull(flag),
    intersectoral: notNull(flag),
    localCooperation: notNull(flag),
    partnerIds: notNull(ids),
    otherPartners: localizedTextInput.nullish(),
  }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "Action", "input.id");
    const trackId = input.trackId === undefined ? undefined : expectGlobalId(input.trackId, "Track", "input.trackId");
    return numbered(() =>
      change(ctx, async (tx, recorder): Promise<Action> => {
        const [found] = await tx.select({ agreementId: actions.agreementId }).from(actions).where(eq(actions.id, id));
        if (!found) throw notFound("Action", "input.id");
        await agreementForWrite(ctx, tx, found.agreementId, "input.id");
        const [before] = await tx.select().from(actions).where(eq(actions.id, id)).for("update");
        if (trackId !== undefined && trackId !== before!.trackId) {
          const track = await trackRow(tx, trackId, "input.trackId");
          if (track.agreementId !== before!.agreementId) throw badInput("input.trackId", "is not a track of this action's agreement");
        }
        if (input.number !== undefined && input.number !== before!.number) await assertActionNumberFree(tx, before!.agreementId, input.number, id);
        const partnersBefore = (await tx.select({ id: actionPartners.organisationId }).from(actionPartners).where(eq(actionPartners.actionId, id))).map((r) => r.id).sort();
        const partners = input.partnerIds ? await existingOrganisations(tx, input.partnerIds, "input.partnerIds") : partnersBefore;
        const [after] = await tx
          .update(actions)
          .set({
            trackId: trackId ?? before!.trackId,
            number: input.number ?? before!.number,
            title: input.title ?? before!.title,
            description: input.description === undefined ? before!.description : input.description,
            isNew: input.isNew ?? before!.isNew,
            intersectoral: input.intersectoral ?? before!.intersectoral,
            localCooperation: input.localCooperation ?? before!.localCooperation,
            otherPartners: input.otherPartners === undefined ? before!.otherPartners : input.otherPartners,
          })
          .where(eq(actions.id, id))
          .returning();
        if (input.partnerIds) {
          await tx.delete(actionPartners).where(eq(actionPartners.actionId, id));
          if (partners.length) await tx.insert(actionPartners).values(partners.map((organisationId) => ({ actionId: id, organisationId })));
        }
        await recorder.record({
          operation: "updateAction",
          entityType: "Action",
          entityId: id,
          before: { ...before!, partnerIds: partnersBefore },
          after: { ...after!, partnerIds: [...partners].sort() },
        });
        await emitChanged(recorder, before!.agreementId, "Action", id, "UPDATED");
        return after!;
      }),
    );
  },
  { argument: "input", authorize: agreementEdit },
);

// ---------------------------------------------------------------------------------------------
// Commitments: money terms (the settlement counts them), so they lock once an invoice is approved.

const COMMITMENTS_TERM = "commitments";

async function assertCommitmentNumberFree(tx: Tx, agreementId: string, kind: Commitment["kind"], number: number, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: commitments.id })
    .from(commitments)
    .where(and(eq(commitments.agreementId, agreementId), eq(commitments.kind, kind), eq(commitments.number, number), except ? ne(commitments.id, except) : undefined));
  if (taken) throw badInput("input.number", NUMBER_TAKEN.commitments_agreement_kind_number_key!);
}

/**
 * The action of a commitment of this kind: an effort commitment belongs to an action of its
 * agreement, a result commitment to the agreement itself.
 */
async function actionOfCommitment(tx: Tx, agreementId: string, kind: Commitment["kind"], actionGlobalId: string | null | undefined): Promise<string | null> {
  if (kind === "RESULT") {
    if (actionGlobalId) throw badInput("input.actionId", "must be left out for a result commitment: it belongs to the agreement, not to an action");
    return null;
  }
  if (!actionGlobalId) throw badInput("input.actionId", "is required for an effort commitment: the action it belongs to");
  const actionId = expectGlobalId(actionGlobalId, "Action", "input.actionId");
  const [action] = await tx.select({ agreementId: actions.agreementId }).from(actions).where(eq(actions.id, actionId));
  if (!action || action.agreementId !== agreementId) throw badInput("input.actionId", "is not an action of this agreement");
  return actionId;
}

/** Whether the sector has proposed a judgement of the commitment or the funder's side judged it: from then on its history stays. */
async function judgementStarted(tx: Tx, commitment: Commitment): Promise<boolean> {
  if (commitment.status !== "OPEN" || commitment.proposedStatus !== null) return true;
  const [step] = await tx.select({ id: commitmentJudgements.id }).from(commitmentJudgements).where(eq(commitmentJudgements.commitmentId, commitment.id)).limit(1);
  return Boolean(step);
}

async function measuresOf(tx: Tx, commitmentId: string): Promise<Measure[]> {
  return tx.select().from(commitmentMeasures).where(eq(commitmentMeasures.commitmentId, commitmentId));
}

type MeasureValues = z.output<typeof measuresInput>;

async function writeMeasures(tx: Tx, commitmentId: string, measures: MeasureValues): Promise<Measure[]> {
  if (measures.length === 0) return [];
  return tx
    .insert(commitmentMeasures)
    .values(measures.map((m) => ({ commitmentId, metric: m.metric, comparator: m.comparator, targetValue: m.targetValue })))
    .returning();
}

/** A commitment as the audit log keeps it: with its measures. */
const withMeasures = (commitment: Commitment, measures: Measure[]) => ({
  ...commitment,
  measures: measures.map((m) => ({ metric: m.metric, comparator: m.comparator, targetValue: m.targetValue })),
});

export const addCommitment = fn(
  z.object({
    agreementId: z.string(),
    kind: z.enum(commitmentKind.enumValues),
    number: position,
    actionId: z.string().nullish(),
    description: localizedMultilineTextInput,
    measures: measuresInput.nullish(),
  }),
  async (ctx, input) => {
    const agreementId = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    return numbered(() =>
      change(ctx, async (tx, recorder): Promise<Commitment> => {
        await agreementForWrite(ctx, tx, agreementId, "input.agreementId");
        await assertMoneyTermsOpen(tx, agreementId, "input.agreementId", COMMITMENTS_TERM);
        const actionId = await actionOfCommitment(tx, agreementId, input.kind, input.actionId);
        await assertCommitmentNumberFree(tx, agreementId, input.kind, input.number);
        const measures = input.measures ?? [];
        const [created] = await tx
          .insert(commitments)
          .values({ agreementId, actionId, kind: input.kind, number: input.number, description: input.description, qualitative: measures.length === 0 })
          .returning();
        const written = await writeMeasures(tx, created!.id, measures);
        await recorder.record({ operation: "addCommitment", entityType: "Commitment", entityId: created!.id, before: null, after: withMeasures(created!, written) });
        await emitChanged(recorder, agreementId, "Commitment", created!.id, "CREATED");
        return created!;
      }),
    );
  },
  { argument: "input", authorize: agreementEdit },
);

export const updateCommitment = fn(
  z.object({
    id: z.string(),
    number: notNull(position),
    actionId: z.string().nullish(),
    description: notNull(localizedMultilineTextInput),
    measures: notNull(measuresInput),
  }),
  async (ctx, input) => {
    const id = expectGlobalId(input.id, "Commitment", "input.id");
    return numbered(() =>
      change(ctx, async (tx, recorder): Promise<Commitment> => {
        const [found] = await tx.select({ agreementId: commitments.agreementId }).from(commitments).where(eq(commitments.id, id));
        if (!found) throw notFound("Commitment", "input.id");
        await agreementForWrite(ctx, tx, found.agreementId, "input.id");
        await assertMoneyTermsOpen(tx, found.agreementId, "input.id", COMMITMENTS_TERM);
        const [before] = await tx.select().from(commitments).where(eq(commitments.id, id)).for("update");
        const commitment = before!;
        const actionId = input.actionId === undefined ? commitment.actionId : await actionOfCommitment(tx, commitment.agreementId, commitment.kind, input.actionId);
        if (input.number !== undefined && input.number !== commitment.number) await assertCommitmentNumberFree(tx, commitment.agreementId, commitment.kind, input.number, id);
        const measuresBefore = await measuresOf(tx, id);
        const qualitative = input.measures ? input.measures.length === 0 : commitment.qualitative;
        if (qualitative !== commitment.qualitative && (await judgementStarted(tx, commitment))) {
          throw conflict(
            "input.measures",
            "The commitment has been proposed for judgement or judged, so it stays " +
              (commitment.qualitative ? "qualitative" : "measured") +
              ": reopen its judgement history first",
          );
        }
        const [after] = await tx
          .update(commitments)
          .set({ number: input.number ?? commitment.number, actionId, description: input.description ?? commitment.description, qualitative })
          .where(eq(commitments.id, id))
          .returning();
        let measuresAfter = measuresBefore;
        if (input.measures) {
          await tx.delete(commitmentMeasures).where(eq(commitmentMeasures.commitmentId, id));
          measuresAfter = await writeMeasures(tx, id, input.measures);
        }
        await recorder.record({
          operation: "updateCommitment",
          entityType: "Commitment",
          entityId: id,
          before: withMeasures(commitment, measuresBefore),
          after: withMeasures(after!, measuresAfter),
        });
        await emitChanged(recorder, commitment.agreementId, "Commitment", id, "UPDATED");
        return after!;
      }),
    );
  },
  { argument: "input", authorize: agreementEdit },
);

export const removeCommitment = fn(
  z.object({ id: z.string() }),
  async (ctx, input): Promise<{ removedCommitmentId: string; agreement: Agreement }> => {
    const id = expectGlobalId(input.id, "Commitment", "id");
    return change(ctx, async (tx, recorder) => {
      const [found] = await tx.select({ agreementId: commitments.agreementId }).from(commitments).where(eq(commitments.id, id));
      if (!found) throw notFound("Commitment", "id");
      const agreement = await agreementForWrite(ctx, tx, found.agreementId, "id");
      await assertMoneyTermsOpen(tx, found.agreementId, "id", COMMITMENTS_TERM);
      const [before] = await tx.select().from(commitments).where(eq(commitments.id, id)).for("update");
      if (await judgementStarted(tx, before!)) {
        throw conflict("id", "The commitment has been proposed for judgement or judged: its judgement history stays, so the commitment is not removed");
      }
      const measures = await measuresOf(tx, id);
      await tx.delete(commitmentMeasures).where(eq(commitmentMeasures.commitmentId, id));
      await tx.delete(commitments).where(eq(commitments.id, id));
      await recorder.record({ operation: "removeCommitment", entityType: "Commitment", entityId: id, before: withMeasures(before!, measures), after: null });
      await emitChanged(recorder, found.agreementId, "Commitment", id, "REMOVED");
      return { removedCommitmentId: toGlobalId("Commitment", id), agreement };
    });
  },
  { authorize: agreementEdit },
);
