import { boardLoader } from "../../boards/boards.service.js";
import { money } from "../../shared/money.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CoFinancingEntryResolvers } from "./../../types.generated.js";
import { actionLoader } from "../agreements.service.js";

export const CoFinancingEntry: CoFinancingEntryResolvers = {
  id: (entry) => toGlobalId("CoFinancingEntry", entry.id),
  board: async (entry, _args, ctx) => (await boardLoader(ctx).load(entry.boardId))!,
  action: async (entry, _args, ctx) => (await actionLoader(ctx).load(entry.actionId))!,
  type: (entry) => entry.entryType,
  amount: (entry) => money(entry.amountCents, entry.currency),
  date: (entry) => entry.entryDate,
};
