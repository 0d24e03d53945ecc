// The "sector" seed profile: a synthetic data set the size of the sector, for benchmarks.
// It is deterministic (a fixed pseudo-random sequence), so two runs give the same rows.
// Each module adds its own generator here as it arrives.
import type { boards } from "../schema/boards.js";

type NewBoard = typeof boards.$inferInsert;

/** How many boards the sector profile tops up to, and how many invoices it adds. */
export const SECTOR_BOARD_COUNT = 300;
export const SECTOR_INVOICE_COUNT = 1000;

/** Every synthetic board carries this in its name, so it is never mistaken for a real one. */
export const SYNTHETIC_PREFIX = "Synthetisch";

const PROVINCES = ["ANTWERP", "EAST_FLANDERS", "FLEMISH_BRABANT", "LIMBURG", "WEST_FLANDERS"] as const;
const CLUSTERS = ["Woongemeenten", "Landelijke gemeenten", "Regionale steden", "Centrumsteden", null] as const;

/** mulberry32: a tiny seeded generator; good enough to spread synthetic data, not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic municipalities, with an OCMW for every third one and some police zones and
 * partnerships. NIS codes start at 99000, a range Statbel does not use, so they never clash
 * with the real boards seeded beside them.
 */
export function syntheticBoards(count: number, seed = 2023): NewBoard[] {
  // Fewer municipalities than boards are generated; 1,000 of them keep the codes at five digits.
  if (count > 1000) throw new Error("at most 1000 synthetic boards");
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: NewBoard[] = [];
  for (let i = 0; out.length < count; i++) {
    const province = pick(PROVINCES);
    // Most Flemish municipalities have 5,000 to 50,000 inhabitants; a few are larger.
    const population = Math.round(5_000 * Math.exp(random() * Math.log(30)));
    const nisCode = String(99_000 + i).padStart(5, "0");
    const label = String(i + 1).padStart(3, "0");
    out.push({ name: `${SYNTHETIC_PREFIX}e gemeente ${label}`, kind: "MUNICIPALITY", nisCode, province, population, belfiusCluster: pick(CLUSTERS) });
    if (i % 3 === 0 && out.length < count) out.push({ name: `OCMW ${SYNTHETIC_PREFIX}e gemeente ${label}`, kind: "OCMW", nisCode, province, population });
    if (i % 10 === 0 && out.length < count) out.push({ name: `Politiezone ${SYNTHETIC_PREFIX} ${label}`, kind: "POLICE_ZONE", province, population: population * 2 });
    if (i % 25 === 0 && out.length < count) out.push({ name: `${SYNTHETIC_PREFIX} samenwerkingsverband ${label}`, kind: "INTERMUNICIPAL", province, population: population * 5 });
  }
  return out;
}

export interface SyntheticInvoice {
  actionIndex: number;
  payeeIndex: number;
  reference: string;
  amountCents: number;
  serviceDate: string;
  status: "SUBMITTED" | "APPROVED" | "PAID" | "REJECTED";
  boardIndexes: number[];
}

export interface SyntheticCoFinancing {
  boardIndex: number;
  actionIndex: number;
  kind: "PARTICIPATION_FEE" | "OWN_CONTRIBUTION";
  chargeCents: number;
  paidCents: number;
  date: string;
}

/**
 * Invoices and co-financing of a sector-sized programme: service providers invoicing actions for
 * the boards they served, and boards paying their participation fees. Approved amounts stay far
 * under the addendum's maximum, as in a real programme half-way.
 */
export function syntheticFunding(
  counts: { invoices: number; boards: number; actions: number; payees: number },
  seed = 2024,
): { invoices: SyntheticInvoice[]; coFinancing: SyntheticCoFinancing[] } {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const day = () => {
    // A day within 2023-07-01 .. 2025-06-30, by whole days from the start.
    const date = new Date(Date.UTC(2023, 6, 1) + int(730) * 86_400_000);
    return date.toISOString().slice(0, 10);
  };
  const statuses = ["SUBMITTED", "APPROVED", "APPROVED", "PAID", "PAID", "PAID", "REJECTED"] as const;
  const invoices = Array.from(
    { length: counts.invoices },
    (_, i): SyntheticInvoice => ({
      actionIndex: int(counts.actions),
      payeeIndex: int(counts.payees),
      reference: `SYN-${String(i + 1).padStart(5, "0")}`,
      // EUR 150 to EUR 650, whole euros.
      amountCents: (150 + int(500)) * 100,
      serviceDate: day(),
      status: statuses[int(statuses.length)]!,
      boardIndexes: [...new Set(Array.from({ length: 1 + int(3) }, () => int(counts.boards)))],
    }),
  );
  const coFinancing = Array.from({ length: counts.boards }, (_, boardIndex): SyntheticCoFinancing => {
    const chargeCents = (int(2) === 0 ? 250 : 2000) * 100;
    return {
      boardIndex,
      actionIndex: int(counts.actions),
      kind: chargeCents === 200_000 ? "OWN_CONTRIBUTION" : "PARTICIPATION_FEE",
      chargeCents,
      paidCents: random() < 0.8 ? chargeCents : 0,
      date: day(),
    };
  });
  return { invoices, coFinancing };
}
