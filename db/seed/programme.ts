// Placeholder: the programme's seeded records (trajectories the source names) are being built.
import type { Tx } from "../client.js";

/** Seeds the records of the rest of the programme that the source names; returns counts per kind. */
export async function seedProgramme(_tx: Tx): Promise<Record<string, number>> {
  return {};
}
