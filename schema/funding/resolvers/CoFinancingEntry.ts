import { boardLoader } from "../../boards/boards.service.js";
import { money } from "../../shared/money.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CoFinancingEntryResolvers } from "./../../types.generated.js";
import { actionLoader } from "../agreements.service.js";
import { coFinancingEntryLoader, reversalOfEntry } from "../cofinancing.service.js";

// The charge, the reversed entry and the reversal are of the same board and agreement as the
// entry, so whoever reads the entry reads them; each is batched across the page.
export const CoFinancingEntry: CoFinancingEntryResolvers = {
  id: (entry) => toGlobalId("CoFinancingEntry", entry.id),
  board: async (entry, _args, ctx) => (await boardLoader(ctx).load(entry.boardId))!,
  action: async (entry, _args, ctx) => (await actionLoader(ctx).load(entry.actionId))!,
  type: (entry) => entry.entryType,
  amount: (entry) => money(entry.amountCents, entry.currency),
  date: (entry) => entry.entryDate,
  charge: (entry, _args, ctx) => (entry.chargeId ? coFinancingEntryLoader(ctx).load(entry.chargeId) : null),
  reverses: (entry, _args, ctx) => (entry.reversesId ? coFinancingEntryLoader(ctx).load(entry.reversesId) : null),
  reversedBy: (entry, _args, ctx) => reversalOfEntry(ctx).load(entry.id),
  recordedAt: (entry) => entry.createdAt,
};
