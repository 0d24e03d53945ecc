// Invoices: the only way money leaves an agreement. State-aid rules allow paying third parties
// that delivered a service to boards, never a board itself; an invoice moves SUBMITTED ->
// APPROVED -> PAID, or SUBMITTED -> REJECTED with a reason, and approved costs never exceed the
// agreement's maximum.
import { and, asc, count, eq, getTableColumns, inArray, lte, sql, sum } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { actions, fundingAgreements, invoiceBoards, invoiceStatus, invoices, invoiceTransitions } from "../../db/schema/funding.js";
import { organisations } from "../../db/schema/organisations.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn, parseInput } from "../shared/fn.js";
import { childRows, defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { formatMoney, moneyInput } from "../shared/money.js";
import { assertCan, can, type PolicyAction } from "../shared/policy.js";
import { afterCursor, type Connection, expectGlobalId, fromGlobalId, type Keyset, pageSize, toConnection, toGlobalId } from "../shared/relay.js";
import { multilineText, optionalMultilineText, requiredText } from "../shared/validation.js";
import { type Agreement, agreementLoader } from "./agreements.service.js";
import { invoiceEvents } from "./funding.events.js";
import { fundingReadFinancials, type InvoiceStep, invoiceApprove, invoicePay, invoiceReject, invoiceSubmit } from "./funding.policy.js";
import { assertOpen, lockOpenAgreement, todayInBrussels } from "./lifecycle.js";

export type Invoice = typeof invoices.$inferSelect;
type Status = Invoice["status"];

/** Organisation kinds that deliver services to boards and may therefore be paid. */
export const THIRD_PARTY_KINDS = new Set(["SERVICE_PROVIDER", "COMPANY", "NON_PROFIT", "PUBLIC_AGENCY"]);
/** Statuses whose amounts count as approved costs. */
const APPROVED_STATUSES: Status[] = ["APPROVED", "PAID"];

export const invoiceLoader = (ctx: Context) => rowsById<Invoice>(ctx, invoices);

/**
 * Why state-aid rules forbid paying this organisation under this agreement, or null: only third
 * parties that deliver services to boards are paid, never a party to the agreement.
 */
function stateAidRefusal(organisation: typeof organisations.$inferSelect, agreement: Agreement): string | null {
  if (organisation.id === agreement.funderId || organisation.id === agreement.beneficiaryId) {
    return "is a party to the agreement: only third parties that delivered a service are paid";
  }
  if (!THIRD_PARTY_KINDS.has(organisation.kind)) {
    return `is a ${organisation.kind}: only service providers, companies, non-profits and public agencies deliver paid services`;
  }
  return null;
}

/** The id behind a global id of one of the expected types, with the type; BAD_USER_INPUT otherwise. */
function idOf(globalId: string, field: string): { type: string; id: string } {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw badInput(field, "is not an id");
  return parsed;
}

const submitInput = z.object({
  agreementId: z.string(),
  actionId: z.string(),
  payeeId: z.string(),
  reference: requiredText(100),
  description: optionalMultilineText(2000),
  amount: moneyInput,
  invoiceDate: isoDate,
  serviceDate: isoDate,
  boardsServedIds: z.array(z.string()).min(1, "must name at least one board: invoices pay for services to boards").max(500),
});

export const submitInvoice = fn(
  submitInput,
  async (ctx, input) => {
    const agreementId = expectGlobalId(input.agreementId, "FundingAgreement", "input.agreementId");
    const actionId = expectGlobalId(input.actionId, "Action", "input.actionId");
    const payee = idOf(input.payeeId, "input.payeeId");
    if (payee.type === "Board") {
      throw badInput("input.payeeId", "is a board: state-aid rules allow paying only third parties that delivered a service to boards, never a board itself");
    }
    if (payee.type !== "Organisation") throw badInput("input.payeeId", "is not the id of an Organisation");
    const boardIds = [...new Set(input.boardsServedIds.map((id, i) => expectGlobalId(id, "Board", `input.boardsServedIds.${i}`)))];

    try {
      return await change(ctx, async (tx, recorder) => {
        const [found] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, agreementId));
        if (!found) throw notFound("FundingAgreement", "input.agreementId");
        await assertCan(ctx, invoiceSubmit, found);
        const agreement = await lockOpenAgreement(tx, agreementId, "input.agreementId");
        const [action] = await tx.select().from(actions).where(eq(actions.id, actionId));
        if (!action || action.agreementId !== agreementId) throw badInput("input.actionId", "is not an action of this agreement");
        const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, payee.id));
        if (!organisation) throw notFound("Organisation", "input.payeeId");
        const refusal = stateAidRefusal(organisation, agreement);
        if (refusal) throw badInput("input.payeeId", refusal);
        const served = await tx.select({ id: boards.id }).from(boards).where(inArray(boards.id, boardIds));
        if (served.length !== boardIds.length) throw badInput("input.boardsServedIds", "names a board that does not exist");
        if (input.amount.currency !== agreement.currency) throw badInput("input.amount.currency", `must be ${agreement.currency}, the agreement's currency`);
        if (input.amount.cents > agreement.maxAmountCents) throw badInput("input.amount.cents", "is more than the agreement's maximum, so it could never be approved");
        if (input.serviceDate < agreement.periodStart || input.serviceDate > agreement.periodEnd) {
          throw badInput("input.serviceDate", `must fall within the agreement's period, ${agreement.periodStart} to ${agreement.periodEnd}`);
        }
        if (input.invoiceDate > todayInBrussels()) throw badInput("input.invoiceDate", "is in the future: an invoice is submitted once it has been issued");
        const [created] = await tx
          .insert(invoices)
          .values({
            agreementId,
            actionId,
            payeeId: organisation.id,
            reference: input.reference,
            description: input.description ?? null,
            amountCents: input.amount.cents,
            currency: input.amount.currency,
            invoiceDate: input.invoiceDate,
            serviceDate: input.serviceDate,
          })
          .returning();
        await tx.insert(invoiceBoards).values(boardIds.map((boardId) => ({ invoiceId: created!.id, boardId })));
        await transition(ctx, tx, recorder, "submitInvoice", null, created!, null);
        return created!;
      });
    } catch (error) {
      if (uniqueViolation(error) === "invoices_payee_reference_key") {
        throw badInput("input.reference", "was already submitted by this payee (references are compared ignoring case)");
      }
      throw error;
    }
  },
  { argument: "input", authorize: invoiceSubmit },
);

