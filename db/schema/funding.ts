// Tables of the funding domain: the agreement (the addendum "investeren in talent"), its tracks
// and actions, its effort and result commitments with their measures, the third-party invoices
// it pays, and the boards' co-financing ledger. Money is integer cents; shares are basis points.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, char, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { boards } from "./boards.js";
import { id, timestamps } from "./columns.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

const cents = (name: string) => bigint(name, { mode: "number" });

/** OPEN while the agreement runs and is settled; CLOSED once the funder's side froze its final settlement. */
export const agreementStatus = pgEnum("agreement_status", ["OPEN", "CLOSED"]);

export const fundingAgreements = pgTable(
  "funding_agreements",
  {
    id: id(),
    title: localizedText("title").notNull(),
    funderId: uuid("funder_id")
      .notNull()
      .references(() => organisations.id),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => organisations.id),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    maxAmountCents: cents("max_amount_cents").notNull(),
    currency: char("currency", { length: 3 }).notNull().default("EUR"),
    effortShareBp: integer("effort_share_bp").notNull(),
    resultShareBp: integer("result_share_bp").notNull(),
    /** The account the subsidy is paid into, as the agreement states it (an IBAN). */
    beneficiaryBankAccount: text("beneficiary_bank_account"),
    /** Ceiling on the consultants' overhead counted as cost; null until the funder's side sets one (then none counts). */
    overheadCeilingCents: cents("overhead_ceiling_cents"),
    /** Days after the period in which co-financing entries may still be dated (boards pay late). */
    reportingWindowDays: integer("reporting_window_days").notNull().default(0),
    status: agreementStatus("status").notNull().default("OPEN"),
    ...timestamps(),
  },
  (t) => [
    check("funding_agreements_period_check", sql`${t.periodStart} <= ${t.periodEnd}`),
    check("funding_agreements_overhead_check", sql`${t.overheadCeilingCents} is null or ${t.overheadCeilingCents} >= 0`),
    check("funding_agreements_window_check", sql`${t.reportingWindowDays} between 0 and 366`),
    check("funding_agreements_max_check", sql`${t.maxAmountCents} >= 0`),
    check("funding_agreements_shares_check", sql`${t.effortShareBp} >= 0 and ${t.resultShareBp} >= 0 and ${t.effortShareBp} + ${t.resultShareBp} = 10000`),
  ],
);

/**
 * The steering group that manages an agreement's means jointly (Dutch: paritair beheer door de
 * stuurgroep): its organisations' partners read the agreement's financials.
 */
export const agreementSteeringMembers = pgTable(
  "agreement_steering_members",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.organisationId] })],
);

/**
 * Each time the funder's side closed an agreement: the final settlement frozen as it was then
 * (amounts, explanation, each commitment's value and judgement, what was counted, the report),
 * and, if an admin reopened it, when, by whom and why.
 */
export const agreementClosings = pgTable(
  "agreement_closings",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    closedBy: text("closed_by"),
    closedRole: text("closed_role").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    reopenedAt: timestamp("reopened_at", { withTimezone: true, mode: "date" }),
    reopenedBy: text("reopened_by"),
    reopenReason: text("reopen_reason"),
    ...timestamps(),
  },
  (t) => [
    index("agreement_closings_agreement_idx").on(t.agreementId, t.createdAt),
    // At most one closing in force per agreement.
    uniqueIndex("agreement_closings_in_force_key").on(t.agreementId).where(sql`${t.reopenedAt} is null`),
  ],
);

/** Dutch: spoor. */
export const tracks = pgTable(
  "tracks",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    number: integer("number").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("tracks_agreement_number_key").on(t.agreementId, t.number)],
);

