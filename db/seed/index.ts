// Seeding: the "sources" profile loads the real boards and organisations of the sources into
// an empty database; the "sector" profile then tops the boards up with synthetic ones to a
// sector-sized set for benchmarks. Seeding twice changes nothing, and each part runs in one
// transaction, so a database is never left half seeded.
import { count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { boards } from "../schema/boards.js";
import { organisations } from "../schema/organisations.js";
import { actions, coFinancingEntries, fundingAgreements, invoiceBoards, invoices } from "../schema/funding.js";
import { BOARDS, ORGANISATIONS } from "./data.js";
import { seedAddendum } from "./funding.js";
import { syntheticBoards, syntheticFunding } from "./sector.js";

export type SeedProfile = "sources" | "sector";
export const SECTOR_BOARD_COUNT = 300;
export const SECTOR_INVOICE_COUNT = 1000;

export type Progress = (step: string, done: number, total: number) => void;

export interface SeedResult {
  boards: number;
  organisations: number;
  fundingAgreements: number;
  invoices?: number;
  coFinancingEntries?: number;
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [b] = await database.db.select({ n: count() }).from(boards);
  const [o] = await database.db.select({ n: count() }).from(organisations);
  return (b?.n ?? 0) === 0 && (o?.n ?? 0) === 0;
}

export async function seedDatabase(database: Database, profile: SeedProfile = "sources", progress: Progress = () => {}): Promise<SeedResult> {
  const added: SeedResult = { boards: 0, organisations: 0, fundingAgreements: 0 };
  if (await isEmpty(database)) {
    await database.db.transaction(async (tx) => {
      await tx.insert(organisations).values(ORGANISATIONS);
      progress("organisations", ORGANISATIONS.length, ORGANISATIONS.length);
      await tx.insert(boards).values(BOARDS);
      progress("boards", BOARDS.length, BOARDS.length);
    });
    added.organisations += ORGANISATIONS.length;
    added.boards += BOARDS.length;
  }
  // A database seeded before the funding module existed gets the addendum on its next start.
  const [agreements] = await database.db.select({ n: count() }).from(fundingAgreements);
  if ((agreements?.n ?? 0) === 0 && (await database.db.transaction((tx) => seedAddendum(tx)))) {
    progress("funding agreements", 1, 1);
    added.fundingAgreements += 1;
  }
  if (profile === "sector") {
    const [existing] = await database.db.select({ n: count() }).from(boards);
    const missing = SECTOR_BOARD_COUNT - (existing?.n ?? 0);
    if (missing > 0) {
      const synthetic = syntheticBoards(missing);
      const batch = 100;
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < synthetic.length; i += batch) {
          await tx.insert(boards).values(synthetic.slice(i, i + batch));
          progress("synthetic boards", Math.min(i + batch, synthetic.length), synthetic.length);
        }
      });
      added.boards += synthetic.length;
    }
    Object.assign(added, await seedSectorFunding(database, progress));
  }
  return added;
}

/** The addendum's invoices and co-financing at the sector's scale, once. */
async function seedSectorFunding(database: Database, progress: Progress): Promise<Partial<SeedResult>> {
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
            serviceDate: p.serviceDate,
            status: p.status,
            rejectionReason: p.status === "REJECTED" ? "Synthetic: not a service to boards" : null,
          })),
        )
        .returning({ id: invoices.id });
      await tx.insert(invoiceBoards).values(slice.flatMap((p, j) => p.boardIndexes.map((b) => ({ invoiceId: rows[j]!.id, boardId: boardRows[b]!.id }))));
      progress("synthetic invoices", Math.min(i + batch, plan.invoices.length), plan.invoices.length);
    }
    const entries = plan.coFinancing.flatMap((c) => {
      const base = { agreementId: agreement.id, boardId: boardRows[c.boardIndex]!.id, actionId: actionRows[c.actionIndex]!.id, kind: c.kind, entryDate: c.date, recordedBy: "seed" };
      return [
        { ...base, entryType: "CHARGE" as const, amountCents: c.chargeCents },
        ...(c.paidCents ? [{ ...base, entryType: "PAYMENT" as const, amountCents: c.paidCents }] : []),
      ];
    });
    for (let i = 0; i < entries.length; i += batch) await tx.insert(coFinancingEntries).values(entries.slice(i, i + batch));
    entryCount = entries.length;
    progress("synthetic co-financing entries", entries.length, entries.length);
    // Statistics for the planner after a bulk load, as a real import would.
    await tx.execute(sql`analyze invoices`);
  });
  return { invoices: plan.invoices.length, coFinancingEntries: entryCount };
}