async function transition(ctx: Context, tx: Tx, recorder: Recorder, operation: string, before: Invoice | null, after: Invoice, reason: string | null) {
  await tx.insert(invoiceTransitions).values({
    invoiceId: after.id,
    fromStatus: before?.status ?? null,
    toStatus: after.status,
    actorId: actorSubject(ctx.actor),
    actorRole: ctx.actor.role,
    reason,
  });
  await recorder.record({ operation, entityType: "Invoice", entityId: after.id, before, after });
  await recorder.emit(invoiceEvents[after.status], after.id, {
    invoiceId: toGlobalId("Invoice", after.id),
    agreementId: toGlobalId("FundingAgreement", after.agreementId),
    actionId: toGlobalId("Action", after.actionId),
    status: after.status,
    amountCents: after.amountCents,
    currency: after.currency,
  });
}

/** Moves an invoice from one status to the next, with the checks of that step. */
async function move(
  ctx: Context,
  action: PolicyAction<InvoiceStep>,
  globalId: string,
  field: string,
  from: Status,
  to: Status,
  operation: string,
  options: { reason?: string; check?: (tx: Tx, invoice: Invoice, agreement: Agreement) => Promise<void> } = {},
) {
  const id = expectGlobalId(globalId, "Invoice", field);
  return change(ctx, async (tx, recorder) => {
    const [current] = await tx.select({ agreementId: invoices.agreementId }).from(invoices).where(eq(invoices.id, id));
    if (!current) throw notFound("Invoice", field);
    // Locking the agreement serialises the status changes of its invoices, so two approvals at
    // once cannot both fit under the maximum when only one does.
    const [agreement] = await tx.select().from(fundingAgreements).where(eq(fundingAgreements.id, current.agreementId)).for("update");
    const [before] = await tx.select().from(invoices).where(eq(invoices.id, id)).for("update");
    if (!agreement || !before) throw notFound("Invoice", field);
    const history = await tx.select().from(invoiceTransitions).where(eq(invoiceTransitions.invoiceId, id));
    await assertCan(ctx, action, stepOf(agreement, history));
    assertOpen(agreement, field);
    if (before.status !== from) throw conflict(field, `The invoice is ${before.status}; only a ${from} invoice can become ${to}`);
    if (to === "APPROVED" || to === "PAID") {
      // The state-aid rule holds at every step that moves money: a payee reclassified (or made a
      // party) since submission is refused now, not only at submission.
      const [payee] = await tx.select().from(organisations).where(eq(organisations.id, before.payeeId));
      const refusal = payee ? stateAidRefusal(payee, agreement) : "no longer exists";
      if (refusal) throw conflict(field, `The invoice's payee ${refusal}`);
    }
    await options.check?.(tx, before, agreement);
    const [after] = await tx
      .update(invoices)
      .set({ status: to, rejectionReason: options.reason ?? before.rejectionReason })
      .where(eq(invoices.id, id))
      .returning();
    await transition(ctx, tx, recorder, operation, before, after!, options.reason ?? null);
    return after!;
  });
}

