// The justification report for the funder's auditor, as one CSV table in one language (Dutch
// unless asked): the parties with their identification as the agreement states it, the period
// and the terms; each commitment with its target, measured value and judgement (and the
// judgement's history); every invoice with its dates, payee, action, boards, amount and who
// approved and paid it when; co-financing per board and per action; overhead within its
// ceiling; costs per track and action; and the FINAL settlement step by step.
//
// It reads a fixed number of SQL statements whatever the number of invoices: the invoices, the
// boards they served, their transitions and the co-financing totals are each one statement by
// agreement id, and the organisations named are loaded in one batch.
import { asc, eq, getTableColumns, sql, sum } from "drizzle-orm";
import { boards } from "../../db/schema/boards.js";
import { actions as actionsTable, coFinancingEntries, invoiceBoards, invoices as invoicesTable, invoiceTransitions } from "../../db/schema/funding.js";
import { type Organisation, organisationLoader } from "../organisations/organisations.service.js";
import type { Context } from "../shared/context.js";
import { type Locale, localize } from "../shared/i18n.js";
import { hasSource } from "../shared/metrics.js";
import { centsToDecimal, formatMoney, formatPercent } from "../shared/money.js";
import { assertCan } from "../shared/policy.js";
import { type Agreement, type Commitment, commitmentsOfAgreement, measuresOfCommitment, steeringGroupOf, tracksOfAgreement } from "./agreements.service.js";
import { judgementHistory, metricValues, reaches } from "./commitments.service.js";
import { countedOverhead, listCountedOverhead } from "./costs.service.js";
import { actorVisibleFor, fundingReadFinancials } from "./funding.policy.js";
import { settlementOf } from "./settlement.service.js";

export const REPORT_COLUMNS = [
  "section",
  "reference",
  "description",
  "organisation",
  "enterprise_number",
  "action",
  "boards",
  "date",
  "service_date",
  "amount_eur",
  "value",
  "target",
  "status",
  "evidence",
  "by",
  "approved_at",
  "approved_by",
  "paid_at",
  "paid_by",
  "detail",
] as const;
type Column = (typeof REPORT_COLUMNS)[number];

/** An amount as a plain decimal ("72000.00"): a number to a spreadsheet, so written bare. */
export interface Decimal {
  decimal: string;
}
export type CsvCell = string | number | Decimal | null | undefined;
type Row = Partial<Record<Column, CsvCell>>;

export interface ReportFile {
  filename: string;
  contentType: string;
  content: string;
}

const decimal = (cents: number): Decimal => ({ decimal: centsToDecimal(cents) });

/**
 * Where a spreadsheet may start a cell: the start of the field, and after each character some
 * reader splits on. A Belgian (nl-BE, fr-BE) spreadsheet splits a CSV on ";" and keeps "," as
 * text; others split on ","; pasting splits on tabs; a reader that ignores quotes splits lines.
 * A cell that starts, after spaces and quotes, with = + - @ (or their full-width forms), a tab
 * or a carriage return may be run as a formula (CSV injection), so each such start gets an
 * apostrophe, which spreadsheets read as "this cell is text" and do not show. (Inside a cell
 * that is not split, the apostrophe shows: the price of defusing every possible split.)
 */
