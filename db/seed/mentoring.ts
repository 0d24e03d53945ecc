// Placeholder: written by the mentoring directory helper.
import type { Tx } from "../client.js";

export async function seedMentoring(_tx: Tx): Promise<{ charters: number }> {
  return { charters: 0 };
}
