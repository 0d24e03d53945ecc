// Placeholder: written by the programmes helper.
import type { Tx } from "../client.js";

export async function seedProgrammes(_tx: Tx): Promise<{ programmes: number }> {
  return { programmes: 0 };
}
