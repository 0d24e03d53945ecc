import type { OverheadCostResolvers } from "./../../types.generated.js";
export const OverheadCost: OverheadCostResolvers = {
  /* Implement OverheadCost resolver logic here */
  action: async (_parent, _arg, _ctx) => {
    /* OverheadCost.action resolver is required because OverheadCost.action exists but OverheadCostMapper.action does not */
  },
  amount: async (_parent, _arg, _ctx) => {
    /* OverheadCost.amount resolver is required because OverheadCost.amount exists but OverheadCostMapper.amount does not */
  },
  date: async (_parent, _arg, _ctx) => {
    /* OverheadCost.date resolver is required because OverheadCost.date exists but OverheadCostMapper.date does not */
  },
  recordedAt: async (_parent, _arg, _ctx) => {
    /* OverheadCost.recordedAt resolver is required because OverheadCost.recordedAt exists but OverheadCostMapper.recordedAt does not */
  },
  reversedBy: async (_parent, _arg, _ctx) => {
    /* OverheadCost.reversedBy resolver is required because OverheadCost.reversedBy exists but OverheadCostMapper.reversedBy does not */
  },
  reverses: async (_parent, _arg, _ctx) => {
    /* OverheadCost.reverses resolver is required because OverheadCost.reverses exists but OverheadCostMapper.reverses does not */
  },
};
