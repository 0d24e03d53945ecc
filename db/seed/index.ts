// Seeding: the "sources" profile loads the real data of the sources into an empty database;
// the "sector" profile then adds a synthetic, sector-sized set for benchmarks. Each module
// contributes its own step (its descriptor's `seed`), run in the order of schema/modules.ts.
// Seeding twice changes nothing, and each step writes in one transaction, so a database is
// never left half seeded.
import { count } from "drizzle-orm";
import { modules } from "../../schema/modules.js";
import type { SeedOptions, SeedProfile, SeedProgress } from "../../schema/shared/module.js";
import type { Database } from "../client.js";
import { boards } from "../schema/boards.js";
import { organisations } from "../schema/organisations.js";

export type { SeedOptions, SeedProfile };
export type Progress = SeedProgress;
export { SECTOR_BOARD_COUNT, SECTOR_INVOICE_COUNT } from "./sector.js";
export { SECTOR_EMPLOYEE_COUNT, SECTOR_ENROLMENT_COUNT, SECTOR_SESSION_COUNT, sectorTrainingSizes } from "./sector-trainings.js";

export interface SeedResult {
  boards: number;
  organisations: number;
  fundingAgreements: number;
  invoices?: number;
  coFinancingEntries?: number;
  [kind: string]: number | undefined;
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [b] = await database.db.select({ n: count() }).from(boards);
  const [o] = await database.db.select({ n: count() }).from(organisations);
  return (b?.n ?? 0) === 0 && (o?.n ?? 0) === 0;
}

export async function seedDatabase(database: Database, profile: SeedProfile = "sources", progress: Progress = () => {}, options: SeedOptions = {}): Promise<SeedResult> {
  const added: SeedResult = { boards: 0, organisations: 0, fundingAgreements: 0 };
  const phases = profile === "sector" ? (["sources", "sector"] as const) : (["sources"] as const);
  for (const phase of phases) {
    for (const module of modules) {
      const step = module.seed?.[phase];
      if (!step) continue;
      for (const [kind, n] of Object.entries(await step(database, progress, options))) added[kind] = (added[kind] ?? 0) + (n ?? 0);
    }
  }
  return added;
}
