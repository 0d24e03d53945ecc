import { toGlobalId } from "../../shared/relay.js";
import { boardLoader } from "../../boards/boards.service.js";
import { actionLoader } from "../agreements.service.js";
import { money } from "../../shared/money.js";
import type { CoFinancingEntryResolvers } from "./../../types.generated.js";

export const CoFinancingEntry: CoFinancingEntryResolvers = {
  id: (entry) => toGlobalId("CoFinancingEntry", entry.id),
  board: async (entry, _args, ctx) => (await boardLoader(ctx).load(entry.boardId))!,
  action: async (entry, _args, ctx) => (await actionLoader(ctx).load(entry.actionId))!,
  type: (entry) => entry.entryType,
  amount: (entry) => money(entry.amountCents, entry.currency),
  date: (entry) => entry.entryDate,
};
