// Writes the addendum of addendum.ts into the database, linking partners by their Dutch name.
import { count, eq, inArray, sql } from "drizzle-orm";
import type { SeedProgress } from "../../schema/shared/module.js";
import type { Database, Tx } from "../client.js";
import { boards } from "../schema/boards.js";
import {
  actionPartners,
  actions,
  agreementSteeringMembers,
  coFinancingEntries,
  commitmentMeasures,
  commitments,
  fundingAgreements,
  invoiceBoards,
  invoices,
  invoiceTransitions,
  tracks,
} from "../schema/funding.js";
import { organisations } from "../schema/organisations.js";
import { ADDENDUM, type CommitmentSeed, RESULT_COMMITMENTS, STEERING_GROUP, TRACKS } from "./addendum.js";
import { SECTOR_INVOICE_COUNT, syntheticFunding } from "./sector.js";

/** Seeds the addendum; false (and nothing written) when its funder or beneficiary is missing. */
export async function seedAddendum(tx: Tx): Promise<boolean> {
  const orgs = await tx.select({ id: organisations.id, nl: sql<string>`${organisations.name}->>'nl'` }).from(organisations);
  const orgId = (name: string): string | undefined => orgs.find((o) => o.nl === name)?.id;
  const funderId = orgId(ADDENDUM.funder);
  const beneficiaryId = orgId(ADDENDUM.beneficiary);
  if (!funderId || !beneficiaryId) return false;
  const [agreement] = await tx
    .insert(fundingAgreements)
    .values({ ...ADDENDUM, funderId, beneficiaryId })
    .returning();
  const agreementId = agreement!.id;
  const steering = STEERING_GROUP.map(orgId).filter((id): id is string => Boolean(id));
  if (steering.length) await tx.insert(agreementSteeringMembers).values(steering.map((organisationId) => ({ agreementId, organisationId })));

  const addCommitment = async (kind: "EFFORT" | "RESULT", seed: CommitmentSeed, actionId: string | null) => {
    const [row] = await tx
      .insert(commitments)
      .values({ agreementId, actionId, kind, number: seed.number, description: seed.description, qualitative: !seed.measures?.length })
      .returning();
    if (seed.measures?.length) {
      await tx.insert(commitmentMeasures).values(seed.measures.map((m) => ({ commitmentId: row!.id, metric: m.metric, targetValue: m.targetValue })));
    }
  };

  for (const track of TRACKS) {
    const [trackRow] = await tx.insert(tracks).values({ agreementId, number: track.number, title: track.title, description: track.description }).returning();
    for (const action of track.actions) {
      const [actionRow] = await tx
        .insert(actions)
        .values({
          agreementId,
          trackId: trackRow!.id,
          number: action.number,
          title: action.title,
          description: action.description,
          isNew: action.isNew,
          intersectoral: action.intersectoral,
          localCooperation: action.localCooperation,
          otherPartners: action.otherPartners ?? null,
        })
        .returning();
      // A partner an operator has removed is left out rather than failing the start.
      const partnerIds = action.partners.map(orgId).filter((id): id is string => Boolean(id));
      if (partnerIds.length) await tx.insert(actionPartners).values(partnerIds.map((organisationId) => ({ actionId: actionRow!.id, organisationId })));
      await addCommitment("EFFORT", action.effort, actionRow!.id);
    }
  }
  for (const result of RESULT_COMMITMENTS) await addCommitment("RESULT", result, null);
  return true;
}

