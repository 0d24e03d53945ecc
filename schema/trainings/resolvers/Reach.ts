import type { ReachResolvers } from "./../../types.generated.js";
export const Reach: ReachResolvers = {
  /* Implement Reach resolver logic here */
  byBoard: async (_parent, _arg, _ctx) => {
    /* Reach.byBoard resolver is required because Reach.byBoard exists but ReachMapper.byBoard does not */
  },
  byFormat: async (_parent, _arg, _ctx) => {
    /* Reach.byFormat resolver is required because Reach.byFormat exists but ReachMapper.byFormat does not */
  },
  byTraining: async (_parent, _arg, _ctx) => {
    /* Reach.byTraining resolver is required because Reach.byTraining exists but ReachMapper.byTraining does not */
  },
  employees: async (_parent, _arg, _ctx) => {
    /* Reach.employees resolver is required because Reach.employees exists but ReachMapper.employees does not */
  },
};
