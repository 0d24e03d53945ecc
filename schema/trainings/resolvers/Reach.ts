import type { ReachResolvers } from "./../../types.generated.js";
import { reachByBoard, reachByFormat, reachByTraining, reachEmployees } from "../reach.service.js";

export const Reach: ReachResolvers = {
  employees: (view, _arg, ctx) => reachEmployees(ctx, view),
  byBoard: (view, _arg, ctx) => reachByBoard(ctx, view),
  byTraining: (view, _arg, ctx) => reachByTraining(ctx, view),
  byFormat: (view, _arg, ctx) => reachByFormat(ctx, view),
};