const FORMULA_START = /(^|[;,\t\r\n])(?=(?:[^\S\t\r\n]|")*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/gu;

/**
 * One CSV field (RFC 4180). Text is always quoted, so that neither "," nor ";" inside it splits
 * the cell in any locale, and every segment a spreadsheet might split off is defused (above).
 * Numbers and decimal amounts are written bare, so that they stay numbers.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`a CSV number must be finite, got ${value}`);
    return String(value);
  }
  if (typeof value === "object") {
    if (!/^-?\d+\.\d{2}$/.test(value.decimal)) throw new RangeError(`a CSV amount must be a plain decimal such as 72000.00, got ${JSON.stringify(value.decimal)}`);
    return value.decimal;
  }
  return `"${value.replace(FORMULA_START, "$1'").replace(/"/g, '""')}"`;
}

type InvoiceStatus = (typeof invoicesTable.$inferSelect)["status"];
type JudgementStatus = Commitment["status"];
type JudgementAction = "PROPOSED" | "ACCEPTED" | "REFUSED" | "REOPENED";

/** Every fixed text of the report, per language: the header, the section labels, the labels and the statuses. */
interface Texts {
  header: Record<Column, string>;
  section: Record<"agreement" | "party" | "commitment" | "judgement" | "invoice" | "coFinancingBoard" | "coFinancingAction" | "overhead" | "costs" | "settlement", string>;
  agreement: Record<"title" | "status" | "period" | "maximum" | "effortShare" | "resultShare" | "overheadCeiling" | "reportingWindow", string>;
  agreementStatus: Record<Agreement["status"], string>;
  period: (start: string, end: string) => string;
  days: (n: number) => string;
  noneSet: string;
  party: Record<"funder" | "beneficiary" | "steering", string>;
  bankAccount: string;
  commitment: (kind: Commitment["kind"], number: number) => string;
  noSource: string;
  measure: Record<"met" | "notMet", string>;
  metric: string;
  judgement: Record<JudgementStatus, string>;
  notJudged: string;
  pending: (status: string) => string;
  judgementAction: Record<JudgementAction, string>;
  invoiceStatus: Record<InvoiceStatus, string>;
  rejected: (at: string, by: string) => string;
  ledger: Record<"charged" | "paid" | "outstanding", string>;
  overhead: Record<"entry" | "reversal" | "recorded" | "counted" | "ceiling", string>;
  costs: Record<"approved" | "paid" | "coFinanced", string>;
  track: (number: number) => string;
  action: (number: number) => string;
  total: string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    header: {
      section: "sectie",
      reference: "referentie",
      description: "omschrijving",
      organisation: "organisatie",
      enterprise_number: "ondernemingsnummer",
      action: "actie",
      boards: "besturen",
      date: "datum",
      service_date: "datum_dienst",
      amount_eur: "bedrag_eur",
      value: "gemeten_waarde",
      target: "doel",
      status: "status",
      evidence: "bewijs",
      by: "door",
      approved_at: "goedgekeurd_op",
      approved_by: "goedgekeurd_door",
      paid_at: "betaald_op",
      paid_by: "betaald_door",
      detail: "toelichting",
    },
    section: {
      agreement: "overeenkomst",
      party: "partij",
      commitment: "verbintenis",
      judgement: "beoordeling",
      invoice: "factuur",
      coFinancingBoard: "cofinanciering per bestuur",
      coFinancingAction: "cofinanciering per actie",
      overhead: "overheadkosten",
      costs: "kosten per spoor en actie",
      settlement: "afrekening",
    },
    agreement: {
      title: "titel",
      status: "status",
      period: "looptijd",
      maximum: "maximale subsidie",
      effortShare: "inspanningsfinanciering",
      resultShare: "resultaatsfinanciering",
      overheadCeiling: "plafond overheadkosten",
      reportingWindow: "rapporteringstermijn cofinanciering",
    },
    agreementStatus: { OPEN: "lopend", CLOSED: "afgesloten" },
    period: (start, end) => `van ${start} tot en met ${end}`,
    days: (n) => `${n} ${n === 1 ? "dag" : "dagen"} na de looptijd`,
    noneSet: "niet vastgelegd: er tellen geen overheadkosten mee",
    party: { funder: "subsidiegever", beneficiary: "begunstigde", steering: "stuurgroep" },
    bankAccount: "rekeningnummer",
    commitment: (kind, n) => `${kind === "EFFORT" ? "inspanningsverbintenis" : "resultaatsverbintenis"} ${n}`,
    noSource: "nog geen gegevensbron",
    measure: { met: "behaald", notMet: "niet behaald" },
    metric: "meting",
    judgement: { OPEN: "open", JUSTIFIED: "verantwoord", NOT_JUSTIFIED: "niet verantwoord" },
    notJudged: "nog niet beoordeeld door de subsidiegever",
    pending: (status) => `voorstel wacht op de subsidiegever: ${status}`,
    judgementAction: { PROPOSED: "voorgesteld", ACCEPTED: "aanvaard", REFUSED: "geweigerd", REOPENED: "heropend" },
    invoiceStatus: { SUBMITTED: "ingediend", APPROVED: "goedgekeurd", PAID: "betaald", REJECTED: "afgewezen" },
    rejected: (at, by) => `afgewezen op ${at} door ${by}`,
    ledger: { charged: "aangerekend", paid: "betaald", outstanding: "openstaand" },
    overhead: { entry: "overheadkost", reversal: "correctie (tegenboeking)", recorded: "geboekt binnen de looptijd", counted: "telt mee binnen het plafond", ceiling: "plafond" },
    costs: { approved: "goedgekeurd", paid: "betaald", coFinanced: "gecofinancierd" },
    track: (n) => `spoor ${n}`,
    action: (n) => `actie ${n}`,
    total: "totaal",
  },
  fr: {
    header: {
      section: "section",
      reference: "reference",
      description: "description",
      organisation: "organisation",
      enterprise_number: "numero_entreprise",
      action: "action",
      boards: "pouvoirs_locaux",
      date: "date",
      service_date: "date_prestation",
      amount_eur: "montant_eur",
      value: "valeur_mesuree",
      target: "objectif",
      status: "statut",
      evidence: "preuve",
      by: "par",
      approved_at: "approuve_le",
      approved_by: "approuve_par",
      paid_at: "paye_le",
      paid_by: "paye_par",
      detail: "precisions",
    },
    section: {
      agreement: "convention",
      party: "partie",
      commitment: "engagement",
      judgement: "appréciation",
      invoice: "facture",
      coFinancingBoard: "cofinancement par pouvoir local",
      coFinancingAction: "cofinancement par action",
      overhead: "frais généraux",
      costs: "coûts par volet et action",
      settlement: "décompte",
    },
    agreement: {
      title: "titre",
      status: "statut",
      period: "durée",
      maximum: "subvention maximale",
      effortShare: "financement des efforts",
      resultShare: "financement des résultats",
      overheadCeiling: "plafond des frais généraux",
      reportingWindow: "délai de rapportage du cofinancement",
    },
    agreementStatus: { OPEN: "en cours", CLOSED: "clôturée" },
    period: (start, end) => `du ${start} au ${end} inclus`,
    days: (n) => `${n} ${n === 1 ? "jour" : "jours"} après la durée`,
    noneSet: "non fixé : aucun frais général n'est pris en compte",
    party: { funder: "pouvoir subsidiant", beneficiary: "bénéficiaire", steering: "comité de pilotage" },
    bankAccount: "numéro de compte",
    commitment: (kind, n) => `${kind === "EFFORT" ? "engagement d'effort" : "engagement de résultat"} ${n}`,
    noSource: "pas encore de source de données",
    measure: { met: "atteint", notMet: "non atteint" },
    metric: "mesure",
    judgement: { OPEN: "ouvert", JUSTIFIED: "justifié", NOT_JUSTIFIED: "non justifié" },
    notJudged: "pas encore apprécié par le pouvoir subsidiant",
    pending: (status) => `proposition en attente du pouvoir subsidiant : ${status}`,
    judgementAction: { PROPOSED: "proposé", ACCEPTED: "accepté", REFUSED: "refusé", REOPENED: "rouvert" },
    invoiceStatus: { SUBMITTED: "soumise", APPROVED: "approuvée", PAID: "payée", REJECTED: "rejetée" },
    rejected: (at, by) => `rejetée le ${at} par ${by}`,
    ledger: { charged: "facturé", paid: "payé", outstanding: "restant dû" },
    overhead: {
      entry: "frais général",
      reversal: "correction (contre-passation)",
      recorded: "enregistrés pendant la durée",
      counted: "pris en compte dans le plafond",
      ceiling: "plafond",
    },
    costs: { approved: "approuvé", paid: "payé", coFinanced: "cofinancé" },
    track: (n) => `volet ${n}`,
    action: (n) => `action ${n}`,
    total: "total",
  },
  en: {
    header: {
      section: "section",
      reference: "reference",
      description: "description",
      organisation: "organisation",
      enterprise_number: "enterprise_number",
      action: "action",
      boards: "boards",
      date: "date",
      service_date: "service_date",
      amount_eur: "amount_eur",
      value: "measured_value",
      target: "target",
      status: "status",
      evidence: "evidence",
      by: "by",
      approved_at: "approved_at",
      approved_by: "approved_by",
      paid_at: "paid_at",
      paid_by: "paid_by",
      detail: "detail",
    },
    section: {
      agreement: "agreement",
      party: "party",
      commitment: "commitment",
      judgement: "judgement",
      invoice: "invoice",
      coFinancingBoard: "co-financing per board",
      coFinancingAction: "co-financing per action",
      overhead: "overhead",
      costs: "costs per track and action",
      settlement: "settlement",
    },
    agreement: {
      title: "title",
      status: "status",
      period: "period",
      maximum: "maximum subsidy",
      effortShare: "effort financing",
      resultShare: "result financing",
      overheadCeiling: "overhead ceiling",
      reportingWindow: "co-financing reporting window",
    },
    agreementStatus: { OPEN: "open", CLOSED: "closed" },
    period: (start, end) => `from ${start} to ${end} inclusive`,
    days: (n) => `${n} ${n === 1 ? "day" : "days"} after the period`,
    noneSet: "none set: no overhead counts",
    party: { funder: "funder", beneficiary: "beneficiary", steering: "steering group" },
    bankAccount: "bank account",
    commitment: (kind, n) => `${kind === "EFFORT" ? "effort commitment" : "result commitment"} ${n}`,
    noSource: "no data source yet",
    measure: { met: "met", notMet: "not met" },
    metric: "metric",
    judgement: { OPEN: "open", JUSTIFIED: "justified", NOT_JUSTIFIED: "not justified" },
    notJudged: "not judged by the funder yet",
    pending: (status) => `proposal awaiting the funder: ${status}`,
    judgementAction: { PROPOSED: "proposed", ACCEPTED: "accepted", REFUSED: "refused", REOPENED: "reopened" },
    invoiceStatus: { SUBMITTED: "submitted", APPROVED: "approved", PAID: "paid", REJECTED: "rejected" },
    rejected: (at, by) => `rejected on ${at} by ${by}`,
    ledger: { charged: "charged", paid: "paid", outstanding: "outstanding" },
    overhead: {
      entry: "overhead cost",
      reversal: "correction (reversing entry)",
      recorded: "recorded within the period",
      counted: "counted within the ceiling",
      ceiling: "ceiling",
    },
    costs: { approved: "approved", paid: "paid", coFinanced: "co-financed" },
    track: (n) => `track ${n}`,
    action: (n) => `action ${n}`,
    total: "total",
  },
};

/** The same request in another language: loaders and the transaction are shared, only the locale differs. */
function inLocale(ctx: Context, locale: Locale): Context {
  return ctx.locale === locale ? ctx : Object.assign(Object.create(ctx) as Context, { locale });
}

/** floor(max × bp / 10000), in BigInt: a share of the maximum as the settlement computes it. */
const shareOf = (cents: number, bp: number): number => Number((BigInt(cents) * BigInt(bp)) / 10_000n);

/**
 * Builds the justification report of an agreement now, in one language. For a closed agreement
 * the report is the one frozen at closing (closing.service.ts `reportFor`); this builds the live
 * one, and the one closing freezes.
 */
export async function buildJustificationReport(ctx: Context, agreement: Agreement, locale: Locale): Promise<ReportFile> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const t = TEXTS[locale];
  const db = ctx.db;
  const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);
  // Every reader of the report reads the agreement's financials, so the people behind each step are named to them.
  const person = async (subject: string | null, role: string | null) => {
    const visible = await actorVisibleFor(ctx, agreement, subject);
    if (!role) return visible;
    return visible ? `${visible} (${role})` : role;
  };

  const [commitments, steering, tracks, actionRows, invoiceRows, served, transitions, ledger, overheadRows, settlement] = await Promise.all([
    commitmentsOfAgreement(ctx).load(agreement.id),
    steeringGroupOf(ctx).load(agreement.id),
    tracksOfAgreement(ctx).load(agreement.id),
    db.select().from(actionsTable).where(eq(actionsTable.agreementId, agreement.id)).orderBy(asc(actionsTable.number)),
    db
      .select()
      .from(invoicesTable)
      .where(eq(invoicesTable.agreementId, agreement.id))
      .orderBy(asc(invoicesTable.serviceDate), asc(invoicesTable.invoiceDate), asc(invoicesTable.reference), asc(invoicesTable.id)),
    // The boards served by every invoice of the agreement, in one join by agreement id.
    db
      .select({ invoiceId: invoiceBoards.invoiceId, name: boards.name })
      .from(invoiceBoards)
      .innerJoin(invoicesTable, eq(invoicesTable.id, invoiceBoards.invoiceId))
      .innerJoin(boards, eq(boards.id, invoiceBoards.boardId))
      .where(eq(invoicesTable.agreementId, agreement.id))
      .orderBy(asc(boards.name)),
    db
      .select(getTableColumns(invoiceTransitions))
      .from(invoiceTransitions)
      .innerJoin(invoicesTable, eq(invoicesTable.id, invoiceTransitions.invoiceId))
      .where(eq(invoicesTable.agreementId, agreement.id))
      .orderBy(asc(invoiceTransitions.createdAt), asc(invoiceTransitions.id)),
    coFinancingTotals(ctx, agreement),
    listCountedOverhead(db, agreement),
    settlementOf(inLocale(ctx, locale), agreement, null, "FINAL"),
  ]);

  // Second round: what the first named (organisations, measures, metric values, judgement histories), each batched.
  const qualitative = commitments.filter((c) => c.qualitative);
  const measured = commitments.filter((c) => !c.qualitative);
  const organisationIds = [agreement.funderId, agreement.beneficiaryId, ...steering.map((m) => m.organisationId), ...invoiceRows.map((i) => i.payeeId)];
  const [organisationRows, measureLists, histories] = await Promise.all([
    organisationLoader(ctx).loadMany([...new Set(organisationIds)]),
    measuresOfCommitment(ctx).loadMany(measured.map((c) => c.id)),
    judgementHistory(ctx).loadMany(qualitative.map((c) => c.id)),
  ]);
  const organisations = new Map<string, Organisation>();
  for (const row of organisationRows) if (row && !(row instanceof Error)) organisations.set(row.id, row);
  const measuresOf = new Map(measured.map((c, i) => [c.id, unwrap(measureLists[i])]));
  const historyOf = new Map(qualitative.map((c, i) => [c.id, unwrap(histories[i])]));
  const metrics = [...new Set([...measuresOf.values()].flat().map((m) => m.metric))];
  const values = await metricValues(ctx).loadMany(metrics.map((metric) => ({ agreementId: agreement.id, metric })));
  const metricValueOf = new Map(metrics.map((metric, i) => [metric, unwrap(values[i])]));

  const actionNumber = new Map(actionRows.map((a) => [a.id, a.number]));
  const rows: Row[] = [];

  // The agreement: title, status, period and terms.
  const a = (reference: string, row: Row) => rows.push({ section: t.section.agreement, reference, ...row });
  a(t.agreement.title, { description: localize(agreement.title, locale) });
  a(t.agreement.status, { status: t.agreementStatus[agreement.status] });
  a(t.agreement.period, { description: t.period(agreement.periodStart, agreement.periodEnd), date: agreement.periodStart });
  a(t.agreement.maximum, { description: formatMoney(agreement.maxAmountCents, agreement.currency, locale), amount_eur: decimal(agreement.maxAmountCents) });
  a(t.agreement.effortShare, { description: formatPercent(agreement.effortShareBp, locale), amount_eur: decimal(shareOf(agreement.maxAmountCents, agreement.effortShareBp)) });
  a(t.agreement.resultShare, { description: formatPercent(agreement.resultShareBp, locale), amount_eur: decimal(shareOf(agreement.maxAmountCents, agreement.resultShareBp)) });
  a(
    t.agreement.overheadCeiling,
    agreement.overheadCeilingCents === null
      ? { description: t.noneSet }
      : { description: formatMoney(agreement.overheadCeilingCents, agreement.currency, locale), amount_eur: decimal(agreement.overheadCeilingCents) },
  );
  a(t.agreement.reportingWindow, { description: t.days(agreement.reportingWindowDays), value: agreement.reportingWindowDays });

  // The parties, with their identification as the agreement states it.
  const party = (reference: string, organisationId: string, detail?: string | null) => {
    const organisation = organisations.get(organisationId);
    rows.push({
      section: t.section.party,
      reference,
      organisation: organisation ? localize(organisation.name, locale) : null,
      enterprise_number: organisation?.enterpriseNumber ?? null,
      detail,
    });
  };
  party(t.party.funder, agreement.funderId);
  party(t.party.beneficiary, agreement.beneficiaryId, agreement.beneficiaryBankAccount ? `${t.bankAccount} ${agreement.beneficiaryBankAccount}` : null);
  const steeringNames = steering
    .map((m) => ({ id: m.organisationId, name: localize(organisations.get(m.organisationId)?.name, locale) ?? "" }))
    .sort((x, y) => x.name.localeCompare(y.name, locale));
  for (const member of steeringNames) party(t.party.steering, member.id);

  // The commitments: measured ones per measure, with "no data source yet" apart from 0; qualitative ones with the judgement in force.
  for (const commitment of commitments) {
    const reference = t.commitment(commitment.kind, commitment.number);
    const base: Row = {
      section: t.section.commitment,
      reference,
      description: localize(commitment.description, locale),
      action: commitment.actionId ? (actionNumber.get(commitment.actionId) ?? null) : null,
    };
    if (!commitment.qualitative) {
      for (const measure of measuresOf.get(commitment.id) ?? []) {
        const value = metricValueOf.get(measure.metric) ?? 0;
        // A metric whose module does not exist yet reads 0; the report says so instead of a 0 that looks measured.
        rows.push({
          ...base,
          value: hasSource(measure.metric) ? value : t.noSource,
          target: `${measure.comparator === "AT_LEAST" ? ">=" : "<="} ${measure.targetValue}`,
          status: reaches(measure.comparator, value, measure.targetValue) ? t.measure.met : t.measure.notMet,
          detail: `${t.metric} ${measure.metric}`,
        });
      }
      continue;
    }
    const history = historyOf.get(commitment.id) ?? [];
    // The judgement in force is the last accepted proposal (a judgement from before proposals has no step).
    const acceptance = commitment.status === "OPEN" ? undefined : history.filter((step) => step.action === "ACCEPTED").at(-1);
    const judgedBy = commitment.judgedAt ? await person(commitment.judgedBy, acceptance?.actorRole ?? null) : null;
    rows.push({
      ...base,
      status: t.judgement[commitment.status],
      evidence: commitment.evidence,
      date: iso(commitment.judgedAt),
      by: judgedBy,
      detail: [commitment.status === "OPEN" ? t.notJudged : null, commitment.proposedStatus ? t.pending(t.judgement[commitment.proposedStatus]) : null].filter(Boolean).join("; "),
    });
    for (const step of history) {
      rows.push({
        section: t.section.judgement,
        reference,
        description: t.judgementAction[step.action],
        status: t.judgement[step.status],
        evidence: step.evidence,
        date: iso(step.createdAt),
        by: await person(step.actorId, step.actorRole),
        detail: step.reason,
      });
    }
  }

  // Every invoice, with who took each step and when.
  const boardsOf = group(served, (r) => r.invoiceId);
  const stepsOf = group(transitions, (r) => r.invoiceId);
  for (const invoice of invoiceRows) {
    const payee = organisations.get(invoice.payeeId);
    const steps = stepsOf.get(invoice.id) ?? [];
    const last = (status: InvoiceStatus) => steps.filter((s) => s.toStatus === status).at(-1);
    const [submitted, approved, paid, rejected] = [last("SUBMITTED"), last("APPROVED"), last("PAID"), last("REJECTED")];
    rows.push({
      section: t.section.invoice,
      reference: invoice.reference,
      description: invoice.description,
      organisation: payee ? localize(payee.name, locale) : null,
      enterprise_number: payee?.enterpriseNumber ?? null,
      action: actionNumber.get(invoice.actionId) ?? null,
      boards: (boardsOf.get(invoice.id) ?? []).map((b) => b.name).join("; "),
      date: invoice.invoiceDate,
      service_date: invoice.serviceDate,
      amount_eur: decimal(invoice.amountCents),
      status: t.invoiceStatus[invoice.status],
      evidence: invoice.rejectionReason,
      by: submitted ? await person(submitted.actorId, submitted.actorRole) : null,
      approved_at: iso(approved?.createdAt),
      approved_by: approved ? await person(approved.actorId, approved.actorRole) : null,
      paid_at: iso(paid?.createdAt),
      paid_by: paid ? await person(paid.actorId, paid.actorRole) : null,
      detail: rejected ? t.rejected(iso(rejected.createdAt)!, (await person(rejected.actorId, rejected.actorRole)) ?? rejected.actorRole) : null,
    });
  }

  // Co-financing per board and per action, net of reversals.
  const ledgerRows = (section: string, key: Row, totals: LedgerTotals) => {
    for (const [label, cents] of [
      [t.ledger.charged, totals.charged],
      [t.ledger.paid, totals.paid],
      [t.ledger.outstanding, totals.charged - totals.paid],
    ] as const) {
      rows.push({ section, ...key, description: label, amount_eur: decimal(cents) });
    }
  };
  for (const [name, totals] of rollUp(ledger, (r) => r.boardName).sort(([x], [y]) => x.localeCompare(y, locale))) {
    ledgerRows(t.section.coFinancingBoard, { reference: name, boards: name }, totals);
  }
  for (const [actionId, totals] of rollUp(ledger, (r) => r.actionId).sort(([x], [y]) => (actionNumber.get(x) ?? 0) - (actionNumber.get(y) ?? 0))) {
    const number = actionNumber.get(actionId) ?? null;
    ledgerRows(t.section.coFinancingAction, { reference: number === null ? null : t.action(number), action: number }, totals);
  }

  // Overhead: each entry within the period (a reversal negative), what is recorded, and what the ceiling lets count.
  for (const entry of overheadRows) {
    rows.push({
      section: t.section.overhead,
      reference: entry.reversesId ? t.overhead.reversal : t.overhead.entry,
      description: entry.description,
      action: entry.actionId ? (actionNumber.get(entry.actionId) ?? null) : null,
      date: entry.costDate,
      amount_eur: decimal(entry.countedCents),
    });
  }
  const recorded = overheadRows.reduce((total, entry) => total + entry.countedCents, 0);
  rows.push({ section: t.section.overhead, reference: t.total, description: t.overhead.recorded, amount_eur: decimal(recorded) });
  rows.push(
    agreement.overheadCeilingCents === null
      ? { section: t.section.overhead, reference: t.total, description: t.overhead.ceiling, detail: t.noneSet }
      : { section: t.section.overhead, reference: t.total, description: t.overhead.ceiling, amount_eur: decimal(agreement.overheadCeilingCents) },
  );
  rows.push({
    section: t.section.overhead,
    reference: t.total,
    description: t.overhead.counted,
    amount_eur: decimal(countedOverhead(recorded, agreement.overheadCeilingCents)),
  });

  // Costs per track and action: approved (approved or paid) and paid invoices, and the boards' co-financing payments.
  const perAction = new Map<string, { approved: number; paid: number; coFinanced: number }>();
  const line = (actionId: string) => perAction.get(actionId) ?? perAction.set(actionId, { approved: 0, paid: 0, coFinanced: 0 }).get(actionId)!;
  for (const invoice of invoiceRows) {
    if (invoice.status === "APPROVED" || invoice.status === "PAID") line(invoice.actionId).approved += invoice.amountCents;
    if (invoice.status === "PAID") line(invoice.actionId).paid += invoice.amountCents;
  }
  for (const r of ledger) line(r.actionId).coFinanced += r.paid;
  const costRows = (key: Row, amounts: { approved: number; paid: number; coFinanced: number }) => {
    for (const [label, cents] of [
      [t.costs.approved, amounts.approved],
      [t.costs.paid, amounts.paid],
      [t.costs.coFinanced, amounts.coFinanced],
    ] as const) {
      rows.push({ section: t.section.costs, ...key, description: label, amount_eur: decimal(cents) });
    }
  };
  const zero = { approved: 0, paid: 0, coFinanced: 0 };
  const add = (x: typeof zero, y: typeof zero) => ({ approved: x.approved + y.approved, paid: x.paid + y.paid, coFinanced: x.coFinanced + y.coFinanced });
  let total = zero;
  for (const track of tracks) {
    const ofTrack = actionRows.filter((row) => row.trackId === track.id);
    const trackTotal = ofTrack.reduce((sum, row) => add(sum, perAction.get(row.id) ?? zero), zero);
    total = add(total, trackTotal);
    costRows({ reference: t.track(track.number) }, trackTotal);
    for (const row of ofTrack) costRows({ reference: t.action(row.number), action: row.number }, perAction.get(row.id) ?? zero);
  }
  costRows({ reference: t.total }, total);

  // The FINAL settlement, every step in the report's language.
  for (const step of settlement.explanation) {
    rows.push({ section: t.section.settlement, reference: step.step, description: step.text, amount_eur: step.amountCents === null ? null : decimal(step.amountCents) });
  }

  // The header is ours and plain; every row's text is quoted and defused.
  const lines = [REPORT_COLUMNS.map((c) => t.header[c]).join(","), ...rows.map((row) => REPORT_COLUMNS.map((c) => csvField(row[c])).join(","))];
  return {
    filename: `justification-${agreement.periodStart}-${agreement.periodEnd}.csv`,
    contentType: "text/csv; charset=utf-8",
    content: `${lines.join("\r\n")}\r\n`,
  };
}

