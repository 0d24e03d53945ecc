// Seeding: the "sources" profile loads the real boards and organisations of the sources into
// an empty database; the "sector" profile then tops the boards up with synthetic ones to a
// sector-sized set for benchmarks. Seeding twice changes nothing, and each part runs in one
// transaction, so a database is never left half seeded.
import { count } from "drizzle-orm";
import type { Database } from "../client.js";
import { boards } from "../schema/boards.js";
import { organisations } from "../schema/organisations.js";
import { fundingAgreements } from "../schema/funding.js";
import { BOARDS, ORGANISATIONS } from "./data.js";
import { seedAddendum } from "./funding.js";
import { syntheticBoards } from "./sector.js";

export type SeedProfile = "sources" | "sector";
export const SECTOR_BOARD_COUNT = 300;

export type Progress = (step: string, done: number, total: number) => void;

export interface SeedResult {
  boards: number;
  organisations: number;
  fundingAgreements: number;
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
  }
  return added;
}