/** Dutch: actie. */
export const actions = pgTable(
  "actions",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id),
    number: integer("number").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    isNew: boolean("is_new").notNull().default(false),
    intersectoral: boolean("intersectoral").notNull().default(false),
    localCooperation: boolean("local_cooperation").notNull().default(false),
    /** Partners the source names without naming an organisation ("other service providers"). */
    otherPartners: localizedText("other_partners"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("actions_agreement_number_key").on(t.agreementId, t.number), index("actions_track_idx").on(t.trackId)],
);

export const actionPartners = pgTable(
  "action_partners",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.organisationId] })],
);

export const commitmentKind = pgEnum("commitment_kind", ["EFFORT", "RESULT"]);
export const judgementStatus = pgEnum("judgement_status", ["OPEN", "JUSTIFIED", "NOT_JUSTIFIED"]);

/** Dutch: inspanningsverbintenis (EFFORT) or resultaatsverbintenis (RESULT). */
export const commitments = pgTable(
  "commitments",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    actionId: uuid("action_id").references(() => actions.id),
    kind: commitmentKind("kind").notNull(),
    number: integer("number").notNull(),
    description: localizedText("description").notNull(),
    /** Qualitative commitments are judged by a consultant; measured ones by their records. */
    qualitative: boolean("qualitative").notNull(),
    /** The funder's judgement in force: set when the funder's side accepts a proposal. */
    status: judgementStatus("status").notNull().default("OPEN"),
    evidence: text("evidence"),
    judgedBy: text("judged_by"),
    judgedAt: timestamp("judged_at", { withTimezone: true, mode: "date" }),
    /** The sector's pending proposal, awaiting the funder's side; null when none is pending. */
    proposedStatus: judgementStatus("proposed_status"),
    proposedEvidence: text("proposed_evidence"),
    proposedBy: text("proposed_by"),
    proposedAt: timestamp("proposed_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("commitments_agreement_kind_number_key").on(t.agreementId, t.kind, t.number), index("commitments_action_idx").on(t.actionId)],
);

export const judgementAction = pgEnum("judgement_action", ["PROPOSED", "ACCEPTED", "REFUSED", "REOPENED"]);

/**
 * Every step of a qualitative commitment's judgement, oldest first: a proposal with its evidence,
 * the funder's acceptance or refusal, a reopening (which keeps the judgement it undid here).
 */
export const commitmentJudgements = pgTable(
  "commitment_judgements",
  {
    id: id(),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id),
    action: judgementAction("action").notNull(),
    /** The status proposed, accepted or refused; for a reopening, the status it undid. */
    status: judgementStatus("status").notNull(),
    evidence: text("evidence"),
    reason: text("reason"),
    actorId: text("actor_id"),
    actorRole: text("actor_role").notNull(),
    ...timestamps(),
  },
  (t) => [index("commitment_judgements_commitment_idx").on(t.commitmentId, t.createdAt)],
);

export const comparator = pgEnum("comparator", ["AT_LEAST", "AT_MOST"]);

/** A numeric target of a measured commitment; a commitment is met when all its measures are. */
export const commitmentMeasures = pgTable(
  "commitment_measures",
  {
    id: id(),
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => commitments.id),
    metric: text("metric").notNull(),
    comparator: comparator("comparator").notNull().default("AT_LEAST"),
    targetValue: integer("target_value").notNull(),
    ...timestamps(),
  },
  (t) => [index("commitment_measures_commitment_idx").on(t.commitmentId)],
);

export const invoiceStatus = pgEnum("invoice_status", ["SUBMITTED", "APPROVED", "PAID", "REJECTED"]);

/** A third party's invoice for a service delivered to boards; the only way money leaves the agreement. */
export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    payeeId: uuid("payee_id")
      .notNull()
      .references(() => organisations.id),
    reference: text("reference").notNull(),
    description: text("description"),
    amountCents: cents("amount_cents").notNull(),
    currency: char("currency", { length: 3 }).notNull().default("EUR"),
    /** The date on the invoice. */
    invoiceDate: date("invoice_date").notNull(),
    serviceDate: date("service_date").notNull(),
    status: invoiceStatus("status").notNull().default("SUBMITTED"),
    rejectionReason: text("rejection_reason"),
    ...timestamps(),
  },
  (t) => [
    check("invoices_amount_check", sql`${t.amountCents} > 0`),
    // A payee numbers its own invoices: one reference once per payee, whatever its case.
    uniqueIndex("invoices_payee_reference_key").on(t.payeeId, sql`lower(${t.reference})`),
    index("invoices_agreement_idx").on(t.agreementId, t.createdAt, t.id),
    index("invoices_action_idx").on(t.actionId),
  ],
);