interface LedgerTotals {
  charged: number;
  paid: number;
}

/**
 * The co-financing ledger's totals per board and action, in one statement: charges and payments,
 * each net of its reversals (an entry that reverses another counts negatively).
 */
async function coFinancingTotals(ctx: Context, agreement: Agreement): Promise<(LedgerTotals & { boardName: string; actionId: string })[]> {
  const signed = sql`case when ${coFinancingEntries.reversesId} is null then ${coFinancingEntries.amountCents} else -${coFinancingEntries.amountCents} end`;
  const rows = await ctx.db
    .select({
      boardName: boards.name,
      actionId: coFinancingEntries.actionId,
      charged: sum(sql`case when ${coFinancingEntries.entryType} = 'CHARGE' then ${signed} else 0 end`),
      paid: sum(sql`case when ${coFinancingEntries.entryType} = 'PAYMENT' then ${signed} else 0 end`),
    })
    .from(coFinancingEntries)
    .innerJoin(boards, eq(boards.id, coFinancingEntries.boardId))
    .where(eq(coFinancingEntries.agreementId, agreement.id))
    .groupBy(coFinancingEntries.boardId, boards.name, coFinancingEntries.actionId);
  // sum() of bigint comes back as a decimal string; it is a whole number of cents.
  return rows.map((r) => ({ boardName: r.boardName, actionId: r.actionId, charged: Number(r.charged ?? 0), paid: Number(r.paid ?? 0) }));
}

function rollUp<R extends LedgerTotals>(rows: R[], key: (row: R) => string): [string, LedgerTotals][] {
  const totals = new Map<string, LedgerTotals>();
  for (const row of rows) {
    const t = totals.get(key(row)) ?? { charged: 0, paid: 0 };
    totals.set(key(row), { charged: t.charged + row.charged, paid: t.paid + row.paid });
  }
  return [...totals];
}

function group<R>(rows: R[], key: (row: R) => string): Map<string, R[]> {
  const grouped = new Map<string, R[]>();
  for (const row of rows) {
    const list = grouped.get(key(row));
    if (list) list.push(row);
    else grouped.set(key(row), [row]);
  }
  return grouped;
}

function unwrap<T>(value: T | Error | undefined): T {
  if (value instanceof Error) throw value;
  if (value === undefined) throw new Error("a batched load answered nothing");
  return value;
}
