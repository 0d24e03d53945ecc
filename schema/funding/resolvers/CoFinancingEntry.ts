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
  charge: async (_parent, _arg, _ctx) => {
    /* CoFinancingEntry.charge resolver is required because CoFinancingEntry.charge exists but CoFinancingEntryMapper.charge does not */
  },
  recordedAt: async (_parent, _arg, _ctx) => {
    /* CoFinancingEntry.recordedAt resolver is required because CoFinancingEntry.recordedAt exists but CoFinancingEntryMapper.recordedAt does not */
  },
  reversedBy: async (_parent, _arg, _ctx) => {
    /* CoFinancingEntry.reversedBy resolver is required because CoFinancingEntry.reversedBy exists but CoFinancingEntryMapper.reversedBy does not */
  },
  reverses: async (_parent, _arg, _ctx) => {
    /* CoFinancingEntry.reverses resolver is required because CoFinancingEntry.reverses exists but CoFinancingEntryMapper.reverses does not */
  },
};
