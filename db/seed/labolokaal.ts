// Placeholder: written by the LaboLokaal calls helper.
import type { Tx } from "../client.js";

export async function seedLaboLokaal(_tx: Tx): Promise<{ themes: number }> {
  return { themes: 0 };
}