/** The addendum's invoices and co-financing at the sector's scale, once. */
export async function seedSectorFunding(database: Database, progress: SeedProgress): Promise<Record<string, number>> {
  const [agreement] = await database.db.select().from(fundingAgreements).limit(1);
  if (!agreement) return {};
  const [existing] = await database.db.select({ n: count() }).from(invoices).where(eq(invoices.agreementId, agreement.id));
  if ((existing?.n ?? 0) > 0) return {};
  const actionRows = await database.db.select({ id: actions.id }).from(actions).where(eq(actions.agreementId, agreement.id));
  const payees = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.kind, ["SERVICE_PROVIDER", "NON_PROFIT", "PUBLIC_AGENCY", "COMPANY"]));
  const boardRows = await database.db.select({ id: boards.id }).from(boards).orderBy(boards.name);
  const plan = syntheticFunding({ invoices: SECTOR_INVOICE_COUNT, boards: boardRows.length, actions: actionRows.length, payees: payees.length });
  const batch = 200;
  let entryCount = 0;
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < plan.invoices.length; i += batch) {
      const slice = plan.invoices.slice(i, i + batch);
      const rows = await tx
        .insert(invoices)
        .values(
          slice.map((p) => ({
            agreementId: agreement.id,
            actionId: actionRows[p.actionIndex]!.id,
            payeeId: payees[p.payeeIndex]!.id,
            reference: p.reference,
            amountCents: p.amountCents,
            invoiceDate: p.serviceDate,
            serviceDate: p.serviceDate,
            status: p.status,
            rejectionReason: p.status === "REJECTED" ? "Synthetic: not a service to boards" : null,
          })),
        )
        .returning({ id: invoices.id });
      // Each synthetic invoice has the history its status implies, each step by another person.
      await tx.insert(invoiceTransitions).values(slice.flatMap((p, j) => syntheticHistory(rows[j]!.id, p.status)));
      await tx.insert(invoiceBoards).values(slice.flatMap((p, j) => p.boardIndexes.map((b) => ({ invoiceId: rows[j]!.id, boardId: boardRows[b]!.id }))));
      progress("synthetic invoices", Math.min(i + batch, plan.invoices.length), plan.invoices.length);
    }
    const base = (c: (typeof plan.coFinancing)[number]) => ({
      agreementId: agreement.id,
      boardId: boardRows[c.boardIndex]!.id,
      actionId: actionRows[c.actionIndex]!.id,
      kind: c.kind,
      entryDate: c.date,
      recordedBy: "seed",
    });
    // Charges first; each payment then refers to the charge it pays.
    for (let i = 0; i < plan.coFinancing.length; i += batch) {
      const slice = plan.coFinancing.slice(i, i + batch);
      const charges = await tx
        .insert(coFinancingEntries)
        .values(slice.map((c) => ({ ...base(c), entryType: "CHARGE" as const, amountCents: c.chargeCents })))
        .returning({ id: coFinancingEntries.id });
      const payments = slice.flatMap((c, j) => (c.paidCents ? [{ ...base(c), entryType: "PAYMENT" as const, amountCents: c.paidCents, chargeId: charges[j]!.id }] : []));
      if (payments.length) await tx.insert(coFinancingEntries).values(payments);
      entryCount += slice.length + payments.length;
    }
    const entries = { length: entryCount };
    progress("synthetic co-financing entries", entries.length, entries.length);
    // Statistics for the planner after a bulk load, as a real import would.
    await tx.execute(sql`analyze invoices`);
  });
  return { invoices: plan.invoices.length, coFinancingEntries: entryCount };
}

type SyntheticStatus = "SUBMITTED" | "APPROVED" | "PAID" | "REJECTED";

/** The transitions that lead to a status, each taken by a different (synthetic) consultant. */
function syntheticHistory(invoiceId: string, status: SyntheticStatus) {
  const step = (fromStatus: SyntheticStatus | null, toStatus: SyntheticStatus, actorId: string, reason: string | null = null) => ({
    invoiceId,
    fromStatus,
    toStatus,
    actorId,
    actorRole: "CONSULTANT",
    reason,
  });
  const steps = [step(null, "SUBMITTED", "seed-clerk")];
  if (status === "REJECTED") steps.push(step("SUBMITTED", "REJECTED", "seed-approver", "Synthetic: not a service to boards"));
  if (status === "APPROVED" || status === "PAID") steps.push(step("SUBMITTED", "APPROVED", "seed-approver"));
  if (status === "PAID") steps.push(step("APPROVED", "PAID", "seed-payer"));
  return steps;
}