/** The four-eyes facts of an invoice: who submitted it and who approved it, from its history. */
function stepOf(agreement: Agreement, history: (typeof invoiceTransitions.$inferSelect)[]): InvoiceStep {
  const by = (status: Status) => history.filter((t) => t.toStatus === status).at(-1)?.actorId ?? null;
  return { agreement, submittedBy: by("SUBMITTED"), approvedBy: by("APPROVED") };
}

/** Whether the viewer may move this invoice now: the policy allows it and the invoice is in the `from` status. */
export async function viewerCanMove(ctx: Context, invoice: Invoice, action: PolicyAction<InvoiceStep>, from: Status): Promise<boolean> {
  if (invoice.status !== from) return false;
  const [agreement, history] = await Promise.all([agreementLoader(ctx).load(invoice.agreementId), invoiceHistory(ctx).load(invoice.id)]);
  return agreement !== null && agreement.status === "OPEN" && can(ctx, action, stepOf(agreement, history));
}

/** Sum of every approved (and paid) invoice of an agreement, whatever its service date: what the maximum caps. */
async function approvedCosts(tx: Tx, agreement: Agreement): Promise<number> {
  const [row] = await tx
    .select({ total: sum(invoices.amountCents) })
    .from(invoices)
    .where(and(eq(invoices.agreementId, agreement.id), inArray(invoices.status, APPROVED_STATUSES)));
  return Number(row?.total ?? 0);
}

const invoiceId = z.object({ id: z.string() });

export const approveInvoice = fn(
  invoiceId,
  (ctx, { id }) =>
    move(ctx, invoiceApprove, id, "id", "SUBMITTED", "APPROVED", "approveInvoice", {
      check: async (tx, invoice, agreement) => {
        const approved = await approvedCosts(tx, agreement);
        const after = approved + invoice.amountCents;
        if (after > agreement.maxAmountCents) {
          const money = (c: number) => formatMoney(c, agreement.currency, "en");
          throw badInput(
            "id",
            `would take approved costs to ${money(after)}, above the agreement's maximum of ${money(agreement.maxAmountCents)} (${money(approved)} approved so far)`,
          );
        }
      },
    }),
  { authorize: invoiceApprove },
);

export const payInvoice = fn(invoiceId, (ctx, { id }) => move(ctx, invoicePay, id, "id", "APPROVED", "PAID", "payInvoice"), { authorize: invoicePay });

export const rejectInvoice = fn(
  z.object({ id: z.string(), reason: multilineText(2000) }),
  (ctx, input) => move(ctx, invoiceReject, input.id, "input.id", "SUBMITTED", "REJECTED", "rejectInvoice", { reason: input.reason }),
  { argument: "input", authorize: invoiceReject },
);

