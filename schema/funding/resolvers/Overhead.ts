import type { OverheadResolvers } from "./../../types.generated.js";
export const Overhead: OverheadResolvers = {
  /* Implement Overhead resolver logic here */
  ceiling: async (_parent, _arg, _ctx) => {
    /* Overhead.ceiling resolver is required because Overhead.ceiling exists but OverheadMapper.ceiling does not */
  },
  counted: async (_parent, _arg, _ctx) => {
    /* Overhead.counted resolver is required because Overhead.counted exists but OverheadMapper.counted does not */
  },
  entries: async (_parent, _arg, _ctx) => {
    /* Overhead.entries resolver is required because Overhead.entries exists but OverheadMapper.entries does not */
  },
  recorded: async (_parent, _arg, _ctx) => {
    /* Overhead.recorded resolver is required because Overhead.recorded exists but OverheadMapper.recorded does not */
  },
};