export const invoiceBoards = pgTable(
  "invoice_boards",
  {
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.boardId] }), index("invoice_boards_board_idx").on(t.boardId)],
);

/** Who moved an invoice to which status, when, and why (for a rejection). */
export const invoiceTransitions = pgTable(
  "invoice_transitions",
  {
    id: id(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    fromStatus: invoiceStatus("from_status"),
    toStatus: invoiceStatus("to_status").notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role").notNull(),
    reason: text("reason"),
    ...timestamps(),
  },
  (t) => [index("invoice_transitions_invoice_idx").on(t.invoiceId, t.createdAt)],
);

export const coFinancingKind = pgEnum("co_financing_kind", ["PARTICIPATION_FEE", "OWN_CONTRIBUTION"]);
export const ledgerEntryType = pgEnum("ledger_entry_type", ["CHARGE", "PAYMENT"]);

/** What boards owe (CHARGE) and pay (PAYMENT) towards an action: participation fees, own contributions. */
export const coFinancingEntries = pgTable(
  "co_financing_entries",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    kind: coFinancingKind("kind").notNull(),
    entryType: ledgerEntryType("entry_type").notNull(),
    amountCents: cents("amount_cents").notNull(),
    currency: char("currency", { length: 3 }).notNull().default("EUR"),
    entryDate: date("entry_date").notNull(),
    note: text("note"),
    recordedBy: text("recorded_by"),
    /** The charge a payment pays (a payment's own reversal refers to it too). */
    chargeId: uuid("charge_id").references((): AnyPgColumn => coFinancingEntries.id),
    /** The entry this one reverses: a wrong entry is corrected by its reversal, never deleted. */
    reversesId: uuid("reverses_id").references((): AnyPgColumn => coFinancingEntries.id),
    ...timestamps(),
  },
  (t) => [
    check("co_financing_amount_check", sql`${t.amountCents} > 0`),
    check("co_financing_charge_check", sql`(${t.entryType} = 'PAYMENT') = (${t.chargeId} is not null)`),
    uniqueIndex("co_financing_reverses_key").on(t.reversesId),
    index("co_financing_charge_idx").on(t.chargeId),
    index("co_financing_board_idx").on(t.agreementId, t.boardId),
    index("co_financing_action_idx").on(t.agreementId, t.actionId),
  ],
);

/**
 * The consultants' overhead ("een beperkt gedeelte wordt ingezet voor de overheadkost van de
 * consultants"): its own kind of cost, not a third party's invoice, counted as cost only within
 * the agreement's overhead ceiling. Corrected by a reversing entry, never deleted.
 */
export const overheadCosts = pgTable(
  "overhead_costs",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => fundingAgreements.id),
    actionId: uuid("action_id").references(() => actions.id),
    description: text("description").notNull(),
    amountCents: cents("amount_cents").notNull(),
    currency: char("currency", { length: 3 }).notNull().default("EUR"),
    costDate: date("cost_date").notNull(),
    recordedBy: text("recorded_by"),
    reversesId: uuid("reverses_id").references((): AnyPgColumn => overheadCosts.id),
    ...timestamps(),
  },
  (t) => [
    check("overhead_costs_amount_check", sql`${t.amountCents} > 0`),
    uniqueIndex("overhead_costs_reverses_key").on(t.reversesId),
    index("overhead_costs_agreement_idx").on(t.agreementId, t.costDate),
  ],
);