const invoiceCreatedKey = sql<string>`to_char(${invoices.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const invoiceKeyset: Keyset = { sortKey: invoiceCreatedKey, id: invoices.id, descending: true };

const listArgs = z.object({ first: z.number().int().nullish(), after: z.string().nullish(), status: z.enum(invoiceStatus.enumValues).nullish() });

/**
 * An agreement's invoices, newest first. Pages of several agreements asked in one request are
 * fetched together (a window function numbers each agreement's rows), so a list of
 * agreements with their invoices costs the same statements as one.
 */
export async function listInvoices(ctx: Context, agreement: Agreement, rawArgs: z.input<typeof listArgs>): Promise<Connection<Invoice>> {
  await assertCan(ctx, fundingReadFinancials, agreement);
  const args = parseInput(listArgs, rawArgs);
  const size = pageSize(args.first);
  const page: InvoicePage = { status: args.status ?? null, after: args.after ?? null, size };
  const rows = await pagesOfInvoices(ctx, page).load(agreement.id);
  return toConnection(
    rows,
    size,
    args,
    (r) => [r.key, r.id],
    () => invoiceCounts(ctx, page.status).load(agreement.id),
  );
}

type KeyedInvoice = Invoice & { key: string };

interface InvoicePage {
  status: Status | null;
  after: string | null;
  size: number;
}

const pagesOfInvoices = defineLoaderFamily<string, KeyedInvoice[], InvoicePage>(
  (page) => JSON.stringify([page.status, page.after, page.size]),
  async (ctx, { status, after, size }, agreementIds) => {
    const ranked = ctx.db
      .select({
        ...getTableColumns(invoices),
        key: invoiceCreatedKey.as("key"),
        rank: sql<number>`row_number() over (partition by ${invoices.agreementId} order by ${invoiceCreatedKey} desc, ${invoices.id} desc)`.as("rank"),
      })
      .from(invoices)
      .where(and(inArray(invoices.agreementId, [...agreementIds]), status ? eq(invoices.status, status) : undefined, afterCursor(invoiceKeyset, after)))
      .as("ranked");
    const rows = await ctx.db
      .select()
      .from(ranked)
      .where(lte(ranked.rank, size + 1))
      .orderBy(asc(ranked.rank));
    return agreementIds.map((id) => rows.filter((r) => r.agreementId === id).map(({ rank: _rank, ...invoice }) => invoice as KeyedInvoice));
  },
);

const invoiceCounts = defineLoaderFamily<string, number, Status | null>(
  (status) => status ?? "all",
  async (ctx, status, agreementIds) => {
    const rows = await ctx.db
      .select({ agreementId: invoices.agreementId, n: count() })
      .from(invoices)
      .where(and(inArray(invoices.agreementId, [...agreementIds]), status ? eq(invoices.status, status) : undefined))
      .groupBy(invoices.agreementId);
    return agreementIds.map((id) => rows.find((r) => r.agreementId === id)?.n ?? 0);
  },
);

/** The boards each invoice served, as { invoiceId, board } rows ordered by board name. */
export const boardsServed = childRows(
  (ctx, invoiceIds) =>
    ctx.db
      .select({ invoiceId: invoiceBoards.invoiceId, board: boards })
      .from(invoiceBoards)
      .innerJoin(boards, eq(boards.id, invoiceBoards.boardId))
      .where(inArray(invoiceBoards.invoiceId, invoiceIds))
      .orderBy(asc(boards.name)),
  (r) => r.invoiceId,
);

export const invoiceHistory = childRows(
  (ctx, invoiceIds) =>
    ctx.db.select().from(invoiceTransitions).where(inArray(invoiceTransitions.invoiceId, invoiceIds)).orderBy(asc(invoiceTransitions.createdAt), asc(invoiceTransitions.id)),
  (r) => r.invoiceId,
);

/** An invoice by row id for node(id): only for those who read everything of its agreement. */
export async function findInvoice(ctx: Context, id: string): Promise<Invoice | null> {
  const invoice = await invoiceLoader(ctx).load(id);
  if (!invoice) return null;
  const agreement = await agreementLoader(ctx).load(invoice.agreementId);
  return agreement && (await can(ctx, fundingReadFinancials, agreement)) ? invoice : null;
}
